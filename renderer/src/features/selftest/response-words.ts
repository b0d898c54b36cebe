/**
 * A stored self-test response turned back into what the widgets show (a draft, to revisit an answer
 * in exam mode) and into words (the report's "You answered …"). Stored responses are plain JSON from
 * the database: anything malformed gives an empty draft, never a crash.
 */
import { type AnswerResponse, type Grade, gradeAnswer } from '../../core/grading';
import type { Question } from '../../core/pack/schema';
import { type Arrangement, createDraft, type QuestionDraft } from '../questions';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isIndexList(value: unknown, size: number): value is number[] {
  return (
    Array.isArray(value) &&
    value.every((v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) < size)
  );
}

/** The draft showing `response` in the widgets; the question's empty draft when it does not fit. */
export function responseToDraft(
  question: Question,
  arrangement: Arrangement,
  response: unknown,
): QuestionDraft {
  const empty = createDraft(question, arrangement);
  if (!isRecord(response) || response.type !== question.type) return empty;
  switch (question.type) {
    case 'flashcard':
      return empty;
    case 'multiple-choice':
      return isIndexList(response.selected, question.choices.length)
        ? { type: 'multiple-choice', selected: [...new Set(response.selected)].sort((a, b) => a - b) }
        : empty;
    case 'true-false':
      return typeof response.value === 'boolean' ? { type: 'true-false', value: response.value } : empty;
    case 'typed':
      return typeof response.text === 'string' ? { type: 'typed', text: response.text } : empty;
    case 'cloze': {
      const answers = response.answers;
      if (empty.type !== 'cloze' || !Array.isArray(answers)) return empty;
      return {
        type: 'cloze',
        answers: empty.answers.map((_, i) => (typeof answers[i] === 'string' ? answers[i] : '')),
      };
    }
    case 'matching': {
      const pairs = response.pairs;
      if (!Array.isArray(pairs)) return empty;
      const n = question.pairs.length;
      return {
        type: 'matching',
        pairs: question.pairs.map((_, i) => {
          const v = pairs[i];
          return Number.isInteger(v) && v >= 0 && v < n ? (v as number) : null;
        }),
      };
    }
    case 'ordering': {
      const n = question.items.length;
      const order = response.order;
      return isIndexList(order, n) && new Set(order).size === n
        ? { type: 'ordering', order: order.slice() }
        : empty;
    }
  }
}

/** The flashcard self-ratings offered in a self-test: knew it (Good) or not (Again). */
export const FLASHCARD_KNEW = 3;
export const FLASHCARD_MISSED = 1;

/** A flashcard's self-graded response. */
export function createFlashcardResponse(knew: boolean): AnswerResponse {
  return { type: 'flashcard', rating: knew ? FLASHCARD_KNEW : FLASHCARD_MISSED };
}

/**
 * What the student answered, in words ("Energy consumption", "Compute demands → …", "You said you
 * knew it"), from the grade of the stored response; "(nothing typed)" for an empty text answer.
 */
export function describeGiven(
  question: Question,
  response: unknown,
  grade: Grade = gradeAnswer(question, response),
): string {
  if (question.type === 'flashcard') {
    const rating = isRecord(response) ? response.rating : null;
    return rating === FLASHCARD_MISSED ? 'You said you did not know it' : 'You said you knew it';
  }
  if (question.type === 'cloze' && isRecord(response) && Array.isArray(response.answers)) {
    const answers = response.answers as unknown[];
    return answers
      .map((a, i) => `blank ${i + 1}: ${typeof a === 'string' && a.trim() !== '' ? a.trim() : '(empty)'}`)
      .join('; ');
  }
  const text = grade.givenText.trim();
  return text === '' ? '(nothing typed)' : text;
}
