/** A question's prompt as one line of plain text (for lists such as the hardest questions). */
import { parseCloze, renderCloze } from '../grading';
import { markdownToText } from '../markdown';
import { flashcardFront } from './flashcard-sides';
import type { Question } from './schema';

/** The question's prompt without Markdown, blanks shown as […], cut to `max` characters. */
export function describeQuestion(q: Question, max = 180): string {
  const source =
    q.type === 'flashcard'
      ? flashcardFront(q)
      : q.type === 'cloze'
        ? renderCloze(parseCloze(q.text), 'blank')
        : q.prompt;
  const text = markdownToText(source).replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
