import { liveQuery } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { createDefaultSettings } from '../../../renderer/src/core/settings';
import { addReviews, compactReviewLog } from '../../../renderer/src/db/repos/revlog-repo';
import { saveSettings } from '../../../renderer/src/db/repos/settings-repo';
import { loadReviewColumns, loadStats } from '../../../renderer/src/db/repos/stats-repo';
import { LecternDb } from '../../../renderer/src/db/schema/database';
import { packOfKey } from '../../../renderer/src/db/schema/rows';
import { warmReviewColumns } from '../../../renderer/src/ops/review-log-upkeep';
import {
  DAY,
  HOUR,
  makeCard,
  makePack,
  makeQuestion,
  makeReview,
  seedQuestions,
  withCounts,
} from '../core/stats/fixtures';

let db: LecternDb;
afterEach(async () => {
  await db?.delete();
});

const NOW = Date.UTC(2026, 2, 15, 12);

const QUESTIONS = [
  makeQuestion('p', 'a', 'c1', 0),
  makeQuestion('p', 'b', 'c1', 1),
  makeQuestion('p', 'c', 'c2', 2),
  makeQuestion('o', 'z', 'c1', 0),
];

/** Card rows only for the studied questions: p:c and o:z have none (new). */
async function seed(): Promise<LecternDb> {
  db = new LecternDb(`test-stats-${Math.random()}`);
  await seedQuestions(db, QUESTIONS);
  await db.packs.bulkAdd([withCounts(makePack('p'), QUESTIONS), withCounts(makePack('o'), QUESTIONS)]);
  await db.cards.bulkAdd([
    makeCard({ key: 'p:a', state: 2, stability: 10, lastReview: NOW - DAY, due: NOW + 9 * DAY, lapses: 1 }),
    makeCard({
      key: 'p:b',
      order: 1,
      state: 2,
      stability: 1,
      lastReview: NOW - 2 * DAY,
      due: NOW - DAY,
      lapses: 2,
    }),
  ]);
  await db.revlog.bulkAdd([
    makeReview({ at: NOW - 2 * DAY, cardKey: 'p:b', rating: 1, responseMs: 4000 }),
    makeReview({ at: NOW - DAY, cardKey: 'p:a', rating: 3, responseMs: 2000 }),
    makeReview({ at: NOW - HOUR, cardKey: 'o:z', rating: 3, stateBefore: 0, responseMs: 1000 }),
  ]);
  return db;
}

