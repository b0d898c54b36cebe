/** The statistics screen's figures in one call. */
import { type CardStats, type CardStatsOptions, computeCardStats, type StatsCard } from './card-stats';
import type { ReviewColumns } from './review-log';
import { computeReviewStats, type ReviewStats, type ReviewStatsOptions } from './review-stats';

/** Every figure of the statistics screen. */
export interface StatsReport {
  now: number;
  cards: CardStats;
  reviews: ReviewStats;
}

/** Options of `computeStats`: those of `computeCardStats` and `computeReviewStats` together. */
export type StatsOptions = CardStatsOptions & ReviewStatsOptions;

/** Computes every statistic from the card rows and the review log at `now`. Pure. */
export function computeStats(
  cards: readonly StatsCard[],
  log: ReviewColumns,
  options: StatsOptions,
): StatsReport {
  return {
    now: options.now,
    cards: computeCardStats(cards, options),
    reviews: computeReviewStats(log, options),
  };
}
