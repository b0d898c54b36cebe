/**
 * The scheduling state of one card in Lectern's own shape (epoch milliseconds, no Dates) and the
 * mappers to and from ts-fsrs's `Card`. The database's `CardRow` has exactly these fields (plus keys
 * and flags), so a row can be passed wherever a {@link SchedulingState} is expected.
 */
import { type Card, createEmptyCard, S_MAX, State } from 'ts-fsrs';
import { z } from 'zod';

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

/** FSRS card state as stored: 0 New, 1 Learning, 2 Review, 3 Relearning. */
export const cardStateSchema = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]);

/**
 * The FSRS memory and timing of one card; times are epoch ms. FSRS keeps stability within (0, S_MAX]
 * days and difficulty within [1, 10]; a new card has 0 for both. The database's card rows and the
 * backups' are this shape plus keys and flags (`db/schema/rows.ts` spreads `.shape`).
 */
export const schedulingStateSchema = z.strictObject({
  state: cardStateSchema,
  due: z.number(),
  stability: z.number().min(0).max(S_MAX),
  difficulty: z.number().min(0).max(10),
  elapsedDays: z.number(),
  scheduledDays: z.number(),
  learningSteps: z.number().int().min(0),
  reps: z.number().int().min(0),
  lapses: z.number().int().min(0),
  lastReview: z.number().nullable(),
});

/** The FSRS memory and timing of one card (see {@link schedulingStateSchema}). */
export type SchedulingState = z.infer<typeof schedulingStateSchema>;

/** The names of {@link SchedulingState}'s fields, from its schema (to compare or copy a card's state). */
export const SCHEDULING_FIELDS = schedulingStateSchema.keyof().options;

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
