import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CardHistory, splitDay } from '../../../../renderer/src/core/scheduler';

/** The definition: every review's day after a card's first, sorted, and the one at that rank. */
function bySorting(histories: readonly CardHistory[], fraction: number): number {
  const days = histories.flatMap((h) => h.days.slice(1)).sort((a, b) => a - b);
  if (days.length === 0) return 0;
  return days[Math.min(days.length - 1, Math.floor(days.length * fraction))] ?? 0;
}

describe('the split day of a time-series split', () => {
  it('is the day at the rank of the earlier part among all reviews (counted per day, as sorting would give)', () => {
    const history = fc
      .array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 12 })
      .map((days) => ({
        ratings: days.map(() => 3),
        days: [...days].sort((a, b) => a - b),
      }));
    fc.assert(
      fc.property(
        fc.array(history, { maxLength: 40 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (hs, f) => {
          expect(splitDay(hs, f)).toBe(bySorting(hs, f));
        },
      ),
    );
    expect(splitDay([])).toBe(0);
    expect(splitDay([{ ratings: [3, 3, 3, 3], days: [0, 1, 5, 9] }])).toBe(9);
  });
});
