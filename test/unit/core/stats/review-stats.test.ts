import { describe, expect, it, vi } from 'vitest';
import {
  appendReview,
  computeReviewStats,
  createReviewColumns,
  makeDayClock,
  type ReviewFields,
  reviewColumnsFrom,
} from '../../../../renderer/src/core/stats';

const HOUR = 3_600_000;
/** Local time in UTC+2. */
function local(y: number, m: number, d: number, h = 12, min = 0): number {
  return Date.UTC(y, m - 1, d, h, min) - 2 * HOUR;
}
const NOW = local(2026, 3, 15, 12);
const clock = makeDayClock({ utcOffsetMinutes: 120, dayStartHour: 4 });

function r(at: number, rating: number, stateBefore: number, responseMs = 1000): ReviewFields {
  return { at, rating, stateBefore, responseMs };
}

// Hand-made log; comments give the study day each review falls on (days start at 04:00 local).
const LOG = [
  r(local(2026, 3, 15, 9), 3, 2, 2000), // r1 today, pass
  r(local(2026, 3, 15, 4, 30), 1, 2, 3000), // r2 today, fail
  r(local(2026, 3, 15, 3), 3, 0), // r3 before 04:00 → 03-14; new card, not in retention
  r(local(2026, 3, 14, 22), 2, 2, 500), // r4 03-14, Hard = pass
  r(local(2026, 3, 13, 10), 4, 1, 700), // r5 03-13, learning, not in retention
  r(local(2026, 3, 11), 3, 2), // r6 03-11 (03-12 has nothing)
  r(local(2026, 2, 20), 1, 2), // r7
  r(local(2026, 2, 21), 3, 2), // r8
  r(local(2026, 2, 22), 3, 3), // r9 relearning, not in retention
  r(local(2025, 12, 31), 3, 2), // r10 outside the 30 days
  r(local(2025, 3, 16), 3, 2), // r11 first day of the heatmap
  r(local(2025, 3, 15, 23), 3, 2), // r12 the day before the heatmap
  r(local(2026, 3, 16, 12), 3, 2), // r13 tomorrow (clock skew): totals only
];

describe('computeReviewStats on a hand-made log at a fixed now', () => {
  const stats = computeReviewStats(reviewColumnsFrom(LOG), { now: NOW, clock });

  it('counts totals and today', () => {
    expect(stats.todayDate).toBe('2026-03-15');
    expect(stats.totalReviews).toBe(13);
    expect(stats.totalTimeMs).toBe(15_200);
    expect(stats.todayReviews).toBe(2);
    expect(stats.todayTimeMs).toBe(5000);
  });

  it('fills the heatmap for the 365 days ending today', () => {
    const heat = stats.reviewsPerDay;
    expect(heat.firstDate).toBe('2025-03-16');
    expect(heat.values).toHaveLength(365);
    expect(heat.values[0]).toBe(1);
    expect(heat.values.slice(-5)).toEqual([1, 0, 1, 2, 2]);
    expect(heat.values.reduce((a, b) => a + b, 0)).toBe(11);
    expect(stats.timePerDayMs.values.slice(-3)).toEqual([700, 1500, 5000]);
    expect(stats.timePerDayMs.firstDay).toBe(heat.firstDay);
  });

  it('counts the streak up to today, and the longest run', () => {
    expect(stats.streak).toEqual({ current: 3, includesToday: true, longest: 3 });
  });

  it('computes true retention from Review-state reviews only, last 30 days and by month', () => {
    expect(stats.retention.recent).toEqual({ passed: 4, total: 6, rate: 4 / 6 });
    expect(stats.retention.byMonth).toEqual([
      { month: '2025-03', passed: 2, total: 2, rate: 1 },
      { month: '2025-12', passed: 1, total: 1, rate: 1 },
      { month: '2026-02', passed: 1, total: 2, rate: 0.5 },
      { month: '2026-03', passed: 3, total: 4, rate: 0.75 },
    ]);
  });

  it('gives the same figures whatever the row order', () => {
    const shuffled = [...LOG].reverse();
    expect(computeReviewStats(reviewColumnsFrom(shuffled), { now: NOW, clock })).toEqual(stats);
  });
});

describe('streak', () => {
  const at = (days: number[]) => reviewColumnsFrom(days.map((d) => r(local(2026, 3, d), 3, 2)));

  it('still counts up to yesterday when nothing was reviewed yet today', () => {
    expect(computeReviewStats(at([12, 13, 14]), { now: NOW, clock }).streak).toEqual({
      current: 3,
      includesToday: false,
      longest: 3,
    });
  });

  it('is broken when yesterday had no review', () => {
    expect(computeReviewStats(at([10, 11, 12, 13]), { now: NOW, clock }).streak).toEqual({
      current: 0,
      includesToday: false,
      longest: 4,
    });
  });

  it('runs past the heatmap window', () => {
    const days = Array.from({ length: 400 }, (_, i) => NOW - i * 86_400_000);
    const stats = computeReviewStats(reviewColumnsFrom(days.map((t) => r(t, 3, 2))), { now: NOW, clock });
    expect(stats.streak.current).toBe(400);
    expect(stats.reviewsPerDay.values.every((v) => v === 1)).toBe(true);
  });
});

describe('empty log and bad rows', () => {
  it('reports zeros and no retention rate', () => {
    const stats = computeReviewStats(createReviewColumns(), { now: NOW, clock, heatmapDays: 7 });
    expect(stats.totalReviews).toBe(0);
    expect(stats.reviewsPerDay.values).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(stats.streak).toEqual({ current: 0, includesToday: false, longest: 0 });
    expect(stats.retention).toEqual({ recent: { passed: 0, total: 0, rate: null }, byMonth: [] });
  });

  it('ignores a NaN timestamp and a negative response time in per-day figures', () => {
    const cols = createReviewColumns(1);
    appendReview(cols, r(Number.NaN, 3, 2));
    appendReview(cols, r(NOW, 3, 2, -50));
    const stats = computeReviewStats(cols, { now: NOW, clock, heatmapDays: 2 });
    expect(stats.reviewsPerDay.values).toEqual([0, 1]);
    expect(stats.totalTimeMs).toBe(1000);
  });
});

describe('scale', () => {
  it('computes the figures for a million reviews in one pass', () => {
    const n = 1_000_000;
    const cols = createReviewColumns(n);
    for (let i = 0; i < n; i++) {
      appendReview(cols, {
        at: NOW - (i % 1500) * 86_400_000 - (i % 7) * HOUR,
        rating: 1 + (i % 4),
        stateBefore: i % 4,
        responseMs: 800,
      });
    }
    // Counted, not timed (speed belongs to `npm run bench`): a per-row Date or Map entry is what
    // would make a million reviews take seconds, so the pass may make neither per row.
    const RealDate = globalThis.Date;
    let dates = 0;
    globalThis.Date = new Proxy(RealDate, {
      construct(target, args) {
        dates++;
        return Reflect.construct(target, args);
      },
    });
    const mapSets = vi.spyOn(Map.prototype, 'set');
    let stats: ReturnType<typeof computeReviewStats>;
    try {
      stats = computeReviewStats(cols, { now: NOW, clock });
    } finally {
      globalThis.Date = RealDate;
    }
    const sets = mapSets.mock.calls.length;
    mapSets.mockRestore();
    expect(stats.totalReviews).toBe(n);
    expect(stats.streak.current).toBeGreaterThan(1000);
    expect(dates).toBeLessThan(10_000);
    expect(sets).toBeLessThan(10_000);
  });
});
