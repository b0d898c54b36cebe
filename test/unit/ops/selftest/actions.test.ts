import { afterEach, describe, expect, it } from 'vitest';
import type { Question } from '../../../../renderer/src/core/pack/schema';
import { remainingMs } from '../../../../renderer/src/core/selftest';
import { answerSelfTest, loadSelfTest, startSelfTest } from '../../../../renderer/src/db/repos/selftest-repo';
import { LecternDb } from '../../../../renderer/src/db/schema/database';
import type { CardKey, QuestionRow } from '../../../../renderer/src/db/schema/rows';
import {
  checkpointSelfTest,
  finishAndSchedule,
  recordAnswer,
  showQuestion,
} from '../../../../renderer/src/ops/selftest/actions';
import { DAY, makeCard, seedQuestions } from '../../core/stats/fixtures';

const MIN = 60_000;
const NOW = Date.UTC(2026, 2, 15, 18);
let db: LecternDb;
afterEach(async () => {
  await db?.delete();
});

function trueFalse(id: string, order: number, answer: boolean): QuestionRow {
  const question: Question = { id, section: 's1', type: 'true-false', prompt: `Statement ${id}`, answer };
  return {
    key: `p:${id}` as CardKey,
    packId: 'p',
    id,
    chapterId: 'c1',
    section: 's1',
    type: 'true-false',
    order,
    question,
    answerHash: `a-${id}`,
    removed: 0,
  };
}

const ROWS = [trueFalse('q0', 0, true), trueFalse('q1', 1, false), trueFalse('q2', 2, true)];

async function seed(): Promise<LecternDb> {
  db = new LecternDb(`test-selftest-actions-${Math.random()}`);
  await seedQuestions(db, ROWS);
  await db.cards.bulkAdd([
    makeCard({
      key: 'p:q0',
      state: 2,
      stability: 10,
      difficulty: 5,
      lastReview: NOW - DAY,
      due: NOW + 9 * DAY,
      order: 0,
    }),
    makeCard({
      key: 'p:q1',
      state: 2,
      stability: 5,
      difficulty: 5,
      lastReview: NOW - 2 * DAY,
      due: NOW + 3 * DAY,
      order: 1,
    }),
  ]);
  // q2 was never studied: no card row.
  return db;
}

async function start(
  mode: 'exam' | 'practice',
  countsForSchedule: boolean,
  timeLimitMs: number | null = null,
) {
  const res = await startSelfTest(db, {
    packIds: ['p'],
    mode,
    count: 5,
    order: 'random',
    seed: 's',
    countsForSchedule,
    timeLimitMs,
    now: NOW,
  });
  if (!res.ok) throw new Error('no test');
  return res.test;
}

/** The schedule: every card and review row. */
async function readSchedule() {
  return { cards: await db.cards.toArray(), reviews: await db.revlog.toArray() };
}

function indexOf(test: { state: { questions: { key: string }[] } }, key: string): number {
  return test.state.questions.findIndex((q) => q.key === key);
}

