import { afterEach, describe, expect, it } from 'vitest';
import {
  applyBrowseAction,
  BrowseLoadCancelled,
  listFlagged,
  loadBrowseData,
  loadQuestionHistory,
} from '../../../renderer/src/db/repos/browse-repo';
import { buildSelfTestPool, startSelfTest } from '../../../renderer/src/db/repos/selftest-repo';
import { LecternDb } from '../../../renderer/src/db/schema/database';
import { countChapterTallies } from '../../../renderer/src/db/schema/middleware/chapter-tallies';
import type { ChapterTallyRow } from '../../../renderer/src/db/schema/rows';
import {
  DAY,
  makeCard,
  makePack,
  makeQuestion,
  makeReview,
  seedQuestions,
  withCounts,
} from '../core/stats/fixtures';

const NOW = Date.UTC(2026, 2, 15, 18);
let db: LecternDb;
afterEach(async () => {
  await db?.delete();
});

/** Pack p: c1 = q0 q1 q2, c2 = q3; q9 removed. Pack o: z0. Cards: q0 in review, q1 suspended new. */
const QUESTIONS = [
  makeQuestion('p', 'q0', 'c1', 0),
  makeQuestion('p', 'q1', 'c1', 1),
  makeQuestion('p', 'q2', 'c1', 2),
  makeQuestion('p', 'q3', 'c2', 3),
  { ...makeQuestion('p', 'q9', 'c2', 4), removed: 1 as const },
  makeQuestion('o', 'z0', 'c1', 0),
];

async function seed(): Promise<LecternDb> {
  db = new LecternDb(`test-browse-${Math.random()}`);
  await seedQuestions(db, QUESTIONS);
  await db.packs.bulkAdd([withCounts(makePack('p'), QUESTIONS), withCounts(makePack('o'), QUESTIONS)]);
  await db.cards.bulkAdd([
    makeCard({ key: 'p:q0', state: 2, stability: 5, lastReview: NOW - DAY, due: NOW + 4 * DAY, reps: 2 }),
    makeCard({ key: 'p:q1', order: 1, suspended: 1 }),
  ]);
  await db.revlog.bulkAdd([
    makeReview({ cardKey: 'p:q0', at: NOW - 2 * DAY, rating: 1, correct: 0 }),
    makeReview({ cardKey: 'p:q0', at: NOW - DAY, rating: 3 }),
  ]);
  return db;
}

const sortTallies = (rows: ChapterTallyRow[]) =>
  [...rows].sort((a, b) => `${a.packId}:${a.chapterId}`.localeCompare(`${b.packId}:${b.chapterId}`));

async function expectTalliesTrue(): Promise<void> {
  expect(sortTallies(await db.chapterTallies.toArray())).toEqual(
    sortTallies(countChapterTallies(await db.cards.toArray())),
  );
}

const target = (key: string, order: number, chapterId = 'c1', removed = false) => ({
  key,
  order,
  chapterId,
  removed,
});

describe('loadBrowseData', () => {
  it('lists every question of every pack, removed ones too, with its card state, in batches', async () => {
    await seed();
    const batches: number[] = [];
    const data = await loadBrowseData(db, (rows) => batches.push(rows.length));
    expect(data.rows.map((r) => r.key)).toEqual(['o:z0', 'p:q0', 'p:q1', 'p:q2', 'p:q3', 'p:q9']);
    expect(batches.reduce((a, b) => a + b, 0)).toBe(6);
    const byKey = new Map(data.rows.map((r) => [r.key, r]));
    expect(byKey.get('p:q0')).toMatchObject({ state: 'review', due: NOW + 4 * DAY, reps: 2 });
    expect(byKey.get('p:q1')).toMatchObject({ state: 'new', suspended: true, due: null });
    expect(byKey.get('p:q9')?.removed).toBe(true);
    expect(data.packs.map((p) => p.id)).toEqual(['o', 'p']);
  });
});

describe('loadBrowseData: packs whose ids share a beginning, and leaving early', () => {
  it("reads each pack's own cards only, when one pack id begins another", async () => {
    db = new LecternDb(`test-browse-${Math.random()}`);
    const qs = [
      makeQuestion('p', 'a', 'c1', 0),
      makeQuestion('p-x', 'a', 'c1', 0),
      makeQuestion('p.y', 'a', 'c1', 0),
    ];
    await seedQuestions(db, qs);
    await db.packs.bulkAdd(['p', 'p-x', 'p.y'].map((id) => withCounts(makePack(id), qs)));
    await db.cards.bulkAdd([
      makeCard({ key: 'p-x:a', packId: 'p-x', flagged: 1 }),
      makeCard({ key: 'p.y:a', packId: 'p.y', suspended: 1 }),
    ]);
    const rows = (await loadBrowseData(db)).rows;
    expect(rows.map((r) => [r.key, r.flagged, r.suspended])).toEqual([
      ['p:a', false, false],
      ['p-x:a', true, false],
      ['p.y:a', false, true],
    ]);
  });

  it('stops when its signal is aborted', async () => {
    await seed();
    const abort = new AbortController();
    abort.abort();
    await expect(loadBrowseData(db, undefined, abort.signal)).rejects.toBeInstanceOf(BrowseLoadCancelled);
  });
});

