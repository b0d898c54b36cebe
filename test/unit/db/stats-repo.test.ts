import { liveQuery } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { createDefaultSettings } from '../../../renderer/src/core/settings';
import { LecternDb } from '../../../renderer/src/db/db';
import { saveSettings } from '../../../renderer/src/db/settings-repo';
import { loadReviewColumns, loadStats } from '../../../renderer/src/db/stats-repo';
import { DAY, HOUR, makeCard, makeQuestion, makeReview } from '../core/stats/fixtures';

let db: LecternDb;
afterEach(async () => {
  await db?.delete();
});

const NOW = Date.UTC(2026, 2, 15, 12);

async function seed(): Promise<LecternDb> {
  db = new LecternDb(`test-stats-${Math.random()}`);
  await db.questions.bulkAdd([
    makeQuestion('p', 'a', 'c1', 0),
    makeQuestion('p', 'b', 'c1', 1),
    makeQuestion('o', 'z', 'c1', 0),
  ]);
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
    makeCard({ key: 'o:z', packId: 'o', state: 0 }),
  ]);
  await db.reviews.bulkAdd([
    makeReview({ at: NOW - 2 * DAY, cardKey: 'p:b', rating: 1, responseMs: 4000 }),
    makeReview({ at: NOW - DAY, cardKey: 'p:a', rating: 3, responseMs: 2000 }),
    makeReview({ at: NOW - HOUR, cardKey: 'o:z', packId: 'o', rating: 3, stateBefore: 0, responseMs: 1000 }),
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
      ['p', 2, 1, 1, 0],
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
    expect(s.cards.packs[0]?.mastered).toBe(2);
  });

  it('reads the log across chunk boundaries', async () => {
    db = new LecternDb(`test-stats-${Math.random()}`);
    const rows = Array.from({ length: 12_001 }, (_, i) => makeReview({ at: NOW - i * 1000, responseMs: 1 }));
    await db.reviews.bulkAdd(rows);
    const all = await loadReviewColumns(db);
    expect(all.length).toBe(12_001);
    const one = await loadReviewColumns(db, 'p');
    expect(one.length).toBe(12_001);
    expect((await loadReviewColumns(db, 'none')).length).toBe(0);
  });

  it('re-runs inside a live query as soon as a review is stored', async () => {
    const d = await seed();
    const seen: number[] = [];
    const sub = liveQuery(() => loadStats(d, { now: NOW })).subscribe({
      next: (s) => seen.push(s.reviews.todayReviews),
    });
    await waitFor(() => seen.length === 1);
    await d.reviews.add(makeReview({ at: NOW - 60_000, cardKey: 'p:a' }));
    await waitFor(() => seen.length === 2);
    sub.unsubscribe();
    expect(seen).toEqual([1, 2]);
  });
});

async function waitFor(test: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !test(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(test()).toBe(true);
}
