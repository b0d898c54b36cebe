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

/** One `[key:value]` tag found in a `//` comment, with its 1-based line and column. */
export interface CommentTag {
  key: string;
  value: string;
  line: number;
  column: number;
}

function isKeyChar(c: number, first: boolean): boolean {
  const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return first ? letter : letter || (c >= 48 && c <= 57) || c === 45 || c === 95;
}

/** The `[key:value]` tags of one comment line (`line` is its number); values resolve `\]`, `\\`, `\n`. */
export function readCommentTags(text: string, line: number): CommentTag[] {
  const tags: CommentTag[] = [];
  let open = text.indexOf('[');
  while (open !== -1) {
    let k = open + 1;
    while (k < text.length && isKeyChar(text.charCodeAt(k), k === open + 1)) k++;
    if (k === open + 1 || text[k] !== ':') {
      open = text.indexOf('[', open + 1);
      continue;
    }
    let value = '';
    let from = k + 1;
    let j = from;
    let closed = false;
    while (j < text.length) {
      const c = text.charCodeAt(j);
      if (c === 93) {
        closed = true;
        break;
      }
      if (c === 92 && j + 1 < text.length) {
        const e = text[j + 1];
        value += text.slice(from, j) + (e === 'n' ? '\n' : e === ']' || e === '\\' ? e : `\\${e}`);
        j += 2;
        from = j;
        continue;
      }
      j++;
    }
    if (!closed) break;
    value += text.slice(from, j);
    tags.push({ key: text.slice(open + 1, k).toLowerCase(), value, line, column: open + 1 });
    open = text.indexOf('[', j + 1);
  }
  return tags;
}

/** A `[key:value]` tag for a comment line, escaping what would end it early. */
export function writeCommentTag(key: string, value: string): string {
  return `[${key}:${value.replace(/[\]\\]/g, (c) => `\\${c}`).replace(/\n/g, '\\n')}]`;
}
