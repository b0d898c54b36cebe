/**
 * GIFT's character-level rules: escapes (`\: \# \= \{ \} \~ \n` and `\\`), text formats (`[html]`,
 * `[markdown]`, `[plain]`, `[moodle]`), and the `[key:value]` tags Lectern reads from `//` comments.
 */
import { htmlToText } from '../html-text';

/** A GIFT text format, as given by a `[format]` prefix; Moodle's default is `moodle`. */
export type GiftFormat = 'moodle' | 'html' | 'plain' | 'markdown';

const ESCAPE = /\\([\\:#={}~n])/g;
/** Stands in for both characters of an escape, so structural searches skip escaped characters. */
const MASK = '\uE000\uE000';

/** `text` with every escape pair replaced by two placeholder characters (offsets are preserved). */
export function maskEscapes(text: string): string {
  return text.includes('\\') ? text.replace(ESCAPE, MASK) : text;
}

/** Resolves GIFT escapes: `\n` is a line break, `\X` is X for the special characters. */
export function unescapeGift(text: string): string {
  return text.includes('\\') ? text.replace(ESCAPE, (_, c: string) => (c === 'n' ? '\n' : c)) : text;
}

/** Escapes text for GIFT so that it reads back unchanged (backslash first). */
export function escapeGift(text: string): string {
  return text.replace(/[\\:#={}~]/g, (c) => `\\${c}`);
}

const FORMAT_PREFIX = /^\s*\[(moodle|html|plain|markdown)\]/;

/** Splits a leading `[format]` prefix off `text`; returns the format and how many characters it took. */
export function readFormatPrefix(text: string): { format: GiftFormat | undefined; length: number } {
  const m = FORMAT_PREFIX.exec(text);
  return m ? { format: m[1] as GiftFormat, length: m[0].length } : { format: undefined, length: 0 };
}

/**
 * Raw GIFT text (escapes not yet resolved) → the text Lectern stores. HTML, including Moodle's default
 * format which allows it, is reduced to plain text; Markdown and plain text are kept as written.
 */
export function convertGiftText(raw: string, format: GiftFormat): string {
  const text = unescapeGift(raw);
  switch (format) {
    case 'html':
      return htmlToText(text, true);
    case 'moodle':
      return /[<&]/.test(text) ? htmlToText(text, false) : text.trim();
    default:
      return text.trim();
  }
}

/** One `[key:value]` tag found in a `//` comment. */
export interface CommentTag {
  key: string;
  value: string;
  /** 0-based column of the `[` in its line. */
  column: number;
}

const TAG = /\[([A-Za-z][\w-]*):((?:\\.|[^\]\\])*)\]/g;

/** The `[key:value]` tags of one comment line; values resolve `\]`, `\\` and `\n`. */
export function readCommentTags(line: string): CommentTag[] {
  const tags: CommentTag[] = [];
  for (const m of line.matchAll(TAG)) {
    const value = (m[2] ?? '').replace(/\\([\]\\n])/g, (_, c: string) => (c === 'n' ? '\n' : c));
    tags.push({ key: (m[1] ?? '').toLowerCase(), value, column: m.index });
  }
  return tags;
}

/** A `[key:value]` tag for a comment line, escaping what would end it early. */
export function writeCommentTag(key: string, value: string): string {
  return `[${key}:${value.replace(/[\]\\]/g, (c) => `\\${c}`).replace(/\n/g, '\\n')}]`;
}
