/**
 * The one place Lectern calls ts-fsrs (FSRS-6). Pure: every function takes `now` (epoch ms) and the
 * pack's settings, and the interval fuzz is seeded by the card's id and its review count, so
 * answering the same card in the same state at the same time always gives the same result (a
 * review replays exactly, and the preview shown on the buttons is what the answer will do).
 */
import {
  type FSRS,
  type FSRSParameters,
  fsrs,
  type Grade,
  generatorParameters,
  get_fuzz_range,
  type RecordLog,
  type ReviewLog,
  StrategyMode,
} from 'ts-fsrs';
import {
  type CardState,
  fromFsrsCard,
  RATINGS,
  type Rating,
  type SchedulingState,
  toFsrsCard,
} from './card-state';
import { formatInterval } from './format';
import { balanceInterval, type DueLoad } from './load-balance';
import { replayStep } from './replay-step';
import { OnceSeededFsrs } from './seeded-fuzz';
import { normalizeSchedulerExtras, normalizeSchedulerSettings, type SchedulerSettings } from './settings';

/** What one answer did, enough to roll it back exactly (ts-fsrs's review log plus the due before). */
export interface SchedulingLog {
  rating: Rating;
  /** The card's state before the answer. */
  stateBefore: CardState;
  /** The card's due before the answer (ts-fsrs's rollback cannot recover it; see {@link rollbackCard}). */
  dueBefore: number;
  /** ts-fsrs `log.due`: the last review before this one, or the due of a new card. */
  lastReviewOrDue: number;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  lastElapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  /** When the answer was given. */
  reviewedAt: number;
}

/** The state after an answer and the log that undoes it. */
export interface AnswerOutcome {
  card: SchedulingState;
  log: SchedulingLog;
}

/** One of the four outcomes shown on the answer buttons. */
export interface PreviewOutcome {
  rating: Rating;
  card: SchedulingState;
  /** When the card would next be due. */
  due: number;
  /** `due - now`. */
  intervalMs: number;
  /** Short label of the interval, e.g. "10m", "1d", "3d", "2mo". */
  label: string;
}

/** The fuzz seed of a card at a given review count: id and count, separated so "q1"+"23" ≠ "q12"+"3". */
export function fuzzSeed(cardId: string, reps: number): string {
  return `${cardId}#${reps}`;
}

const DAY_MS = 86_400_000;

/**
 * ts-fsrs keeps Hard < Good < Easy for review cards by pushing Good and Easy one day past the one
 * below, which can overshoot `maximum_interval` (max 3 days gave Easy 5 days). The setting is a
 * promise to the student, so the wrapper caps it.
 */
function capInterval(card: SchedulingState, now: number, maximumIntervalDays: number): SchedulingState {
  if (card.state !== 2 || card.scheduledDays <= maximumIntervalDays) return card;
  return { ...card, scheduledDays: maximumIntervalDays, due: now + maximumIntervalDays * DAY_MS };
}

/** ts-fsrs's parameters for `settings` (short-term steps on). */
function fsrsParameters(settings: SchedulerSettings, fuzz = true): FSRSParameters {
  const s = normalizeSchedulerSettings(settings);
  const { parameters } = normalizeSchedulerExtras(settings);
  return generatorParameters({
    request_retention: s.desiredRetention,
    maximum_interval: s.maximumIntervalDays,
    learning_steps: s.learningSteps,
    relearning_steps: s.relearningSteps,
    enable_fuzz: fuzz,
    enable_short_term: true,
    ...(parameters.length > 0 ? { w: parameters } : {}),
  });
}

function createFsrs(settings: SchedulerSettings, cardId: string, reps: number, fuzz = true): FSRS {
  const f = fsrs(fsrsParameters(settings, fuzz));
  const seed = fuzzSeed(cardId, reps);
  // biome-ignore lint/correctness/useHookAtTopLevel: ts-fsrs's `useStrategy` is a method, not a React hook.
  return f.useStrategy(StrategyMode.SEED, () => seed);
}

function toLog(rating: Rating, before: SchedulingState, log: ReviewLog): SchedulingLog {
  return {
    rating,
    stateBefore: before.state,
    dueBefore: before.due,
    lastReviewOrDue: log.due.getTime(),
    stability: log.stability,
    difficulty: log.difficulty,
    elapsedDays: log.elapsed_days,
    lastElapsedDays: log.last_elapsed_days,
    scheduledDays: log.scheduled_days,
    learningSteps: log.learning_steps,
    reviewedAt: log.review.getTime(),
  };
}

/**
 * Applies `rating` to `card` at `now` and returns the new state and its log. `cardId` seeds the
 * fuzz (with the card's review count), so the same inputs always give the same due. With the days'
 * due counts (`load`), a review interval is placed by the load balancer and easy days instead of
 * the plain fuzz (see `load-balance.ts`).
 */
