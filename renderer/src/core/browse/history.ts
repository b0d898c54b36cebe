/**
 * A question's history as Browse shows it: each review with its date, rating, whether it was right,
 * and what was answered, in words.
 */
import { gradeAnswer } from '../grading';
import type { Question } from '../pack/schema';

/** The words of each FSRS rating. */
export const RATING_WORDS = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' } as const;

/** A stored review, as the log keeps it (a `ReviewRow` fits). */
export interface LoggedReview {
  at: number;
  rating: 1 | 2 | 3 | 4;
  correct: 0 | 1;
  score: number;
  /**
   * The response as JSON text; absent for a self-graded flashcard (the rating says it) and once older
   * than the "keep answers" setting.
   */
  response?: string | undefined;
  responseMs: number;
}

/** One line of a question's history. */
export interface HistoryEntry {
  at: number;
  rating: string;
  correct: boolean;
  /** What was answered, in words. */
  answered: string;
  responseMs: number;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * What a stored response says, in words: a flashcard's self-rating, the blanks of a cloze, the
 * text or choices otherwise ("(answer not kept)" once the log dropped it, "(no answer recorded)" when
 * the log holds nothing readable).
 */
export function describeResponse(
  question: Question | null,
  responseJson: string | undefined,
  rating: number,
): string {
  if (question?.type === 'flashcard') return `Self-rated ${RATING_WORDS[rating as 1 | 2 | 3 | 4] ?? rating}`;
  if (responseJson === undefined) return question === null ? '(no answer recorded)' : '(answer not kept)';
  const response = parseJson(responseJson);
  if (question === null || response === null || typeof response !== 'object') return '(no answer recorded)';
  try {
    const given = gradeAnswer(question, response).givenText.trim();
    return given === '' ? '(nothing answered)' : given;
  } catch {
    return '(no answer recorded)';
  }
}

/** The history of a question, newest first. */
export function describeHistory(question: Question | null, reviews: readonly LoggedReview[]): HistoryEntry[] {
  return [...reviews]
    .sort((a, b) => b.at - a.at)
    .map((r) => ({
      at: r.at,
      rating: RATING_WORDS[r.rating] ?? String(r.rating),
      correct: r.correct === 1,
      answered: describeResponse(question, r.response, r.rating),
      responseMs: r.responseMs,
    }));
}
