import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countQueued,
  createEmptyQueue,
  hasQueuedCard,
  nextQueuedLearning,
  peekNextCards,
  pickNextCard,
  type QueueCard,
  type QueuePick,
  removeQueuedCard,
  requeueAnswered,
  returnToFront,
  type SessionQueue,
  splitQueue,
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

const queue: SessionQueue = {
  reviews: ['r1', 'r2'],
  learning: [
    { key: 'l-due', due: NOW - MIN },
    { key: 'l-later', due: NOW + 10 * MIN },
  ],
  fresh: ['n1', 'n2'],
};

describe('splitQueue', () => {
  it('keeps every learning card by due (also those not due yet) beside the limited reviews and new cards', () => {
    const parts = splitQueue(
      [
        card('n2', { order: 2 }),
        card('n1', { order: 1 }),
        card('l-later', { state: 1, due: NOW + 5 * MIN }),
        card('l-now', { state: 3, due: NOW - MIN }),
        card('r', { state: 2, stability: 3, lastReview: NOW - 5 * DAY, due: NOW - DAY }),
      ],
      NOW,
      { requireReading: false, limits: { p: { newPerDay: 1, reviewsPerDay: 10 } } },
    );
    expect(parts).toEqual({
      reviews: ['r'],
      learning: [
        { key: 'l-now', due: NOW - MIN },
        { key: 'l-later', due: NOW + 5 * MIN },
      ],
      fresh: ['n1'],
    });
  });
});

describe('the session queue', () => {
  it('picks reviews, then learning cards due, then new cards; not the card just answered while another is due', () => {
    expect(pickNextCard(queue, NOW)).toEqual({ key: 'r1', kind: 'review' });
    expect(pickNextCard(queue, NOW, 'r1')).toEqual({ key: 'r2', kind: 'review' });
    const noReviews = { ...queue, reviews: [] };
    expect(pickNextCard(noReviews, NOW)).toEqual({ key: 'l-due', kind: 'learning' });
    expect(pickNextCard(noReviews, NOW + 10 * MIN, 'l-due')).toEqual({ key: 'l-later', kind: 'learning' });
    const onlyOne = { reviews: [], learning: [{ key: 'l', due: NOW }], fresh: [] };
    expect(pickNextCard(onlyOne, NOW, 'l')).toEqual({ key: 'l', kind: 'learning' });
    expect(pickNextCard({ ...onlyOne, learning: [{ key: 'l', due: NOW + 1 }] }, NOW)).toBeNull();
    expect(pickNextCard(createEmptyQueue(), NOW)).toBeNull();
  });

  it('an answered card leaves; a learning one comes back when its step falls due, not before', () => {
    let q = requeueAnswered(queue, 'n1', 1, NOW + 1 * MIN);
    expect(q.fresh).toEqual(['n2']);
    expect(q.learning.map((l) => l.key)).toEqual(['l-due', 'n1', 'l-later']);
    expect(countQueued(q, NOW)).toEqual({ reviews: 2, learning: 1, newCards: 1 });
    expect(countQueued(q, NOW + MIN)).toEqual({ reviews: 2, learning: 2, newCards: 1 });
    // A review answered goes away for this session.
    q = requeueAnswered(q, 'r1', 2, NOW + 3 * DAY);
    q = requeueAnswered(q, 'r2', 2, NOW + 3 * DAY);
    q = requeueAnswered(q, 'l-due', 2, NOW + DAY);
    expect(hasQueuedCard(q, 'r1')).toBe(false);
    expect(pickNextCard(q, NOW)).toEqual({ key: 'n2', kind: 'new' });
    q = requeueAnswered(q, 'n2', 2, NOW + DAY);
    expect(pickNextCard(q, NOW)).toBeNull();
    expect(nextQueuedLearning(q, NOW)).toBe(NOW + MIN);
    expect(pickNextCard(q, NOW + MIN)).toEqual({ key: 'n1', kind: 'learning' });
  });

  it('returns an undone card to the front of its kind (learning: due now at the latest)', () => {
    const back = returnToFront(requeueAnswered(queue, 'n2', 1, NOW + 10 * MIN), 'n2', 0, NOW, NOW);
    expect(back.fresh).toEqual(['n2', 'n1']);
    expect(back.learning.map((l) => l.key)).toEqual(['l-due', 'l-later']);
    expect(returnToFront(queue, 'x', 2, NOW - DAY, NOW).reviews).toEqual(['x', 'r1', 'r2']);
    const learning = returnToFront(queue, 'l-later', 1, NOW + 10 * MIN, NOW);
    expect(learning.learning).toEqual([
      { key: 'l-due', due: NOW - MIN },
      { key: 'l-later', due: NOW },
    ]);
  });

  it('peeks the next cards after the one on screen, and removes a card wherever it is', () => {
    expect(peekNextCards(queue, NOW, 2, 'r1')).toEqual(['r2', 'l-due']);
    expect(peekNextCards(queue, NOW, 0)).toEqual([]);
    expect(removeQueuedCard(queue, 'l-later').learning).toEqual([{ key: 'l-due', due: NOW - MIN }]);
    expect(removeQueuedCard(queue, 'absent')).toBe(queue);
  });

  it('never shows a card twice: answering every pick empties the queue (property)', () => {
    const arb = fc.record({
      reviews: fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { maxLength: 10 }),
      fresh: fc.uniqueArray(fc.integer({ min: 31, max: 60 }), { maxLength: 10 }),
      learning: fc.uniqueArray(fc.integer({ min: 61, max: 90 }), { maxLength: 10 }),
      steps: fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 60 }),
    });
    fc.assert(
      fc.property(arb, ({ reviews, fresh, learning, steps }) => {
        let q: SessionQueue = {
          reviews: reviews.map(String),
          fresh: fresh.map(String),
          learning: learning.map((k, i) => ({ key: String(k), due: NOW + i * MIN })),
        };
        const total = reviews.length + fresh.length + learning.length;
        const shown = new Set<string>();
        let now = NOW;
        let last: string | null = null;
        // Each pick is answered into Review (gone) unless a step says "learning again" once.
        for (let i = 0; i < total * 3; i++) {
          const pick: QueuePick | null = pickNextCard(q, now, last);
          if (!pick) {
            const next = nextQueuedLearning(q, now);
            if (next === null) break;
            now = next;
            continue;
          }
          const again = (steps[i] ?? 0) === 0 && !shown.has(pick.key);
          if (!again && shown.has(pick.key) && pick.kind !== 'learning') return false;
          shown.add(pick.key);
          q = again ? requeueAnswered(q, pick.key, 1, now + MIN) : requeueAnswered(q, pick.key, 2, now + DAY);
          last = pick.key;
        }
        return countQueued(q, Number.POSITIVE_INFINITY).reviews + q.fresh.length + q.learning.length === 0;
      }),
    );
  });
});
