/**
 * Review histories in the shape the FSRS optimizer (fsrs-rs) trains on: per card, its ratings in
 * order and the study day of each, from the card's first review as a new card. A card whose log
 * does not start with its first review (its earlier reviews were undone or came from elsewhere) is
 * left out, as fsrs-rs leaves out items without a learning start. Plain JSON, so it crosses IPC.
 */
import { type DayClock, dayIndexAt } from '../stats/day';
import type { CardState, Rating } from './card-state';

/** What the optimizer needs of one stored review (read in one place: ops/scheduling/review-facts). */
export interface ReviewFact {
  cardKey: string;
  /** When it was answered (epoch ms). */
  at: number;
  rating: Rating;
  /** The card's state before this answer (0: new). */
  stateBefore: CardState;
}

/** One card's reviews, oldest first: `ratings[i]` on study day `days[i]`. */
export interface CardHistory {
  ratings: number[];
  days: number[];
}

/** Groups and orders `facts` into per-card histories (see the file comment). */
export function buildHistories(facts: Iterable<ReviewFact>, clock: DayClock): CardHistory[] {
  const out: CardHistory[] = [];
  for (const list of groupByCard(facts).values()) {
    const h = cardHistory(list, clock);
    if (h) out.push(h);
  }
  return out;
}

/** The facts of each card, in the order given. */
export function groupByCard(facts: Iterable<ReviewFact>): Map<string, ReviewFact[]> {
  const byCard = new Map<string, ReviewFact[]>();
  for (const f of facts) {
    const list = byCard.get(f.cardKey);
    if (list) list.push(f);
    else byCard.set(f.cardKey, [f]);
  }
  return byCard;
}

/**
 * One card's history from its facts (sorted here, in place), or null when the log does not start
 * with the card new (its beginning is not in the log).
 */
export function cardHistory(list: ReviewFact[], clock: DayClock): CardHistory | null {
  list.sort((a, b) => a.at - b.at);
  if (list[0]?.stateBefore !== 0) return null;
  // A "start over" (reset) inside the log: train on the part after the last one.
  let start = 0;
  for (let i = 1; i < list.length; i++) if (list[i]?.stateBefore === 0) start = i;
  const part = list.slice(start);
  return { ratings: part.map((f) => f.rating), days: part.map((f) => dayIndexAt(f.at, clock)) };
}

/**
 * How many training items the histories give fsrs-rs: one per review after a card's first that
 * comes on a later day than the review before it (same-day reviews only shape short-term memory).
 */
export function countTrainingItems(histories: readonly CardHistory[]): number {
  let n = 0;
  for (const h of histories) {
    for (let i = 1; i < h.days.length; i++) if ((h.days[i] ?? 0) > (h.days[i - 1] ?? 0)) n++;
  }
  return n;
}

/** How many reviews the histories hold in all. */
export function countReviews(histories: readonly CardHistory[]): number {
  return histories.reduce((n, h) => n + h.ratings.length, 0);
}

/**
 * The study day that splits the histories in time: reviews before it are the earlier `fraction`
 * (the training part of a time-series split), reviews on or after it the later part.
 */
export function splitDay(histories: readonly CardHistory[], fraction = 2 / 3): number {
  // The day at that rank among all reviews' days, counted per day (far fewer days than reviews).
  const perDay = new Map<number, number>();
  let n = 0;
  for (const h of histories)
    for (let i = 1; i < h.days.length; i++) {
      const d = h.days[i] ?? 0;
      perDay.set(d, (perDay.get(d) ?? 0) + 1);
      n++;
    }
  if (n === 0) return 0;
  const rank = Math.min(n - 1, Math.floor(n * fraction));
  let seen = 0;
  for (const d of [...perDay.keys()].sort((a, b) => a - b)) {
    seen += perDay.get(d) ?? 0;
    if (seen > rank) return d;
  }
  return 0;
}

/** What fsrs-rs can do with `items` training items (its thresholds: 8 and 64). */
export type FitScope = 'none' | 'initial-stability' | 'full';

/**
 * fsrs-rs returns the default parameters for fewer than 8 items, and fits only the four initial
 * stabilities for fewer than 64.
 */
export function fitScope(items: number): FitScope {
  return items < 8 ? 'none' : items < 64 ? 'initial-stability' : 'full';
}
