/**
 * The header lines of Anki's "Notes in plain text" export: `#key:value` lines at the top of the file,
 * read as Anki's importer (rslib `text/csv/metadata.rs`) reads them: a first line `tags:…` (the old
 * export) gives tags; any `#` line at the top is a header or a comment; a value Anki cannot use is
 * ignored (with a warning here); trailing separators that a spreadsheet adds (`#separator:Pipe,,,`)
 * are dropped. See https://docs.ankiweb.net/importing/text-files.html#file-headers.
 */
import type { PackBuilder } from '../pack-builder';

/** What the header lines say; columns are 0-based. */
export interface AnkiHeaders {
  /** Whether the file has any `#key:value` line Anki knows. */
  any: boolean;
  /** Offset of the first line after the headers. */
  bodyStart: number;
  /** 1-based line of the first line after the headers. */
  bodyLine: number;
  separator?: string;
  /** `#html:` as given; undefined when absent (then the content decides, as in Anki). */
  html?: boolean;
  columns?: string[];
  tags: string[];
  deck?: string;
  notetype?: string;
  guidColumn?: number;
  deckColumn?: number;
  notetypeColumn?: number;
  tagsColumn?: number;
}

const SEPARATORS: Record<string, string> = {
  comma: ',',
  semicolon: ';',
  tab: '\t',
  space: ' ',
  pipe: '|',
  colon: ':',
};

const COLUMN_KEYS = {
  'guid column': 'guidColumn',
  'deck column': 'deckColumn',
  'notetype column': 'notetypeColumn',
  'tags column': 'tagsColumn',
} as const;

/** Drops the separators a spreadsheet pads header lines with: `Pipe,,,` → `Pipe`, `true;;` → `true`. */
export function stripTrailingSeparators(value: string): string {
  return value.length <= 1 ? value : value.replace(/(?<=\S)[,;\t|]+$/, '');
}

/** Reads the header lines at the top of `text`; problems go to `builder` with their line. */
export function readAnkiHeaders(text: string, builder: PackBuilder): AnkiHeaders {
  const headers: AnkiHeaders = { any: false, bodyStart: 0, bodyLine: 1, tags: [] };
  let columnsRaw: string | undefined;
  let offset = 0;
  let line = 1;
  const lineAt = (o: number) => {
    const end = text.indexOf('\n', o);
    return {
      raw: text.slice(o, end === -1 ? text.length : end).replace(/\r$/, ''),
      next: end === -1 ? text.length : end + 1,
    };
  };
  if (text.startsWith('tags:')) {
    const { raw, next } = lineAt(0);
    headers.tags = stripTrailingSeparators(raw.slice(5)).split(/\s+/).filter(Boolean);
    offset = next;
    line++;
  }
  while (offset < text.length && text[offset] === '#') {
    const { raw, next } = lineAt(offset);
    const colon = raw.indexOf(':');
    if (colon !== -1) {
      const key = raw.slice(1, colon).trim().toLowerCase();
      const value = stripTrailingSeparators(raw.slice(colon + 1));
      const at = { line, column: colon + 2 };
      const ignored = (why: string) => builder.warn(`${why}; Anki ignores this line too`, at);
      if (key === 'separator') {
        headers.any = true;
        const sep = SEPARATORS[value.trim().toLowerCase()] ?? (value.length === 1 ? value : undefined);
        if (sep === undefined || sep === '"' || sep === '\n')
          ignored(
            `unknown separator "${value}": use Comma, Semicolon, Tab, Space, Pipe, Colon or one character`,
          );
        else headers.separator = sep;
      } else if (key === 'html') {
        headers.any = true;
        const v = value.trim().toLowerCase();
        if (v !== 'true' && v !== 'false') ignored(`#html is true or false, not "${value.trim()}"`);
        else headers.html = v === 'true';
      } else if (key === 'columns') {
        headers.any = true;
        columnsRaw = value;
      } else if (key === 'tags') {
        headers.any = true;
        headers.tags = value.split(/\s+/).filter(Boolean);
      } else if (key === 'deck') {
        headers.any = true;
        headers.deck = value.trim();
      } else if (key === 'notetype') {
        headers.any = true;
        headers.notetype = value.trim();
      } else if (key in COLUMN_KEYS) {
        headers.any = true;
        const n = Number(value.trim());
        if (!Number.isInteger(n) || n < 1 || !/^\d+$/.test(value.trim()))
          ignored(`#${key} is a column number from 1, not "${value.trim()}"`);
        else headers[COLUMN_KEYS[key as keyof typeof COLUMN_KEYS]] = n - 1;
      }
    }
    offset = next;
    line++;
  }
  headers.bodyStart = offset;
  headers.bodyLine = line;
  if (columnsRaw !== undefined)
    headers.columns = columnsRaw
      .split(headers.separator ?? (columnsRaw.includes('\t') ? '\t' : ','))
      .map((c) => c.trim());
  return headers;
}
