import { Rating } from '../scheduler';
import type { Grade } from './types';

/** How the student answered, beyond what they answered. */
export interface RatingContext {
  /** Time from showing the question to submitting, ms. */
  responseMs: number;
  /** The student revealed the hint before answering. */
  hintUsed?: boolean;
  /** The "I guessed" key: a right guess is Hard, anything else Again. */
  override?: 'guessed';
}

/**
 * Maps a grade to the FSRS rating to schedule with:
 * - "I guessed": right → Hard, otherwise Again;
 * - flashcards: the student's own rating;
 * - wrong → Again; partly right (some of a multi-answer, matching, ordering or cloze) → Hard;
 * - right after revealing the hint → Hard;
 * - right, without a typo, in less than `grade.fastMs` → Easy (see `computeFastThresholdMs`);
 * - otherwise right → Good.
 */
export function ratingFor(grade: Grade, ctx: RatingContext): Rating {
  if (ctx.override === 'guessed') return grade.correct ? Rating.Hard : Rating.Again;
  if (grade.selfRating !== undefined) return grade.selfRating;
  if (!grade.correct) return grade.partial ? Rating.Hard : Rating.Again;
  if (ctx.hintUsed) return Rating.Hard;
  const ms = ctx.responseMs;
  if (!grade.typo && Number.isFinite(ms) && ms >= 0 && ms < grade.fastMs) return Rating.Easy;
  return Rating.Good;
}