export function answerCard(
  card: SchedulingState,
  rating: Rating,
  now: number,
  settings: SchedulerSettings,
  cardId: string,
  load?: DueLoad,
): AnswerOutcome {
  if (load) {
    const outcomes = scheduleAll(card, now, settings, cardId, load);
    const item = outcomes.record[rating as Grade];
    return { card: outcomes.cards[rating - 1] as SchedulingState, log: toLog(rating, card, item.log) };
  }
  const f = createFsrs(settings, cardId, card.reps);
  const max = normalizeSchedulerSettings(settings).maximumIntervalDays;
  const item = f.next(toFsrsCard(card), new Date(now), rating as Grade);
  return { card: capInterval(fromFsrsCard(item.card), now, max), log: toLog(rating, card, item.log) };
}

/**
 * `answerCard` without a load, for many answers with one `settings` (a replay): the scheduler is
 * built once instead of once an answer, each answer works out only its own rating on plain numbers
 * (`replay-step.ts`) and seeds its fuzz as `answerCard` does, drawing it once for all three review
 * intervals (`seeded-fuzz.ts`), so the states are the same.
 */
export function createAnswerer(
  settings: SchedulerSettings,
): (card: SchedulingState, rating: Rating, now: number, cardId: string) => SchedulingState {
  const f = new OnceSeededFsrs(fsrsParameters(settings));
  const max = normalizeSchedulerSettings(settings).maximumIntervalDays;
  return (card, rating, now, cardId) => {
    f.seed = fuzzSeed(cardId, card.reps);
    return capInterval(replayStep(f, card, rating, now), now, max);
  };
}

/**
 * All four outcomes of answering `card` at `now`; with a `load`, review intervals of up to 90 days
 * are moved by the load balancer and easy days ({@link balanceInterval}) within ts-fsrs's own fuzz
 * range, Hard < Good < Easy kept as ts-fsrs keeps it (each at least one day past the one below).
 */
function scheduleAll(
  card: SchedulingState,
  now: number,
  settings: SchedulerSettings,
  cardId: string,
  load: DueLoad | undefined,
): { record: RecordLog; cards: SchedulingState[] } {
  const s = normalizeSchedulerSettings(settings);
  const record = createFsrs(settings, cardId, card.reps).repeat(toFsrsCard(card), new Date(now));
  const cards = RATINGS.map((r) =>
    capInterval(fromFsrsCard(record[r as Grade].card), now, s.maximumIntervalDays),
  );
  if (!load) return { record, cards };
  const extras = normalizeSchedulerExtras(settings);
  const plain = createFsrs(settings, cardId, card.reps, false).repeat(toFsrsCard(card), new Date(now));
  let below = 0;
  for (const r of [2, 3, 4] as const) {
    const fuzzed = cards[r - 1] as SchedulingState;
    if (fuzzed.state !== 2) continue;
    const ivl = plain[r].card.scheduled_days;
    let days = fuzzed.scheduledDays;
    if (ivl >= 2.5) {
      const range = get_fuzz_range(ivl, plain[r].log.elapsed_days, s.maximumIntervalDays);
      const min = Math.min(range.max_ivl, Math.max(range.min_ivl, below + 1));
      days =
        balanceInterval(
          ivl,
          { min, max: range.max_ivl },
          load,
          extras,
          `${fuzzSeed(cardId, card.reps)}#${r}`,
        ) ?? days;
    }
    days = Math.min(s.maximumIntervalDays, Math.max(days, below + 1));
    below = days;
    cards[r - 1] = { ...fuzzed, scheduledDays: days, due: now + days * DAY_MS };
  }
  return { record, cards };
}

/**
 * The four outcomes (Again, Hard, Good, Easy, in that order) of answering `card` at `now`, with
 * their due and a short interval label for the buttons ("Good · 3d"). Each equals what
 * {@link answerCard} would give for the same inputs.
 */
export function previewCard(
  card: SchedulingState,
  now: number,
  settings: SchedulerSettings,
  cardId: string,
  load?: DueLoad,
): PreviewOutcome[] {
  const { cards } = scheduleAll(card, now, settings, cardId, load);
  return RATINGS.map((rating) => {
    const next = cards[rating - 1] as SchedulingState;
    return {
      rating,
      card: next,
      due: next.due,
      intervalMs: next.due - now,
      label: formatInterval(next.due - now),
    };
  });
}

/**
 * Undoes the answer recorded in `log`, returning the card as it was before. Uses ts-fsrs's
 * `rollback`, then puts back the due it cannot know: ts-fsrs sets a rolled-back learning/review
 * card's due to the review time (ts-fsrs PR #522 describes the defect), so Lectern's log keeps
 * `dueBefore`.
 */
export function rollbackCard(card: SchedulingState, log: SchedulingLog): SchedulingState {
  const f = fsrs();
  const prev = f.rollback(toFsrsCard(card), {
    rating: log.rating,
    state: log.stateBefore,
    due: new Date(log.lastReviewOrDue),
    stability: log.stability,
    difficulty: log.difficulty,
    elapsed_days: log.elapsedDays,
    last_elapsed_days: log.lastElapsedDays,
    scheduled_days: log.scheduledDays,
    learning_steps: log.learningSteps,
    review: new Date(log.reviewedAt),
  });
  return { ...fromFsrsCard(prev), due: log.dueBefore };
}