describe('recordAnswer and finishAndSchedule', () => {
  it('an exam with the switch off leaves cards and the review log exactly as they were', async () => {
    await seed();
    const before = await readSchedule();
    const test = await start('exam', false);
    const i0 = indexOf(test, 'p:q0');
    const i1 = indexOf(test, 'p:q1');
    const r0 = await recordAnswer(
      db,
      test,
      i0,
      ROWS[0]!.question,
      { type: 'true-false', value: true },
      900,
      NOW + MIN,
    );
    expect(r0.grade.correct).toBe(true);
    await recordAnswer(
      db,
      test,
      i1,
      ROWS[1]!.question,
      { type: 'true-false', value: true },
      900,
      NOW + 2 * MIN,
    );
    const done = await finishAndSchedule(db, test.id, NOW + 3 * MIN);
    expect(done?.state.status).toBe('done');
    expect(await readSchedule()).toEqual(before);
  });

  it('a practice test with the switch off leaves the schedule alone too', async () => {
    await seed();
    const before = await readSchedule();
    const test = await start('practice', false);
    await recordAnswer(
      db,
      test,
      indexOf(test, 'p:q2'),
      ROWS[2]!.question,
      { type: 'true-false', value: false },
      900,
      NOW + MIN,
    );
    await finishAndSchedule(db, test.id, NOW + 2 * MIN);
    expect(await readSchedule()).toEqual(before);
  });

  it('an exam with the switch on schedules each answered card once, with its final answer, at the finish', async () => {
    await seed();
    const test = await start('exam', true);
    const i0 = indexOf(test, 'p:q0');
    const i1 = indexOf(test, 'p:q1');
    // q0: first wrong, then changed to right; q1 wrong; q2 never answered.
    await recordAnswer(db, test, i0, ROWS[0]!.question, { type: 'true-false', value: false }, 900, NOW + MIN);
    await recordAnswer(
      db,
      test,
      i0,
      ROWS[0]!.question,
      { type: 'true-false', value: true },
      900,
      NOW + 2 * MIN,
    );
    await recordAnswer(
      db,
      test,
      i1,
      ROWS[1]!.question,
      { type: 'true-false', value: true },
      900,
      NOW + 3 * MIN,
    );
    expect(await db.revlog.count()).toBe(0);

    const times: number[] = [];
    times[i0] = 60_000;
    times[i1] = 60_000;
    await finishAndSchedule(db, test.id, NOW + 4 * MIN, times);
    const reviews = await db.revlog.orderBy('cardKey').toArray();
    expect(reviews.map((r) => [r.cardKey, r.rating, r.correct])).toEqual([
      ['p:q0', 3, 1],
      ['p:q1', 1, 0],
    ]);
    // q2 was not answered: it stays without a card row (new).
    expect(await db.cards.get('p:q2' as CardKey)).toBeUndefined();
    expect((await db.cards.get('p:q1' as CardKey))?.lapses).toBe(1);

    await finishAndSchedule(db, test.id, NOW + 5 * MIN, times);
    expect(await db.revlog.count()).toBe(2);
  });

  it('a practice test with the switch on schedules each answer as it is given, and not again at the finish', async () => {
    await seed();
    const test = await start('practice', true);
    const i2 = indexOf(test, 'p:q2');
    await recordAnswer(
      db,
      test,
      i2,
      ROWS[2]!.question,
      { type: 'true-false', value: true },
      20_000,
      NOW + MIN,
    );
    const reviews = await db.revlog.toArray();
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({ cardKey: 'p:q2', rating: 3, correct: 1, stateBefore: 0 });
    // Its first counted answer gave the never-studied question its card row, as study would.
    expect((await db.undo.get(reviews[0]?.id as string))?.prev).toMatchObject({
      key: 'p:q2',
      state: 0,
      order: 2,
      chapterId: 'c1',
      rev: 0,
    });
    const card = await db.cards.get('p:q2' as CardKey);
    expect(card).toMatchObject({ packId: 'p', chapterId: 'c1', order: 2, rev: 1, lastReview: NOW + MIN });
    expect(card?.state).not.toBe(0);
    expect(card?.dueKey).toBe(card?.due);

    // Practice answers are final: a second answer is refused and writes nothing.
    const again = await recordAnswer(
      db,
      test,
      i2,
      ROWS[2]!.question,
      { type: 'true-false', value: false },
      900,
      NOW + 2 * MIN,
    );
    expect(again.move).toEqual({ ok: false, reason: 'already-answered' });
    await finishAndSchedule(db, test.id, NOW + 3 * MIN);
    expect(await db.revlog.count()).toBe(1);
  });

  it('an exam with the switch on gives a never-studied question its card at the finish', async () => {
    await seed();
    const test = await start('exam', true);
    const i2 = indexOf(test, 'p:q2');
    await recordAnswer(db, test, i2, ROWS[2]!.question, { type: 'true-false', value: false }, 900, NOW + MIN);
    expect(await db.cards.get('p:q2' as CardKey)).toBeUndefined();
    await finishAndSchedule(db, test.id, NOW + 2 * MIN);
    const reviews = await db.revlog.toArray();
    expect(reviews.map((r) => [r.cardKey, r.rating, r.correct, r.stateBefore])).toEqual([['p:q2', 1, 0, 0]]);
    expect(await db.cards.get('p:q2' as CardKey)).toMatchObject({ state: 1, order: 2, rev: 1 });
  });

  it('a question removed from its pack since the test began gets no card and no review', async () => {
    await seed();
    const test = await start('practice', true);
    await seedQuestions(db, [ROWS[0]!, ROWS[1]!, { ...ROWS[2]!, removed: 1 }]);
    const out = await recordAnswer(
      db,
      test,
      indexOf(test, 'p:q2'),
      ROWS[2]!.question,
      { type: 'true-false', value: true },
      900,
      NOW + MIN,
    );
    expect(out.move?.ok).toBe(true);
    expect(await db.cards.get('p:q2' as CardKey)).toBeUndefined();
    expect(await db.revlog.count()).toBe(0);
  });

  it('a suspended card is left alone even when the test counts', async () => {
    await seed();
    await db.cards.update('p:q0' as CardKey, { suspended: 1 });
    const test = await start('practice', true);
    await recordAnswer(
      db,
      test,
      indexOf(test, 'p:q0'),
      ROWS[0]!.question,
      { type: 'true-false', value: true },
      900,
      NOW + MIN,
    );
    expect(await db.revlog.count()).toBe(0);
  });

  it('a timed exam finished after its limit is expired: the whole limit used, late answers refused', async () => {
    await seed();
    const test = await start('exam', false, 5 * MIN);
    const i0 = indexOf(test, 'p:q0');
    await recordAnswer(db, test, i0, ROWS[0]!.question, { type: 'true-false', value: true }, 900, NOW + MIN);
    const late = await recordAnswer(
      db,
      test,
      indexOf(test, 'p:q1'),
      ROWS[1]!.question,
      { type: 'true-false', value: false },
      900,
      NOW + 6 * MIN,
    );
    expect(late.move).toEqual({ ok: false, reason: 'expired' });
    const done = await finishAndSchedule(db, test.id, NOW + 6 * MIN);
    expect(done?.state).toMatchObject({ status: 'done', expired: true, elapsedMs: 5 * MIN });
    expect(done?.state.answers.filter((a) => a !== null)).toHaveLength(1);
  });
});