describe('loadStats', () => {
  it("computes the figures from the stored rows, with the hardest questions' sections", async () => {
    const d = await seed();
    const s = await loadStats(d, { now: NOW });
    expect(s.reviews.totalReviews).toBe(3);
    expect(s.reviews.totalTimeMs).toBe(7000);
    expect(s.reviews.streak).toEqual({ current: 3, includesToday: true, longest: 3 });
    expect(s.reviews.retention.recent).toEqual({ passed: 1, total: 2, rate: 0.5 });
    expect(s.cards.packs.map((p) => [p.packId, p.questions, p.mastered, p.dueToday, p.newLeft])).toEqual([
      ['o', 1, 0, 0, 1],
      ['p', 3, 1, 1, 1],
    ]);
    expect(s.cards.packs[1]?.chapters.map((c) => [c.chapterId, c.questions, c.newLeft])).toEqual([
      ['c1', 2, 0],
      ['c2', 1, 1],
    ]);
    expect(s.hardestDetails.map((h) => [h.key, h.lapses, h.section, h.questionId])).toEqual([
      ['p:b', 2, 's1', 'b'],
      ['p:a', 1, 's1', 'a'],
    ]);
  });

  it('filters by pack and uses the stored per-pack retention', async () => {
    const d = await seed();
    const settings = createDefaultSettings();
    settings.packOverrides = { p: { desiredRetention: 0.7 } };
    await saveSettings(d, settings);
    const s = await loadStats(d, { now: NOW, packId: 'p' });
    expect(s.reviews.totalReviews).toBe(2);
    // p:b at t = 2S has R ≈ 0.846: mastered at 0.70, not at 0.90.
    expect(s.cards.packs).toHaveLength(1);
    expect(s.cards.packs[0]).toMatchObject({ packId: 'p', questions: 3, mastered: 2, newLeft: 1 });
  });

  it('reads the log across chunk boundaries', async () => {
    db = new LecternDb(`test-stats-${Math.random()}`);
    const rows = Array.from({ length: 12_001 }, (_, i) => makeReview({ at: NOW - i * 1000, responseMs: 1 }));
    await db.revlog.bulkAdd(rows);
    const all = await loadReviewColumns(db);
    expect(all.length).toBe(12_001);
    const one = await loadReviewColumns(db, 'p');
    expect(one.length).toBe(12_001);
    expect((await loadReviewColumns(db, 'none')).length).toBe(0);
  });

  it("reads each review once whatever the ids: gaps, other packs' runs, scattered ids", async () => {
    db = new LecternDb(`test-stats-${Math.random()}`);
    // Runs of p and o (as study sessions leave them), then p and o alternating, then o with a few p.
    const packOf = (i: number) =>
      i < 6000
        ? Math.floor(i / 700) % 2 === 0
          ? 'p'
          : 'o'
        : i < 9000
          ? i % 2
            ? 'p'
            : 'o'
          : i % 97
            ? 'o'
            : 'p';
    const rows = Array.from({ length: 12_000 }, (_, i) =>
      makeReview({ at: NOW - i * 1000, responseMs: i, cardKey: `${packOf(i)}:q1` }),
    );
    await db.revlog.bulkAdd(rows);
    const sum = (c: { length: number; responseMs: Float64Array }) =>
      Array.from(c.responseMs.subarray(0, c.length)).reduce((a, b) => a + b, 0);
    const expected = (packId?: string) =>
      rows.reduce((a, r, i) => a + (packId === undefined || packOfKey(r.cardKey) === packId ? i : 0), 0);
    for (const packId of ['p', 'o', undefined]) {
      const cols = await loadReviewColumns(db, packId);
      expect(cols.length).toBe(
        rows.filter((r) => packId === undefined || packOfKey(r.cardKey) === packId).length,
      );
      expect(sum(cols)).toBe(expected(packId));
    }
    // Most rows deleted: the reviews are far apart, and every remaining row is still read once.
    await db.revlog.bulkDelete(rows.slice(100, 11_900).map((r) => r.id));
    const left = await loadReviewColumns(db);
    expect(left.length).toBe(await db.revlog.count());
    expect(sum(left)).toBe((await db.revlog.toArray()).reduce((a, r) => a + r.responseMs, 0));
  });

  it('reads the same columns once older days are day records, cached or not (schema 6)', async () => {
    db = new LecternDb(`test-stats-${Math.random()}`);
    const rows = Array.from({ length: 3000 }, (_, i) =>
      makeReview({ at: NOW - i * 700_000, responseMs: i, cardKey: `${i % 3 ? 'p' : 'o'}:q${i % 40}` }),
    );
    await db.revlog.bulkAdd(rows);
    const read = async () => {
      const out: [number, number][] = [];
      for (const packId of ['p', 'o', undefined]) {
        const cols = await loadReviewColumns(db, packId);
        out.push([
          cols.length,
          Array.from(cols.responseMs.subarray(0, cols.length)).reduce((a, b) => a + b, 0),
        ]);
      }
      return out;
    };
    const before = await read();
    expect(before[2]).toEqual([3000, (2999 * 3000) / 2]);
    const { moved } = await compactReviewLog(db, NOW);
    expect(moved).toBeGreaterThan(2500);
    expect(await read()).toEqual(before);
    expect(await warmReviewColumns(db)).toBeGreaterThan(20);
    expect(await read()).toEqual(before);
    // A merge into an old day drops that day's cached columns: the next read counts the new review.
    await addReviews(db, [makeReview({ at: NOW - 10 * DAY, responseMs: 5, cardKey: 'o:new' })], NOW);
    const after = await read();
    expect(after[1]).toEqual([
      (before[1] as [number, number])[0] + 1,
      (before[1] as [number, number])[1] + 5,
    ]);
  });

  it('re-runs inside a live query as soon as a review is stored', async () => {
    const d = await seed();
    const seen: number[] = [];
    const sub = liveQuery(() => loadStats(d, { now: NOW })).subscribe({
      next: (s) => seen.push(s.reviews.todayReviews),
    });
    await waitFor(() => seen.length === 1);
    await d.revlog.add(makeReview({ at: NOW - 60_000, cardKey: 'p:a' }));
    await waitFor(() => seen.length === 2);
    sub.unsubscribe();
    expect(seen).toEqual([1, 2]);
  });
});

async function waitFor(test: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !test(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(test()).toBe(true);
}
