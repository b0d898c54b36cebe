/**
 * Choosing a self-test's questions: weakest first (lowest retrievability now; never-studied questions
 * count as the weakest of all; ties in course order) or at random from a seed.
 */
import type { QuestionType } from '../pack/schema';
import { shuffle } from '../random';
import { type RetrievabilityCard, retrievability } from '../stats/retrievability';

/** Fewest and most questions in a self-test. */
export const MIN_TEST_QUESTIONS = 5;
export const MAX_TEST_QUESTIONS = 50;

/** A question that may be drawn, with its card (null when it was never studied). */
export interface PoolQuestion {
  key: string;
  packId: string;
  chapterId: string;
  type: QuestionType;
  /** Course order within its pack. */
  order: number;
  card: RetrievabilityCard | null;
  /** Whether the student flagged it (left out: not flagged). */
  flagged?: boolean;
}

/** A chapter of a pack (chapter ids are only unique within a pack). */
export interface ChapterRef {
  packId: string;
  chapterId: string;
}

/** How `selectQuestions` draws. */
export interface SelectOptions {
  /** Wanted number of questions, clamped to 5–50 (fewer when the pool is smaller). */
  count: number;
  /** Only these types; all when left out or empty. */
  types?: readonly QuestionType[];
  /** Only these chapters; all when left out or empty. */
  chapters?: readonly ChapterRef[];
  /** Only flagged questions. */
  flaggedOnly?: boolean;
  order: 'weakest' | 'random';
  /** Seed of the random draw (ignored for weakest-first). */
  seed: string | number;
  now: number;
}

/** Clamps a wanted question count to 5–50 (whole numbers; 5 for nonsense). */
export function clampQuestionCount(count: number): number {
  if (!Number.isFinite(count)) return MIN_TEST_QUESTIONS;
  return Math.min(MAX_TEST_QUESTIONS, Math.max(MIN_TEST_QUESTIONS, Math.round(count)));
}

/** Keeps the questions of the wanted types and chapters (and flagged, if asked), in pool order. */
export function filterPool<T extends PoolQuestion>(
  pool: readonly T[],
  options: Pick<SelectOptions, 'types' | 'chapters' | 'flaggedOnly'>,
): T[] {
  const types = options.types && options.types.length > 0 ? new Set<string>(options.types) : null;
  const chapters =
    options.chapters && options.chapters.length > 0
      ? new Set(options.chapters.map((c) => `${c.packId}\n${c.chapterId}`))
      : null;
  return pool.filter(
    (q) =>
      (!options.flaggedOnly || q.flagged === true) &&
      (types === null || types.has(q.type)) &&
      (chapters === null || chapters.has(`${q.packId}\n${q.chapterId}`)),
  );
}

/**
 * Draws the test's questions from `pool` (which must be in course order: packs in their order,
 * questions by `order`). Weakest-first returns them weakest first; random returns the seeded draw's order.
 */
export function selectQuestions<T extends PoolQuestion>(pool: readonly T[], options: SelectOptions): T[] {
  const count = clampQuestionCount(options.count);
  const candidates = filterPool(pool, options);
  if (options.order === 'random') return shuffle(candidates, options.seed).slice(0, count);
  const ranked = candidates.map((q, index) => ({
    q,
    index,
    // Never studied (no card, or still New) ranks below any studied card, even one at R = 0.
    r: q.card === null || q.card.state === 0 ? -1 : retrievability(q.card, options.now),
  }));
  ranked.sort((a, b) => a.r - b.r || a.index - b.index);
  return ranked.slice(0, count).map((x) => x.q);
}