describe('checkpointSelfTest and showQuestion', () => {
  it('a checkpoint stores the time used so far, so a crash loses only the time since', async () => {
    await seed();
    const test = await start('exam', false, 10 * MIN);
    await checkpointSelfTest(db, test.id, NOW + 2 * MIN);
    const stored = await loadSelfTest(db, test.id);
    expect(stored?.state.elapsedMs).toBe(2 * MIN);
    expect(stored?.state.resumedAt).toBe(NOW + 2 * MIN);
    expect(remainingMs(stored!.state, NOW + 2 * MIN)).toBe(8 * MIN);
  });

  it('a checkpoint of a paused or finished test changes nothing', async () => {
    await seed();
    const test = await start('exam', false, 10 * MIN);
    await finishAndSchedule(db, test.id, NOW + MIN);
    const before = await loadSelfTest(db, test.id);
    await checkpointSelfTest(db, test.id, NOW + 9 * MIN);
    expect(await loadSelfTest(db, test.id)).toEqual(before);
  });

  it('showQuestion moves the stored test to a question and refuses one out of range', async () => {
    await seed();
    const test = await start('exam', false);
    await showQuestion(db, test.id, 2);
    expect((await loadSelfTest(db, test.id))?.state.current).toBe(2);
    await showQuestion(db, test.id, 7);
    expect((await loadSelfTest(db, test.id))?.state.current).toBe(2);
    await answerSelfTest(db, test.id, 0, { response: null, grade: { score: 0, correct: false } }, NOW + MIN);
    expect((await loadSelfTest(db, test.id))?.state.current).toBe(0);
  });
});