describe('applyBrowseAction', () => {
  it('suspends and flags questions with and without card rows in one go, keeping the tallies true', async () => {
    await seed();
    const r = await applyBrowseAction(
      db,
      'suspend',
      [target('p:q0', 0), target('p:q1', 1), target('p:q2', 2)],
      NOW,
    );
    expect(r).toMatchObject({ changed: 2, unchanged: 1 });
    expect((await db.cards.get('p:q2' as never))?.suspended).toBe(1);
    expect((await db.cards.get('p:q0' as never))?.state).toBe(2); // progress kept
    await expectTalliesTrue();
    await applyBrowseAction(db, 'flag', [target('p:q3', 3, 'c2')], NOW);
    expect((await db.cards.get('p:q3' as never))?.flagged).toBe(1);
    await expectTalliesTrue();
  });

  it('unsuspends and unflags only what is marked; a question with no row stays without one', async () => {
    await seed();
    const r = await applyBrowseAction(db, 'unsuspend', [target('p:q1', 1), target('p:q2', 2)], NOW);
    expect(r).toMatchObject({ changed: 1, unchanged: 1 });
    expect((await db.cards.get('p:q1' as never))?.suspended).toBe(0);
    expect(await db.cards.get('p:q2' as never)).toBeUndefined();
    await expectTalliesTrue();
  });

  it('a row made for a removed question stays removed (out of the queue and the tallies)', async () => {
    await seed();
    await applyBrowseAction(db, 'suspend', [target('p:q9', 4, 'c2', true)], NOW);
    expect((await db.cards.get('p:q9' as never))?.removed).toBe(1);
    await expectTalliesTrue();
  });

  it('reset starts a question over: its card and its reviews go, a mark stays on a new row', async () => {
    await seed();
    await applyBrowseAction(db, 'flag', [target('p:q0', 0)], NOW);
    const r = await applyBrowseAction(db, 'reset', [target('p:q0', 0), target('p:q2', 2)], NOW);
    expect(r).toMatchObject({ changed: 1, unchanged: 1, reviewsDeleted: 2 });
    const card = await db.cards.get('p:q0' as never);
    expect(card).toMatchObject({ state: 0, flagged: 1, reps: 0 });
    expect(await db.revlog.count()).toBe(0);
    await expectTalliesTrue();
  });

  it('reschedule brings a studied card due now and leaves new questions new', async () => {
    await seed();
    const r = await applyBrowseAction(db, 'reschedule', [target('p:q0', 0), target('p:q2', 2)], NOW);
    expect(r).toMatchObject({ changed: 1, unchanged: 1 });
    const card = await db.cards.get('p:q0' as never);
    expect(card?.due).toBe(NOW);
    expect(card?.dueKey).toBe(NOW);
    expect(card?.stability).toBe(5);
  });
});

describe('loadQuestionHistory', () => {
  it('gives the question, its card and its reviews oldest first', async () => {
    await seed();
    const h = await loadQuestionHistory(db, { key: 'p:q0', order: 0 });
    expect(h.question?.id).toBe('q0');
    expect(h.reviews.map((r) => r.rating)).toEqual([1, 3]);
  });
});

describe('flagged self-tests', () => {
  it('draws only flagged questions, new ones included, removed ones left out', async () => {
    await seed();
    await applyBrowseAction(
      db,
      'flag',
      [target('p:q0', 0), target('p:q2', 2), target('p:q9', 4, 'c2', true)],
      NOW,
    );
    expect((await listFlagged(db, ['p', 'o'])).map((f) => f.key).sort()).toEqual(['p:q0', 'p:q2']);
    const pool = await buildSelfTestPool(db, ['p'], [{ packId: 'p', chapterId: 'c1' }], true);
    expect(pool.map((q) => q.key)).toEqual(['p:q0', 'p:q2']);
    const started = await startSelfTest(db, {
      packIds: ['p'],
      chapters: [
        { packId: 'p', chapterId: 'c1' },
        { packId: 'p', chapterId: 'c2' },
      ],
      flaggedOnly: true,
      mode: 'exam',
      count: 10,
      order: 'random',
      seed: 1,
      now: NOW,
    });
    if (!started.ok) throw new Error('not started');
    expect(started.test.state.questions.map((q) => q.key).sort()).toEqual(['p:q0', 'p:q2']);
    expect(started.test.state.selection?.flaggedOnly).toBe(true);
  });
});
