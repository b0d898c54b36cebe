/**
 * A question's prompt and its right answer as short text (Markdown subset source), for reports and the
 * discussion sheet. Works for all seven types without the grader.
 */
import { flashcardBack, flashcardFront } from '../pack/flashcard-sides';
import type { Question } from '../pack/schema';

const CLOZE = /\{\{c\d+::(.*?)\}\}/g;

function clozeAnswer(inner: string): string {
  const [answer = ''] = inner.split('::');
  return answer.split('|')[0]?.trim() ?? '';
}

function clozeHint(inner: string): string | null {
  const parts = inner.split('::');
  return parts.length > 1 ? (parts[1]?.trim() ?? null) : null;
}

/** The question as asked: cloze deletions shown as `[…]` (or `[hint]`). */
export function describePrompt(question: Question): string {
  switch (question.type) {
    case 'flashcard':
      return flashcardFront(question);
    case 'cloze':
      return question.text.replace(CLOZE, (_, inner: string) => `[${clozeHint(inner) ?? '…'}]`);
    default:
      return question.prompt;
  }
}

/** The right answer: the back, the correct choices, True/False, the first accepted answer, the filled-in sentence, the pairs or the order. */
export function describeAnswer(question: Question): string {
  switch (question.type) {
    case 'flashcard':
      return flashcardBack(question);
    case 'multiple-choice':
      return question.choices
        .filter((c) => c.correct)
        .map((c) => c.text)
        .join('; ');
    case 'true-false':
      return question.answer ? 'True' : 'False';
    case 'typed': {
      const first = question.accept[0];
      if (first !== undefined) return first;
      if (question.numeric)
        return `${question.numeric.value}${question.numeric.unit ? ` ${question.numeric.unit}` : ''}`;
      return '';
    }
    case 'cloze':
      return question.text.replace(CLOZE, (_, inner: string) => clozeAnswer(inner));
    case 'matching':
      return question.pairs.map((p) => `${p.left} → ${p.right}`).join('; ');
    case 'ordering':
      return question.items.join(' → ');
  }
}
