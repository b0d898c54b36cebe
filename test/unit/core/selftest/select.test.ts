import { describe, expect, it } from 'vitest';
import {
  clampQuestionCount,
  type PoolQuestion,
  selectQuestions,
} from '../../../../renderer/src/core/selftest';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 2, 15, 12);

function q(i: number, card: PoolQuestion['card'], extra: Partial<PoolQuestion> = {}): PoolQuestion {
  return { key: `p:q${i}`, packId: 'p', chapterId: 'c1', type: 'flashcard', order: i, card, ...extra };
}
const seen = (stability: number, days: number, state = 2) => ({
  state,
  stability,
  lastReview: NOW - days * DAY,
});

// R at t/S: 0.1 → 0.986, 1 → 0.900, 2 → 0.846, 5 → 0.760, 0.02 → 0.997.
const POOL: PoolQuestion[] = [
  q(0, seen(10, 1)),
  q(1, null),
  q(2, seen(2, 10)),
  q(3, { state: 0, stability: 0, lastReview: null }),
  q(4, seen(5, 5)),
  q(5, seen(0.5, 0.01, 3)),
  q(6, seen(2, 10)),
  q(7, seen(2, 4), { type: 'typed', chapterId: 'c2' }),
];
const keys = (xs: PoolQuestion[]) => xs.map((x) => x.key);

describe('selectQuestions, weakest first at a fixed now', () => {
  it('puts never-seen questions first in course order, then lowest retrievability, ties in course order', () => {
    expect(keys(selectQuestions(POOL, { count: 50, order: 'weakest', seed: 1, now: NOW }))).toEqual([
      'p:q1',
      'p:q3',
      'p:q2',
      'p:q6',
      'p:q7',
      'p:q4',
      'p:q0',
      'p:q5',
    ]);
  });

  it('takes the wanted count, clamped to 5–50', () => {
    expect(keys(selectQuestions(POOL, { count: 5, order: 'weakest', seed: 1, now: NOW }))).toEqual([
      'p:q1',
      'p:q3',
      'p:q2',
      'p:q6',
      'p:q7',
    ]);
    expect(selectQuestions(POOL, { count: 2, order: 'weakest', seed: 1, now: NOW })).toHaveLength(5);
    expect(clampQuestionCount(0)).toBe(5);
    expect(clampQuestionCount(80)).toBe(50);
    expect(clampQuestionCount(Number.NaN)).toBe(5);
    expect(clampQuestionCount(12.4)).toBe(12);
  });

  it('filters by type and by chapter', () => {
    expect(
      keys(selectQuestions(POOL, { count: 50, order: 'weakest', seed: 1, now: NOW, types: ['typed'] })),
    ).toEqual(['p:q7']);
    const c1 = selectQuestions(POOL, {
      count: 50,
      order: 'weakest',
      seed: 1,
      now: NOW,
      chapters: [{ packId: 'p', chapterId: 'c1' }],
    });
    expect(c1).toHaveLength(7);
    expect(
      selectQuestions(POOL, {
        count: 50,
        order: 'weakest',
        seed: 1,
        now: NOW,
        chapters: [{ packId: 'other', chapterId: 'c1' }],
      }),
    ).toEqual([]);
  });

  it('depends on now: a question reviewed long ago becomes the weakest seen one', () => {
    const later = NOW + 100 * DAY;
    const order = keys(selectQuestions(POOL, { count: 50, order: 'weakest', seed: 1, now: later }));
    expect(order.slice(0, 2)).toEqual(['p:q1', 'p:q3']);
    // At +100 days the S=0.5 card (q5) has the lowest retrievability of all seen cards.
    expect(order[2]).toBe('p:q5');
  });
});

describe('selectQuestions, random', () => {
  const big = Array.from({ length: 40 }, (_, i) => q(i, null));

  it('gives the same draw for the same seed and another for another seed', () => {
    const a = keys(selectQuestions(big, { count: 10, order: 'random', seed: 'seed-a', now: NOW }));
    expect(keys(selectQuestions(big, { count: 10, order: 'random', seed: 'seed-a', now: NOW }))).toEqual(a);
    expect(keys(selectQuestions(big, { count: 10, order: 'random', seed: 'seed-b', now: NOW }))).not.toEqual(
      a,
    );
    expect(new Set(a).size).toBe(10);
    expect(a).not.toEqual(keys(big.slice(0, 10)));
  });

  it('draws every question under some seed (not stuck on a prefix)', () => {
    const drawn = new Set<string>();
    for (let seed = 0; seed < 60; seed++) {
      for (const k of keys(selectQuestions(big, { count: 5, order: 'random', seed, now: NOW }))) drawn.add(k);
    }
    expect(drawn.size).toBe(40);
  });
});
