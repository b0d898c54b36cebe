/**
 * One answer of a replay, computed as ts-fsrs 5's short-term scheduler (`BasicScheduler`) computes
 * it, but for the one rating given and on plain numbers. `FSRS.next` builds a scheduler, copies the
 * card with Date objects five times, and for a review card works out all four ratings with their
 * logs: ~10 µs an answer, a second of a merge of 100k reviews. The memory model itself (stability,
 * difficulty, retrievability, intervals and their fuzz) is still ts-fsrs's own methods; only the
 * glue between them is repeated here, step for step (property-tested against `FSRS.next` over random
 * settings, parameters and answers: `test/unit/core/sync/fast-paths.test.ts`).
 */
import { BasicLearningStepsStrategy, type Grade, State } from 'ts-fsrs';
import type { CardState, Rating, SchedulingState } from './card-state';
import type { OnceSeededFsrs } from './seeded-fuzz';

const DAY_MS = 24 * 60 * 60 * 1e3;
const MINUTE_MS = 60 * 1e3;

/** ts-fsrs's `dateDiffInDays`: whole UTC calendar days from `last` to `now`. */
function utcDaysBetween(last: number, now: number): number {
  return Math.floor(now / DAY_MS) - Math.floor(last / DAY_MS);
}

/** What `applyLearningSteps` sets on the next card. */
interface Timing {
  state: CardState;
  due: number;
  scheduledDays: number;
  learningSteps: number;
}

/**
 * The state after `rating` at `now`, exactly as `f.next(toFsrsCard(card), new Date(now), rating)`
 * gives it (before Lectern's own interval cap). `f` must schedule short-term (`enable_short_term`)
 * and carry the answer's fuzz seed.
 */
export function replayStep(
  f: OnceSeededFsrs,
  card: SchedulingState,
  rating: Rating,
  now: number,
): SchedulingState {
  const params = f.parameters;
  const before = card.state;
  const elapsed = before !== State.New && card.lastReview !== null ? utcDaysBetween(card.lastReview, now) : 0;
  const learningSteps = card.learningSteps || 0;
  const memory = { difficulty: card.difficulty, stability: card.stability };

  // `applyLearningSteps`: a step of minutes, a step of a day or more, or FSRS's interval.
  const learningTiming = (stability: number, toState: CardState): Timing => {
    const steps = BasicLearningStepsStrategy(params, before as State, learningSteps);
    const info = steps[rating as Grade];
    const minutes = Math.max(0, info?.scheduled_minutes ?? 0);
    const nextStep = Math.max(0, info?.next_step ?? 0);
    if (minutes > 0 && minutes < 1440)
      return {
        state: toState,
        due: now + Math.round(minutes) * MINUTE_MS,
        scheduledDays: 0,
        learningSteps: nextStep,
      };
    if (minutes >= 1440)
      return {
        state: State.Review,
        due: now + Math.round(minutes) * MINUTE_MS,
        scheduledDays: Math.floor(minutes / 1440),
        learningSteps: nextStep,
      };
    const days = f.next_interval(stability, elapsed);
    return { state: State.Review, due: now + days * DAY_MS, scheduledDays: days, learningSteps: 0 };
  };

  let next: { difficulty: number; stability: number };
  let timing: Timing;
  let lapses = card.lapses;
  if (before === State.Review) {
    const r = f.forgetting_curve(elapsed, card.stability);
    next = f.next_state(memory, elapsed, rating, r);
    if (rating === 1) {
      timing = learningTiming(next.stability, State.Relearning);
      lapses += 1;
    } else {
      // Hard ≤ Good − 1 and Easy ≥ Good + 1, each from its own stability (BasicScheduler.next_interval).
      const stabilityOf = (g: Rating) =>
        g === rating ? next.stability : f.next_state(memory, elapsed, g, r).stability;
      const hardAlone: number = f.next_interval(stabilityOf(2), elapsed);
      const goodAlone: number = f.next_interval(stabilityOf(3), elapsed);
      const hard = Math.min(hardAlone, goodAlone);
      const good = Math.max(goodAlone, hard + 1);
      const days =
        rating === 2
          ? hard
          : rating === 3
            ? good
            : Math.max(f.next_interval(next.stability, elapsed), good + 1);
      timing = { state: State.Review, due: now + days * DAY_MS, scheduledDays: days, learningSteps: 0 };
    }
  } else {
    next = f.next_state(memory, elapsed, rating);
    timing = learningTiming(next.stability, before === State.New ? State.Learning : before);
  }
  return {
    state: timing.state,
    due: timing.due,
    stability: next.stability,
    difficulty: next.difficulty,
    elapsedDays: elapsed,
    scheduledDays: timing.scheduledDays,
    learningSteps: timing.learningSteps,
    reps: card.reps + 1,
    lapses,
    lastReview: now,
  };
}
