/**
 * A simulated study history for the FSRS bench phase and the optimizer's e2e test: cards whose
 * memory follows a known FSRS-6 parameter set (`TRUE_PARAMETERS`, not the defaults), scheduled the
 * way Lectern schedules them before any optimization (default parameters, retention 0.90), studied in
 * one session a day for a year; each review's recall is drawn from the true model's probability of
 * recall, seeded. The optimizer should find parameters near the true ones, which predict the later
 * reviews better than the defaults do.
 */
import { FSRSAlgorithm, type FSRSState, forgetting_curve, generatorParameters } from 'ts-fsrs';
import { createRng } from '../../renderer/src/core/random/prng';
import type { CardHistory } from '../../renderer/src/core/scheduler/fsrs-history';

/** The memory model the simulated student follows (FSRS-6, deliberately unlike the defaults). */
export const TRUE_PARAMETERS: readonly number[] = [
  1, 4, 10, 30, 6.2, 0.6, 2, 0.01, 2.3, 0.1, 1.0, 1.6, 0.08, 0.35, 1.8, 0.5, 2, 0.6, 0.1, 0.06, 0.2,
];

/** Options of {@link simulateHistory}. */
export interface SimOptions {
  cards: number;
  days: number;
  seed: string;
  /** Cards introduced per day until all are (default: all within the first 60 % of the days). */
  newPerDay?: number;
}

/** One simulated review: whether it was recalled (what an auto-graded answer records) and its rating. */
export interface SimReview {
  day: number;
  rating: 1 | 2 | 3 | 4;
  recalled: boolean;
}

/** A simulated card's reviews, oldest first. */
export type SimCard = SimReview[];

function ratingAfter(recalled: boolean, u: number): 1 | 2 | 3 | 4 {
  if (!recalled) return 1;
  return u < 0.15 ? 2 : u < 0.9 ? 3 : 4;
}

/** Simulates the history (deterministic for a seed). */
export function simulateHistory(o: SimOptions): SimCard[] {
  const rng = createRng(`fsrs-sim/${o.seed}`);
  const truth = new FSRSAlgorithm(generatorParameters({ w: [...TRUE_PARAMETERS], enable_short_term: false }));
  const sched = new FSRSAlgorithm(generatorParameters({ enable_short_term: false }));
  const perDay = o.newPerDay ?? Math.max(1, Math.ceil(o.cards / Math.max(1, Math.floor(o.days * 0.6))));
  const cards: SimCard[] = [];
  type Live = { reviews: SimCard; truth: FSRSState; sched: FSRSState; last: number; due: number };
  const live: Live[] = [];
  for (let day = 0; day < o.days; day++) {
    for (const c of live) {
      if (c.due !== day) continue;
      const t = day - c.last;
      const r = forgetting_curve([...TRUE_PARAMETERS], t, c.truth.stability);
      const recalled = rng() < r;
      const rating = ratingAfter(recalled, rng());
      c.reviews.push({ day, rating, recalled });
      c.truth = truth.next_state(c.truth, t, rating);
      c.sched = sched.next_state(c.sched, t, rating);
      c.last = day;
      c.due = day + (rating === 1 ? 1 : Math.max(1, Math.round(c.sched.stability)));
    }
    for (let k = 0; k < perDay && cards.length < o.cards; k++) {
      // The first sight of a card: known already a fifth of the time.
      const u = rng();
      const rating = (u < 0.35 ? 1 : u < 0.45 ? 2 : u < 0.9 ? 3 : 4) as 1 | 2 | 3 | 4;
      const reviews: SimCard = [{ day, rating, recalled: rating > 1 }];
      cards.push(reviews);
      const t0 = truth.next_state(null, 0, rating);
      const s0 = sched.next_state(null, 0, rating);
      live.push({
        reviews,
        truth: t0,
        sched: s0,
        last: day,
        due: day + (rating === 1 ? 1 : Math.max(1, Math.round(s0.stability))),
      });
    }
  }
  return cards;
}

/**
 * The optimizer's histories of the simulated cards. `ratings`: `self` keeps the rating given;
 * `graded` keeps only what an auto-graded answer knows for sure (recalled → Good, forgotten → Again).
 */
export function toHistories(cards: readonly SimCard[], ratings: 'self' | 'graded' = 'self'): CardHistory[] {
  return cards.map((c) => ({
    ratings: c.map((r, i) => (ratings === 'self' || i === 0 ? r.rating : r.recalled ? 3 : 1)),
    days: c.map((r) => r.day),
  }));
}

/** Keeps whole cards, oldest first, until `items` reviews after a first are reached. */
export function takeItems(histories: readonly CardHistory[], items: number): CardHistory[] {
  const out: CardHistory[] = [];
  let n = 0;
  for (const h of histories) {
    if (n >= items) break;
    const room = items - n;
    const keep = Math.min(h.ratings.length, room + 1);
    out.push({ ratings: h.ratings.slice(0, keep), days: h.days.slice(0, keep) });
    n += keep - 1;
  }
  return out;
}
