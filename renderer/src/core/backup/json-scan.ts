/**
 * An incremental reader for one JSON document shaped like a backup: an object whose `tables` member
 * is an object of arrays. Text is fed in parts split anywhere; every other top-level member and every
 * element of a table is handed over on its own, parsed by the native `JSON.parse`, so only one row is
 * ever held as text. The structure around them (braces, keys, commas) is checked here, with the line
 * and column of the first thing out of place.
 */

/** A 1-based place in the text. */
export interface JsonPosition {
  line: number;
  column: number;
}

/** What the scanner hands over. A handler may throw to stop the scan; the error is rethrown by `push`. */
export interface JsonScanHandler {
  /** A top-level member other than `tables`. */
  member(key: string, value: unknown, at: JsonPosition): void;
  /** `tables[name]` begins. */
  tableStart(name: string, at: JsonPosition): void;
  /** Element `index` of `tables[table]`: its value and its text as written. */
  row(table: string, index: number, value: unknown, text: string, at: JsonPosition): void;
  /** `tables[table]` ended after `count` elements. */
  tableEnd(table: string, count: number): void;
}

/** Why a scan stopped. */
export type JsonScanFault =
  /** Nothing but white space. */
  | 'empty'
  /** The text does not start with `{`. */
  | 'not-object'
  /** The text ends before the document does. */
  | 'truncated'
  /** Not valid JSON, or `tables` not an object of arrays. */
  | 'syntax'
  /** One value is larger than `maxValueChars`. */
  | 'too-large';

/** A scan that stopped, with where it stopped: the table and row being read, if any. */
export class JsonScanError extends Error {
  constructor(
    readonly fault: JsonScanFault,
    readonly detail: string,
    readonly at: JsonPosition,
    readonly table: string | null,
    /** Rows of `table` read completely before the fault. */
    readonly rowsRead: number,
    /** The last table read to its end, if any. */
    readonly lastTable: string | null,
  ) {
    super(detail);
  }
}

/** Feeds text to the scanner. */
export interface JsonScanner {
  /** Scans the next part of the text; throws a `JsonScanError` (or the handler's error) on a fault. */
  push(text: string): void;
  /** Declares the text complete; throws a `JsonScanError` if the document is not. */
  end(): void;
}

type Frame = 'before' | 'top' | 'tables' | 'table' | 'after';
type Expect = 'key-or-close' | 'key' | 'colon' | 'value' | 'value-or-close' | 'comma-or-close';
type Purpose = 'key' | 'member' | 'row';

interface Capture {
  purpose: Purpose;
  kind: 'string' | 'container' | 'scalar';
  pieces: string[];
  length: number;
  depth: number;
  inString: boolean;
  escaped: boolean;
  at: JsonPosition;
}

const DEFAULT_MAX_VALUE = 64 * 1024 * 1024;

/**
 * A row that starts at `from` and is written whole on its line, as every backup row is: the line up
 * to its last closing brace (or bracket, for an array row), when that much is one JSON value (JSON.parse accepting it proves it is
 * the whole row: a value cannot run on past its end). This spares a character-by-character scan;
 * anything else (a row across lines or parts, two rows on a line) returns null and takes that way.
 */
function quickRow(s: string, from: number): { text: string; value: unknown } | null {
  const newline = s.indexOf('\n', from);
  if (newline < 0) return null;
  // An object row may be followed by its table's "]" on the line; an array row (format 3) ends in one.
  const array = s.charCodeAt(from) === 91;
  let end = newline;
  while (end > from) {
    const c = s.charCodeAt(end - 1);
    if (c === 32 || c === 13 || c === 9 || c === 44 || (c === 93 && !array)) end--;
    else break;
  }
  if (s.charCodeAt(end - 1) !== (array ? 93 : 125)) return null;
  const text = s.slice(from, end);
  try {
    return { text, value: JSON.parse(text) };
  } catch {
    return null;
  }
}

