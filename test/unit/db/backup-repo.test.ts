import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { type BackupTables, parseBackup } from '../../../renderer/src/core/backup';
import {
  countTables,
  exportBackup,
  readAllTables,
  restoreBackup,
  restoreBackupText,
} from '../../../renderer/src/db/backup-repo';
import { LecternDb } from '../../../renderer/src/db/db';
import type { CardRow, ReviewRow } from '../../../renderer/src/db/rows';
import { k, makeCard, makePack, makeQuestion, makeReview } from '../core/stats/fixtures';

const opened: LecternDb[] = [];
afterEach(async () => {
  for (const d of opened.splice(0)) await d.delete();
});
function open(): LecternDb {
  const d = new LecternDb(`test-backup-${Math.random()}`);
  opened.push(d);
  return d;
}

// --- generated histories -------------------------------------------------------------------------
const text = fc.string({ unit: 'binary', maxLength: 12 });
// JSON has no negative zero: -0 is restored as 0 (the app never relies on the sign of zero).
const num = fc
  .double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e12 })
  .map((x) => (x === 0 ? 0 : x));
const unit01 = fc.double({ min: 0, max: 1, noNaN: true }).map((x) => (x === 0 ? 0 : x));
const time = fc.integer({ min: 0, max: 4_000_000_000_000 });
const flag = fc.constantFrom<0 | 1>(0, 1);
const state = fc.constantFrom<0 | 1 | 2 | 3>(0, 1, 2, 3);
const json = fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown);

function cardArb(key: string, packId: string): fc.Arbitrary<CardRow> {
  return fc
    .record({
      chapterId: text,
      order: fc.integer({ min: 0, max: 1e6 }),
      state,
      due: time,
      stability: num,
      difficulty: num,
      elapsedDays: fc.nat(),
      scheduledDays: fc.nat(),
      learningSteps: fc.nat(5),
      reps: fc.nat(),
      lapses: fc.nat(),
      lastReview: fc.option(time, { nil: null }),
      suspended: flag,
      flagged: flag,
      removed: flag,
      rev: fc.nat(),
    })
    .map((c) => ({ ...c, key: k(key), packId }));
}

const historyArb: fc.Arbitrary<BackupTables> = fc
  .record({
    packIds: fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/), { minLength: 1, maxLength: 3 }),
    questionIds: fc.uniqueArray(fc.stringMatching(/^q[0-9]{1,3}$/), { maxLength: 8 }),
    title: text,
    description: fc.option(text, { nil: undefined }),
  })
  .chain(({ packIds, questionIds, title, description }) => {
    const keys = packIds.flatMap((p) => questionIds.map((q) => ({ p, q })));
    return fc.record({
      packs: fc.constant(
        packIds.map((id) => ({
          ...makePack(id),
          title,
          ...(description === undefined ? {} : { description }),
        })),
      ),
      questions: fc.constant(keys.map(({ p, q }, i) => makeQuestion(p, q, i % 2 ? 'c2' : 'c1', i))),
      cards:
        keys.length === 0 ? fc.constant([]) : fc.tuple(...keys.map(({ p, q }) => cardArb(`${p}:${q}`, p))),
      reviews: fc.uniqueArray(
        fc.record({
          id: fc.integer({ min: 1, max: 1_000_000 }),
          at: time,
          rating: fc.constantFrom<1 | 2 | 3 | 4>(1, 2, 3, 4),
          score: unit01,
          correct: flag,
          response: text,
          responseMs: fc.nat(),
          stateBefore: state,
          prev: cardArb('x:y', 'x'),
          dueAfter: time,
        }),
        { selector: (r) => r.id, maxLength: 12 },
      ),
      reading: fc.uniqueArray(
        fc.record({
          key: fc.stringMatching(/^[a-z]{1,4}:[a-z]{1,4}$/),
          packId: text,
          chapterId: text,
          firstOpenedAt: time,
          lastOpenedAt: time,
          lastSection: fc.option(text, { nil: undefined }),
        }),
        { selector: (r) => r.key, maxLength: 4 },
      ),
      settings: fc.uniqueArray(fc.record({ key: fc.string({ minLength: 1, maxLength: 6 }), value: json }), {
        selector: (r) => r.key,
        maxLength: 3,
      }),
      selftests: fc.uniqueArray(
        fc.record({
          id: fc.integer({ min: 1, max: 1000 }),
          packIds: fc.array(text, { maxLength: 2 }),
          status: fc.constantFrom<'running' | 'done'>('running', 'done'),
          startedAt: time,
          finishedAt: fc.option(time, { nil: undefined }),
          score: fc.option(unit01, {
            nil: undefined,
          }),
          state: json,
        }),
        { selector: (r) => r.id, maxLength: 3 },
      ),
    });
  })
  .map((t) => ({
    ...t,
    cards: [...t.cards],
    reviews: t.reviews.map((r) => ({ ...makeReview({ at: r.at }), ...r, cardKey: k('x:y') })),
    // Optional fields left undefined are absent in what we store (as the app's own writers do).
    reading: t.reading.map((r) => stripUndefined(r)),
    selftests: t.selftests.map((r) => stripUndefined(r)),
  })) as fc.Arbitrary<BackupTables>;

