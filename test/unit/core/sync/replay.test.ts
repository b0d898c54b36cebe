import { describe, expect, it } from 'vitest';
import { answerCard, newCard, type Rating } from '../../../../renderer/src/core/scheduler';
import { DEFAULT_SCHEDULER_SETTINGS } from '../../../../renderer/src/core/scheduler/settings';
import {
  eventIdMaker,
  type ReviewEvent,
  replayCard,
  reviewsByCard,
} from '../../../../renderer/src/core/sync';

const DAY = 86_400_000;

describe('replaying a card’s reviews (issue 20)', () => {
  it('gives the state the answers gave as they happened', () => {
    const make = eventIdMaker('laptop01');
    const ratings: Rating[] = [3, 3, 1, 3, 4, 2, 3];
    let state = newCard(1_700_000_000_000);
    let at = 1_700_000_000_000;
    const reviews: ReviewEvent[] = [];
    for (const rating of ratings) {
      reviews.push({
        k: 'review',
        id: make(at),
        at,
        card: 'p:q1',
        pack: 'p',
        chapter: 'c',
        rating,
        score: 1,
        correct: 1,
        ms: 1,
      });
      state = answerCard(state, rating, at, DEFAULT_SCHEDULER_SETTINGS, 'p:q1').card;
      at = Math.max(at + 60_000, state.due);
    }
    const shuffled = [...reviews].reverse();
    const ordered = reviewsByCard(shuffled).get('p:q1') ?? [];
    expect(replayCard('p:q1', ordered, DEFAULT_SCHEDULER_SETTINGS)).toEqual(state);
    expect(state.reps).toBe(ratings.length);
    expect(state.due).toBeGreaterThan(at - 365 * DAY);
  });

  it('has no state without reviews', () => {
    expect(replayCard('p:q1', [], DEFAULT_SCHEDULER_SETTINGS)).toBeNull();
  });
});
