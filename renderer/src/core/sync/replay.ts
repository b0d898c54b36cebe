/**
 * A card's state is a replay of its reviews: from a new card at its first review, each rating goes
 * through the one scheduler (`core/scheduler`), whose fuzz is seeded by the card and its review count,
 * so every device that holds the same reviews computes the same state.
 */
import { answerCard, newCard, type SchedulerSettings, type SchedulingState } from '../scheduler';
import type { ReviewEvent } from './events';

/** The scheduling state after `reviews` (in replay order, see `reviewsByCard`); null when there are none. */
export function replayCard(
  cardKey: string,
  reviews: readonly ReviewEvent[],
  settings: SchedulerSettings,
): SchedulingState | null {
  const first = reviews[0];
  if (!first) return null;
  let state = newCard(first.at);
  for (const r of reviews) state = answerCard(state, r.rating, r.at, settings, cardKey).card;
  return state;
}
