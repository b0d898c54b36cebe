/**
 * The scheduling state of one card in Lectern's own shape (epoch milliseconds, no Dates) and the
 * mappers to and from ts-fsrs's `Card`. The database's `CardRow` has exactly these fields (plus keys
 * and flags), so a row can be passed wherever a {@link SchedulingState} is expected.
 */
import { type Card, createEmptyCard, State } from 'ts-fsrs';

/** FSRS card state: 0 New, 1 Learning, 2 Review, 3 Relearning (ts-fsrs `State`). */
export type CardState = 0 | 1 | 2 | 3;

/** Names of {@link CardState} values, for code that reads better with words. */
export const CardStates = { New: 0, Learning: 1, Review: 2, Relearning: 3 } as const;

/** FSRS rating: 1 Again, 2 Hard, 3 Good, 4 Easy. */
export type Rating = 1 | 2 | 3 | 4;

/** Names of {@link Rating} values. */
export const Rating = { Again: 1, Hard: 2, Good: 3, Easy: 4 } as const;

/** Every rating, lowest first. */
export const RATINGS: readonly Rating[] = [1, 2, 3, 4];

/** The FSRS memory and timing of one card; times are epoch ms. */
export interface SchedulingState {
  state: CardState;
  due: number;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  lastReview: number | null;
}

/** Tells whether `value` is a rating 1–4. */
export function isRating(value: unknown): value is Rating {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

/** The state of a card never studied, due at `now`. */
export function newCard(now: number): SchedulingState {
  return fromFsrsCard(createEmptyCard(new Date(now)));
}

/** Maps Lectern's state to a ts-fsrs `Card` (new Date objects each time). */
export function toFsrsCard(s: SchedulingState): Card {
  const card: Card = {
    due: new Date(s.due),
    stability: s.stability,
    difficulty: s.difficulty,
    elapsed_days: s.elapsedDays,
    scheduled_days: s.scheduledDays,
    learning_steps: s.learningSteps,
    reps: s.reps,
    lapses: s.lapses,
    state: s.state as State,
  };
  if (s.lastReview !== null) card.last_review = new Date(s.lastReview);
  return card;
}

function toCardState(state: State): CardState {
  return state === State.Learning || state === State.Review || state === State.Relearning ? state : 0;
}

/** Maps a ts-fsrs `Card` to Lectern's state (only the scheduling fields are kept). */
export function fromFsrsCard(card: Card): SchedulingState {
  return {
    state: toCardState(card.state),
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    lastReview: card.last_review ? card.last_review.getTime() : null,
  };
}

/** Copies only the scheduling fields out of a larger object such as a database row. */
export function pickSchedulingState(s: SchedulingState): SchedulingState {
  return {
    state: s.state,
    due: s.due,
    stability: s.stability,
    difficulty: s.difficulty,
    elapsedDays: s.elapsedDays,
    scheduledDays: s.scheduledDays,
    learningSteps: s.learningSteps,
    reps: s.reps,
    lapses: s.lapses,
    lastReview: s.lastReview,
  };
}
