/**
 * Current retrievability of a card from the FSRS-6 forgetting curve (ts-fsrs's own `forgetting_curve`
 * with the default parameters), and what "mastered" means for the statistics.
 */
import { computeDecayFactor, default_w } from 'ts-fsrs';
import { computeRetrievability } from '../scheduler/retrievability';

/** The card fields retrievability needs (a `CardRow` has them). */
export interface RetrievabilityCard {
  /** ts-fsrs State: 0 New, 1 Learning, 2 Review, 3 Relearning. */
  state: number;
  stability: number;
  lastReview: number | null;
}

/** Probability (0..1) that the card is recalled at `now` — the scheduler's own computation, so both order cards alike. */
export function retrievability(card: RetrievabilityCard, now: number): number {
  return computeRetrievability(card, now);
}

/**
 * A card is mastered when it has graduated (Review state) and its retrievability is at or above the
 * desired retention. New cards are not mastered; neither are Learning or Relearning cards, whose
 * retrievability is high only because they were just seen (a card failed a minute ago is not known).
 */
export function isMastered(card: RetrievabilityCard, now: number, desiredRetention: number): boolean {
  return card.state === 2 && retrievability(card, now) >= desiredRetention;
}

/**
 * The largest elapsed-time-to-stability ratio t/S at which retrievability is still at least `retention`
 * (inverting the forgetting curve once, so a loop over many cards compares a ratio instead of calling
 * pow per card): R(t,S) ≥ r ⇔ t/S ≤ (r^(1/DECAY) − 1) / FACTOR.
 */
export function masteryRatioLimit(retention: number): number {
  const { decay, factor } = computeDecayFactor(default_w);
  if (!(retention > 0)) return Number.POSITIVE_INFINITY;
  if (retention >= 1) return 0;
  return (retention ** (1 / decay) - 1) / factor;
}
