/**
 * Titles are shown as plain text everywhere (Library, headings, window title, PDF). Invisible
 * direction controls can make one read differently from what it is ("Pay ‮gpj.exe‬" shows as
 * "Pay exe.jpg"), and NUL and other control characters have no business in a title: both are removed.
 */
import type { Pack } from './schema';

// Bidi embeddings/overrides/isolates, LRM/RLM/ALM, and C0/C1 controls other than tab and line breaks.
const HIDDEN_RANGES = [
  '\\u202A-\\u202E',
  '\\u2066-\\u2069',
  '\\u200E\\u200F\\u061C',
  '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F',
  '\\u007F-\\u009F',
];
const HIDDEN = new RegExp(`[${HIDDEN_RANGES.join('')}]`, 'g');

/** `text` without direction controls and control characters. */
export function cleanTitle(text: string): string {
  return text.replace(HIDDEN, '');
}

/** The pack with its own, its chapters' and its sections' titles cleaned; untouched when clean. */
export function cleanPackTitles(pack: Pack): Pack {
  const clean = (title: string) => cleanTitle(title).trim() || 'Untitled';
  pack.title = clean(pack.title);
  for (const chapter of pack.chapters) {
    chapter.title = clean(chapter.title);
    for (const section of chapter.sections) section.title = clean(section.title);
  }
  return pack;
}
