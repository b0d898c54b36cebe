/** A question's prompt as one line of plain text (for lists such as the hardest questions). */
import { parseCloze, renderCloze } from '../grading';
import { markdownToText } from '../markdown';
import { flashcardFront, flashcardFrontWithMedia } from './flashcard-sides';
import type { Question } from './schema';

/** A pack image `![alt](media:NAME)` or a sound `[sound:NAME]` in text. */
const MEDIA_REF = /!\[[^\]]*\]\(media:[^)\s]*\)|\[sound:[^\]\n]+\]/g;

/**
 * The question's prompt without Markdown, blanks shown as […], cut to `max` characters. With
 * `keepMedia`, its pack images stay `![alt](media:NAME)` and sounds `[sound:NAME]` (for the media
 * widgets to show), and a cut never splits one.
 */
export function describeQuestion(q: Question, max = 180, opts: { keepMedia?: boolean } = {}): string {
  const source =
    q.type === 'flashcard'
      ? opts.keepMedia
        ? flashcardFrontWithMedia(q)
        : flashcardFront(q)
      : q.type === 'cloze'
        ? renderCloze(parseCloze(q.text), 'blank')
        : q.prompt;
  const text = markdownToText(source, opts).replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  let cut = max - 1;
  if (opts.keepMedia) {
    for (const m of text.matchAll(MEDIA_REF)) {
      if (m.index < cut && m.index + m[0].length > cut) cut = m.index;
    }
  }
  return `${text.slice(0, cut).trimEnd()}…`;
}
