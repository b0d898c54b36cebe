import { describe, expect, it } from 'vitest';
import {
  buildHistories,
  countTrainingItems,
  fitScope,
  type ReviewFact,
  splitDay,
} from '../../../../renderer/src/core/scheduler';
import { makeDayClock } from '../../../../renderer/src/core/stats/day';

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 0, 6, 9);
const clock = makeDayClock();
const fact = (
  cardKey: string,
  day: number,
  rating: 1 | 2 | 3 | 4,
  stateBefore: 0 | 1 | 2 | 3,
  min = 0,
): ReviewFact => ({
  cardKey,
  at: T0 + day * DAY + min * 60_000,
  rating,
  stateBefore,
});

describe('review histories for the FSRS optimizer', () => {
  it('groups by card in time order, keeps study days, and drops cards whose log does not start new', () => {
    const h = buildHistories(
      [fact('p:a', 3, 3, 2), fact('p:a', 0, 3, 0), fact('p:a', 0, 3, 1, 10), fact('p:b', 5, 3, 2)],
      clock,
    );
    const d0 = Math.floor(T0 / DAY);
    expect(h).toEqual([{ ratings: [3, 3, 3], days: [d0, d0, d0 + 3] }]);
  });

  it('trains on the part after a reset (a later review of a new card)', () => {
    const h = buildHistories(
      [fact('p:a', 0, 1, 0), fact('p:a', 2, 3, 2), fact('p:a', 9, 4, 0), fact('p:a', 12, 3, 2)],
      clock,
    );
    expect(h[0]?.ratings).toEqual([4, 3]);
  });

  it('counts as items only reviews on a later day than the one before (fsrs-rs: defaults under 8, initial stabilities under 64)', () => {
    const h = buildHistories(
      [fact('p:a', 0, 3, 0), fact('p:a', 0, 3, 1, 10), fact('p:a', 2, 3, 2), fact('p:a', 7, 3, 2)],
      clock,
    );
    expect(countTrainingItems(h)).toBe(2);
    expect(fitScope(7)).toBe('none');
    expect(fitScope(8)).toBe('initial-stability');
    expect(fitScope(63)).toBe('initial-stability');
    expect(fitScope(64)).toBe('full');
  });

  it('splits in time at the day that leaves the earlier two thirds of the reviews before it', () => {
    const h = [{ ratings: [3, 3, 3, 3, 3, 3, 3], days: [0, 1, 2, 3, 4, 5, 6] }];
    // Reviews after the first fall on days 1..6: two thirds (4 of 6) come before day 5.
    expect(splitDay(h)).toBe(5);
  });
});
