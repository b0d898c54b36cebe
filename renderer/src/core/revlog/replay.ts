/**
 * A card's state is a replay of its reviews: the scheduler applied to each answer in turn, from a
 * new card. The sync between machines (issue 20) rebuilds a card this way after merging reviews;
 * the tests prove the stored state is exactly this replay.
 */
import { answerCard, newCard, type SchedulerSettings, type SchedulingState } from '../scheduler';

/** The fields of a review the replay reads. */
export interface ReplayedReview {
  id: string;
  at: number;
  rating: 1 | 2 | 3 | 4;
}

/**
 * The state `reviews` (any order: they are applied by id, which is time order) leave card `key` in,
 * answered with `settings`, from `start` (a new card due at the first answer when left out).
 */
export function replayReviews(
  key: string,
  reviews: readonly ReplayedReview[],
  settings: SchedulerSettings,
  start?: SchedulingState,
): SchedulingState {
  const ordered = [...reviews].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  let card = start ?? newCard(ordered[0]?.at ?? 0);
  for (const r of ordered) card = answerCard(card, r.rating, r.at, settings, key).card;
  return card;
}