function stripUndefined<T extends object>(row: T): T {
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined)) as T;
}

async function fill(d: LecternDb, t: BackupTables): Promise<void> {
  await d.transaction(
    'rw',
    [d.packs, d.questions, d.cards, d.reviews, d.reading, d.settings, d.selftests],
    async () => {
      await d.packs.bulkAdd(t.packs as never);
      await d.questions.bulkAdd(t.questions as never);
      await d.cards.bulkAdd(t.cards as never);
      await d.reviews.bulkAdd(t.reviews as never);
      await d.reading.bulkAdd(t.reading as never);
      await d.settings.bulkAdd(t.settings as never);
      await d.selftests.bulkAdd(t.selftests as never);
    },
  );
}

async function wipe(d: LecternDb): Promise<void> {
  await d.transaction(
    'rw',
    [d.packs, d.questions, d.cards, d.reviews, d.reading, d.settings, d.selftests],
    async () => {
      for (const t of [d.packs, d.questions, d.cards, d.reviews, d.reading, d.settings, d.selftests])
        await t.clear();
    },
  );
}

// --- tests ------------------------------------------------------------------------------------------
describe('backup round trip', () => {
  it('export → wipe → restore gives identical data (generated histories)', async () => {
    await fc.assert(
      fc.asyncProperty(historyArb, async (history) => {
        const d = open();
        await fill(d, history);
        const before = await readAllTables(d);
        const text = await exportBackup(d, 1_700_000_000_000, '0.1.0');
        await wipe(d);
        expect(await countTables(d)).toEqual({
          packs: 0,
          questions: 0,
          cards: 0,
          reviews: 0,
          reading: 0,
          settings: 0,
          selftests: 0,
        });
        const result = await restoreBackupText(d, text);
        expect(result.ok).toBe(true);
        expect(await readAllTables(d)).toEqual(before);
        // Byte-identical re-export: nothing was lost or reordered.
        expect(await exportBackup(d, 1_700_000_000_000, '0.1.0')).toBe(text);
        await d.delete();
      }),
      { numRuns: 25 },
    );
  });

  it('replaces what was there, and new reviews get ids after the restored ones', async () => {
    const source = open();
    await fill(source, {
      packs: [makePack('p')],
      questions: [makeQuestion('p', 'a', 'c1', 0)],
      cards: [makeCard({ key: 'p:a', state: 2 })],
      reviews: [{ ...makeReview({ at: 5, cardKey: 'p:a' }), id: 40 }],
      reading: [],
      settings: [{ key: 'app', value: { theme: 'dark' } }],
      selftests: [],
    });
    const text = await exportBackup(source, 1, '0.1.0');
    const target = open();
    await target.packs.add(makePack('other'));
    await target.reviews.add(makeReview({ at: 1, cardKey: 'other:z' }));
    const result = await restoreBackupText(target, text);
    expect(result.ok && result.counts.reviews).toBe(1);
    expect((await target.packs.toArray()).map((p) => p.id)).toEqual(['p']);
    const id = await target.reviews.add(makeReview({ at: 9, cardKey: 'p:a' }));
    expect(id).toBeGreaterThan(40);
  });
});

describe('refused files change nothing', () => {
  async function seeded(): Promise<{ d: LecternDb; text: string; before: BackupTables }> {
    const d = open();
    await fill(d, {
      packs: [makePack('p')],
      questions: [makeQuestion('p', 'a', 'c1', 0)],
      cards: [makeCard({ key: 'p:a', state: 2, stability: 4 })],
      reviews: [{ ...makeReview({ at: 5, cardKey: 'p:a' }), id: 1 }],
      reading: [],
      settings: [],
      selftests: [],
    });
    return { d, text: await exportBackup(d, 1, '0.1.0'), before: await readAllTables(d) };
  }

  it('refuses corrupt, truncated and foreign files and leaves the database as it was', async () => {
    const { d, text, before } = await seeded();
    // Another backup with different data, damaged in three ways.
    const other = open();
    await fill(other, { ...before, cards: [makeCard({ key: 'p:a', state: 0 })], reviews: [] });
    const otherText = await exportBackup(other, 2, '0.1.0');
    for (const bad of [
      otherText.slice(0, otherText.length / 2),
      otherText.replace('"state":0', '"state":2'),
      '{"format":"something-else"}',
      'not json at all',
    ]) {
      const result = await restoreBackupText(d, bad);
      expect(result.ok).toBe(false);
      expect(await readAllTables(d)).toEqual(before);
    }
    expect(parseBackup(text).ok).toBe(true);
  });

  it('rolls back everything when a write fails midway', async () => {
    const { d, before } = await seeded();
    const parsed = parseBackup(await exportBackup(d, 1, '0.1.0'));
    if (!parsed.ok) throw new Error('expected a valid backup');
    // Bypass parseBackup's duplicate check so the reviews bulkAdd fails after packs, questions and cards were cleared and written.
    const review = parsed.backup.tables.reviews[0] as ReviewRow;
    const broken = {
      ...parsed.backup,
      tables: { ...parsed.backup.tables, packs: [makePack('new')], reviews: [review, review] },
    };
    await expect(restoreBackup(d, broken as never)).rejects.toThrow();
    expect(await readAllTables(d)).toEqual(before);
  });
});