/** Creates a scanner. `maxValueChars` bounds one member or row (a larger one is a `too-large` fault). */
export function createJsonScanner(
  handler: JsonScanHandler,
  opts: { maxValueChars?: number } = {},
): JsonScanner {
  const maxValue = opts.maxValueChars ?? DEFAULT_MAX_VALUE;
  let frame: Frame = 'before';
  let expect: Expect = 'value';
  let key = '';
  let table: string | null = null;
  let lastTable: string | null = null;
  let rowIndex = 0;
  let cap: Capture | null = null;
  // Position: `base` counts the characters of earlier parts; `lineStart` is absolute.
  let base = 0;
  let line = 1;
  let lineStart = 0;
  let sawText = false;

  const posAt = (abs: number): JsonPosition => ({ line, column: abs - lineStart + 1 });
  const fail = (fault: JsonScanFault, detail: string, abs: number): never => {
    throw new JsonScanError(fault, detail, posAt(abs), table, rowIndex, lastTable);
  };
  const shown = (c: number) => (c < 32 ? `character ${c}` : `"${String.fromCharCode(c)}"`);

  function startCapture(purpose: Purpose, c: number, abs: number): void {
    const at = posAt(abs);
    const kind =
      c === 34
        ? 'string'
        : c === 123 || c === 91
          ? 'container'
          : c === 45 || (c >= 48 && c <= 57) || c === 116 || c === 102 || c === 110
            ? 'scalar'
            : null;
    if (kind === null) fail('syntax', `unexpected ${shown(c)} where a value should be`, abs);
    if (purpose === 'key' && kind !== 'string')
      fail('syntax', `expected a quoted name, found ${shown(c)}`, abs);
    cap = {
      purpose,
      kind: kind as Capture['kind'],
      pieces: [],
      length: 0,
      depth: 0,
      inString: false,
      escaped: false,
      at,
    };
  }

  /** Continues the capture from `i`; returns where it ended (exclusive), or -1 if it goes on. */
  function scanCapture(s: string, i: number, c: Capture): number {
    const n = s.length;
    if (c.kind === 'scalar') {
      for (; i < n; i++) {
        const ch = s.charCodeAt(i);
        if (ch === 44 || ch === 125 || ch === 93 || ch === 32 || ch === 10 || ch === 13 || ch === 9) return i;
      }
      return -1;
    }
    let { depth, inString, escaped } = c;
    if (c.kind === 'string' && c.length === 0 && !inString) {
      inString = true; // the opening quote
      i++;
    }
    for (; i < n; i++) {
      const ch = s.charCodeAt(i);
      if (inString) {
        if (escaped) escaped = false;
        else if (ch === 92) escaped = true;
        else if (ch === 34) {
          inString = false;
          if (c.kind === 'string') return i + 1;
        }
        continue;
      }
      if (ch === 34) inString = true;
      else if (ch === 123 || ch === 91) depth++;
      else if (ch === 125 || ch === 93) {
        if (--depth === 0) return i + 1;
      } else if (ch === 10) {
        line++;
        lineStart = base + i + 1;
      }
    }
    c.depth = depth;
    c.inString = inString;
    c.escaped = escaped;
    return -1;
  }

  function finishCapture(c: Capture, text: string): void {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      const what = c.purpose === 'row' ? 'this row' : c.purpose === 'key' ? 'this name' : `"${key}"`;
      throw new JsonScanError(
        'syntax',
        `${what} is not valid JSON (${String((error as Error).message ?? error).replace(/^SyntaxError: /, '')})`,
        c.at,
        table,
        rowIndex,
        lastTable,
      );
    }
    if (c.purpose === 'key') {
      key = value as string;
      expect = 'colon';
    } else if (c.purpose === 'member') {
      handler.member(key, value, c.at);
      expect = 'comma-or-close';
    } else {
      handler.row(table ?? '', rowIndex, value, text, c.at);
      rowIndex++;
      expect = 'comma-or-close';
    }
  }

  function push(s: string): void {
    const n = s.length;
    let i = 0;
    while (i < n) {
      if (cap) {
        const c: Capture = cap;
        const end = scanCapture(s, i, c);
        const piece = s.slice(i, end < 0 ? n : end);
        c.length += piece.length;
        if (c.length > maxValue)
          fail('too-large', `a value is larger than ${maxValue} characters`, base + (end < 0 ? n : end));
        if (end < 0) {
          c.pieces.push(piece);
          break;
        }
        const text = c.pieces.length === 0 ? piece : c.pieces.join('') + piece;
        cap = null;
        finishCapture(c, text);
        i = end;
        continue;
      }
      const ch = s.charCodeAt(i);
      if (ch === 32 || ch === 9 || ch === 13) {
        i++;
        continue;
      }
      if (ch === 10) {
        line++;
        lineStart = base + i + 1;
        i++;
        continue;
      }
      if (ch === 0xfeff && !sawText && base + i === 0) {
        i++; // a byte-order mark
        lineStart = 1;
        continue;
      }
      sawText = true;
      const abs = base + i;
      switch (frame) {
        case 'before':
          if (ch !== 123) fail('not-object', `the text starts with ${shown(ch)}, not "{"`, abs);
          frame = 'top';
          expect = 'key-or-close';
          i++;
          continue;
        case 'after':
          fail('syntax', `unexpected ${shown(ch)} after the end of the document`, abs);
          continue;
        case 'top':
        case 'tables':
          if (expect === 'key-or-close' || expect === 'key') {
            if (ch === 125 && expect === 'key-or-close') {
              closeObject();
              i++;
              continue;
            }
            startCapture('key', ch, abs);
            continue;
          }
          if (expect === 'colon') {
            if (ch !== 58) fail('syntax', `expected ":" after "${key}", found ${shown(ch)}`, abs);
            expect = 'value';
            i++;
            continue;
          }
          if (expect === 'value') {
            if (frame === 'top' && key === 'tables') {
              if (ch !== 123) fail('syntax', `"tables" is not an object`, abs);
              frame = 'tables';
              expect = 'key-or-close';
              i++;
              continue;
            }
            if (frame === 'tables') {
              if (ch !== 91) fail('syntax', `the table "${key}" is not a list`, abs);
              frame = 'table';
              table = key;
              rowIndex = 0;
              expect = 'value-or-close';
              handler.tableStart(key, posAt(abs));
              i++;
              continue;
            }
            startCapture('member', ch, abs);
            continue;
          }
          // comma-or-close
          if (ch === 44) expect = 'key';
          else if (ch === 125) closeObject();
          else fail('syntax', `expected "," or "}", found ${shown(ch)}`, abs);
          i++;
          continue;
        case 'table':
          if (ch === 93 && expect !== 'value') {
            const name = table ?? '';
            const count = rowIndex;
            frame = 'tables';
            expect = 'comma-or-close';
            table = null;
            lastTable = name;
            rowIndex = 0;
            handler.tableEnd(name, count);
            i++;
            continue;
          }
          if (expect === 'comma-or-close') {
            if (ch !== 44) fail('syntax', `expected "," or "]", found ${shown(ch)}`, abs);
            expect = 'value';
            i++;
            continue;
          }
          if (ch === 123 || ch === 91) {
            const quick = quickRow(s, i);
            if (quick) {
              handler.row(table ?? '', rowIndex, quick.value, quick.text, posAt(abs));
              rowIndex++;
              expect = 'comma-or-close';
              i += quick.text.length;
              continue;
            }
          }
          startCapture('row', ch, abs);
          continue;
      }
    }
    base += n;
  }

  function closeObject(): void {
    if (frame === 'tables') {
      frame = 'top';
      expect = 'comma-or-close';
    } else frame = 'after';
  }

  function end(): void {
    const abs = base;
    if (!sawText) fail('empty', 'the text is empty', abs);
    if (frame !== 'after' || cap) fail('truncated', 'the text ends before the document does', abs);
  }

  return { push, end };
}
