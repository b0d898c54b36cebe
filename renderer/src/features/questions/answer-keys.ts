/**
 * Keys that answer a question without the mouse: 1–9 then A–Q pick the choice shown at that place,
 * T and F answer true/false. Pure, so the study screen and the self-test map keys the same way.
 */
import type { Question } from '../../core/pack/schema';
import type { Arrangement, QuestionDraft } from './draft';
import { toggleChoice } from './draft';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The key shown beside the choice at `position` (0-based): "1"…"9", then "A", "B", … */
export function labelChoiceKey(position: number): string {
  return position < 9 ? String(position + 1) : (LETTERS[position - 9] ?? '');
}

/** The display position a key picks among `count` choices, or null. */
export function findChoicePosition(key: string, count: number): number | null {
  let position: number | null = null;
  if (/^[1-9]$/.test(key)) position = Number(key) - 1;
  else if (/^[a-z]$/i.test(key)) position = 9 + LETTERS.indexOf(key.toUpperCase());
  return position !== null && position < count ? position : null;
}

/**
 * The draft after pressing `key` on `question`, or null when the key does not answer it (so the
 * caller may use it for something else).
 */
export function applyAnswerKey(
  question: Question,
  arrangement: Arrangement,
  draft: QuestionDraft,
  key: string,
): QuestionDraft | null {
  if (question.type === 'multiple-choice' && draft.type === 'multiple-choice') {
    const position = findChoicePosition(key, arrangement.choiceOrder.length);
    const choice = position === null ? undefined : arrangement.choiceOrder[position];
    return choice === undefined ? null : toggleChoice(question, draft, choice);
  }
  if (question.type === 'true-false' && draft.type === 'true-false') {
    const k = key.toLowerCase();
    if (k === 't') return { type: 'true-false', value: true };
    if (k === 'f') return { type: 'true-false', value: false };
  }
  return null;
}
