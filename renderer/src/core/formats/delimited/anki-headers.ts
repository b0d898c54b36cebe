/**
 * The header lines of Anki's "Notes in plain text" export: `#key:value` lines at the top of the file.
 * See https://docs.ankiweb.net/importing/text-files.html#file-headers.
 */
import type { PackBuilder } from '../pack-builder';

/** What the header lines say; columns are 0-based. */
export interface AnkiHeaders {
  /** Whether the file has any header line. */
  any: boolean;
  /** Offset of the first line after the headers. */
  bodyStart: number;
  separator?: string;
  html: boolean;
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

/** Reads the header lines at the top of `text`; problems go to `builder` with their line. */
export function readAnkiHeaders(text: string, builder: PackBuilder): AnkiHeaders {
  const headers: AnkiHeaders = { any: false, bodyStart: 0, html: false, tags: [] };
  let columnsRaw: string | undefined;
  let offset = 0;
  let line = 1;
  while (offset < text.length && text[offset] === '#') {
    const end = text.indexOf('\n', offset);
    const raw = text.slice(offset, end === -1 ? text.length : end);
    const colon = raw.indexOf(':');
    const next = end === -1 ? text.length : end + 1;
    if (colon !== -1) {
      const key = raw.slice(1, colon).trim().toLowerCase();
      const value = raw.slice(colon + 1);
      const at = { line, column: colon + 2 };
      headers.any = true;
      if (key === 'separator') {
        const sep = SEPARATORS[value.trim().toLowerCase()] ?? (value.length === 1 ? value : undefined);
        if (sep === undefined || sep === '"' || sep === '\n')
          builder.error(
            `unknown separator "${value}": use Comma, Semicolon, Tab, Space, Pipe, Colon or one character`,
            at,
          );
        else headers.separator = sep;
      } else if (key === 'html') {
        const v = value.trim().toLowerCase();
        if (v !== 'true' && v !== 'false') builder.error(`#html is true or false, not "${value.trim()}"`, at);
        headers.html = v === 'true';
      } else if (key === 'columns') columnsRaw = value;
      else if (key === 'tags') headers.tags = value.split(/\s+/).filter(Boolean);
      else if (key === 'deck') headers.deck = value.trim();
      else if (key === 'notetype') headers.notetype = value.trim();
      else if (key in COLUMN_KEYS) {
        const n = Number(value.trim());
        if (!Number.isInteger(n) || n < 1)
          builder.error(`#${key} is a column number from 1, not "${value.trim()}"`, at);
        else headers[COLUMN_KEYS[key as keyof typeof COLUMN_KEYS]] = n - 1;
      }
    }
    offset = next;
    line++;
  }
  headers.bodyStart = offset;
  if (columnsRaw !== undefined)
    headers.columns = columnsRaw
      .split(headers.separator ?? (columnsRaw.includes('\t') ? '\t' : ','))
      .map((c) => c.trim());
  return headers;
}
