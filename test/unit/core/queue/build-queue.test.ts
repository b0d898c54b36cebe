import { describe, expect, it } from 'vitest';
import {
  buildQueue,
  computeDayEnd,
  computeDayStart,
  nextLearningDue,
  type QueueCard,
} from '../../../../renderer/src/core/queue';

const NOW = Date.UTC(2025, 2, 10, 12, 0, 0);
const MIN = 60_000;
const DAY = 86_400_000;

function card(key: string, over: Partial<QueueCard> = {}): QueueCard {
  return {
    key,
    packId: 'p',
    chapterId: 'ch1',
    order: 0,
    state: 0,
    due: NOW,
    stability: 0,
    lastReview: null,
    suspended: 0,
    removed: 0,
    ...over,
  };
}
const review = (key: string, stability: number, daysSinceReview: number, over: Partial<QueueCard> = {}) =>
  card(key, { state: 2, stability, lastReview: NOW - daysSinceReview * DAY, due: NOW - DAY, ...over });

const cards: QueueCard[] = [
  card('p:new-3', { order: 3 }),
  card('p:new-1', { order: 1 }),
  card('p:new-2-ch2', { order: 2, chapterId: 'ch2' }),
  card('p:learn-later', { state: 1, due: NOW + 5 * MIN }),
  card('p:learn-b', { state: 1, due: NOW - 1 * MIN }),
  card('p:relearn-a', { state: 3, due: NOW - 10 * MIN }),
  // R after 10 days: S=2 ≈ 0.66, S=10 = 0.90, S=50 ≈ 0.98
  review('p:rev-strong', 50, 10),
  review('p:rev-weak', 2, 10),
  review('p:rev-mid', 10, 10),
  review('p:rev-not-due', 10, 1, { due: NOW + DAY }),
  review('p:rev-suspended', 1, 10, { suspended: 1 }),
  card('p:new-removed', { order: 0, removed: 1 }),
];

describe('buildQueue at a fixed now', () => {
  it('orders reviews by retrievability, then due learning cards, then new cards in course order', () => {
    const plan = buildQueue(cards, NOW, { openedChapters: new Set(['p:ch1']) });
    expect(plan.keys).toEqual([
      'p:rev-weak',
      'p:rev-mid',
      'p:rev-strong',
      'p:relearn-a',
      'p:learn-b',
      'p:new-1',
      'p:new-3',
    ]);
    expect(plan).toMatchObject({ reviews: 3, learning: 2, newCards: 2 });
  });

  it('takes new cards of unopened chapters only when requireReading is off', () => {
    const keys = buildQueue(cards, NOW, { requireReading: false }).keys;
    expect(keys.slice(-3)).toEqual(['p:new-1', 'p:new-2-ch2', 'p:new-3']);
    expect(buildQueue(cards, NOW, {}).newCards).toBe(0);
  });

  it('respects the daily limits minus what was done today, per pack', () => {
    const plan = buildQueue(cards, NOW, {
      requireReading: false,
      limits: { p: { newPerDay: 5, reviewsPerDay: 3 } },
      doneToday: { p: { newDone: 4, reviewsDone: 1 } },
    });
    expect(plan.keys).toEqual(['p:rev-weak', 'p:rev-mid', 'p:relearn-a', 'p:learn-b', 'p:new-1']);
    const over = buildQueue(cards, NOW, {
      requireReading: false,
      doneToday: { p: { newDone: 30, reviewsDone: 500 } },
    });
    expect(over.keys).toEqual(['p:relearn-a', 'p:learn-b']);
  });

  it('shows reviews due later today when given the end of the day as cutoff', () => {
    const keys = buildQueue(cards, NOW, { dueCutoff: NOW + DAY }).keys;
    expect(keys).toContain('p:rev-not-due');
    expect(keys.indexOf('p:rev-not-due')).toBeLessThan(keys.indexOf('p:relearn-a'));
  });

  it('keeps packs in the given order for new cards and applies limits to each pack', () => {
    const multi = [
      card('a:1', { packId: 'a', order: 1 }),
      card('a:2', { packId: 'a', order: 2 }),
      card('b:1', { packId: 'b', order: 1 }),
      card('b:2', { packId: 'b', order: 2 }),
    ];
    const plan = buildQueue(multi, NOW, {
      requireReading: false,
      packOrder: ['b', 'a'],
      limits: { b: { newPerDay: 1, reviewsPerDay: 10 } },
      defaultLimits: { newPerDay: 2, reviewsPerDay: 10 },
    });
    expect(plan.keys).toEqual(['b:1', 'a:1', 'a:2']);
  });
});

describe('nextLearningDue', () => {
  it('is the earliest future learning due, ignoring suspended cards and reviews', () => {
    expect(nextLearningDue(cards, NOW)).toBe(NOW + 5 * MIN);
    expect(nextLearningDue([...cards, card('x', { state: 3, due: NOW + MIN, suspended: 1 })], NOW)).toBe(
      NOW + 5 * MIN,
    );
    expect(nextLearningDue([review('r', 1, 1, { due: NOW + MIN })], NOW)).toBeNull();
  });
});

describe('study day', () => {
  it('starts at local midnight for the given offset', () => {
    // 2025-03-10 01:30 UTC is 2025-03-09 21:30 in New York (UTC−4 after DST) and 03:30 in Athens (UTC+2).
    const t = Date.UTC(2025, 2, 10, 1, 30);
    expect(new Date(computeDayStart(t, -240)).toISOString()).toBe('2025-03-09T04:00:00.000Z');
    expect(new Date(computeDayStart(t, 120)).toISOString()).toBe('2025-03-09T22:00:00.000Z');
    expect(new Date(computeDayStart(t, 0)).toISOString()).toBe('2025-03-10T00:00:00.000Z');
    expect(computeDayEnd(t, 0) - computeDayStart(t, 0)).toBe(DAY);
  });

  it('can start at another hour', () => {
    const t = Date.UTC(2025, 2, 10, 3, 0);
    expect(new Date(computeDayStart(t, 0, 4)).toISOString()).toBe('2025-03-09T04:00:00.000Z');
    expect(new Date(computeDayStart(t + 2 * 3_600_000, 0, 4)).toISOString()).toBe('2025-03-10T04:00:00.000Z');
  });
});
