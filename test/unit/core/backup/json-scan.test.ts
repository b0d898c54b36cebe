import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createJsonScanner, JsonScanError } from '../../../../renderer/src/core/backup';

interface Scanned {
  members: Record<string, unknown>;
  tables: [string, unknown[]][];
}

/** Scans `parts` and returns what the handler saw, or the error. */
function scan(parts: string[], maxValueChars?: number): Scanned | JsonScanError {
  const out: Scanned = { members: {}, tables: [] };
  const scanner = createJsonScanner(
    {
      member: (key, value) => {
        out.members[key] = value;
      },
      tableStart: (name) => {
        out.tables.push([name, []]);
      },
      row: (table, index, value, text) => {
        const current = out.tables[out.tables.length - 1];
        expect(current?.[0]).toBe(table);
        expect(current?.[1].length).toBe(index);
        expect(JSON.parse(text)).toEqual(value);
        current?.[1].push(value);
      },
      tableEnd: (name, count) => {
        expect(out.tables[out.tables.length - 1]).toEqual([name, expect.any(Array)]);
        expect(out.tables[out.tables.length - 1]?.[1].length).toBe(count);
      },
    },
    { maxValueChars },
  );
  try {
    for (const p of parts) scanner.push(p);
    scanner.end();
    return out;
  } catch (error) {
    if (error instanceof JsonScanError) return error;
    throw error;
  }
}

/**
 * A scan or expectation as JSON means it: tables by name (a later table of the same name replaces an
 * earlier one, as in JSON.parse) in name order — JavaScript lists integer-like keys such as "0" first,
 * whatever their place in the text, while the scanner reports tables in the order they are written.
 */
function asJson(r: Scanned | JsonScanError | null): Scanned | JsonScanError | null {
  if (r === null || r instanceof JsonScanError) return r;
  const tables = new Map(r.tables);
  return {
    members: r.members,
    tables: [...tables.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  };
}

/** `text` cut at the given places. */
function cut(text: string, at: number[]): string[] {
  const points = [...new Set(at.map((a) => a % (text.length + 1)))].sort((a, b) => a - b);
  return [0, ...points].map((from, i) => text.slice(from, points[i] ?? text.length));
}

/** What the scanner should see in a document JSON.parse accepts, or null if its shape is not ours. */
function expected(text: string): Scanned | null {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return null;
  const { tables, ...members } = doc as Record<string, unknown>;
  if (!('tables' in (doc as object))) return { members, tables: [] };
  if (typeof tables !== 'object' || tables === null || Array.isArray(tables)) return null;
  const entries = Object.entries(tables);
  if (!entries.every(([, rows]) => Array.isArray(rows))) return null;
  return { members, tables: entries as [string, unknown[]][] };
}

const key = fc.string({ maxLength: 6 }).filter((k) => k !== 'tables' && k !== '__proto__');
const docArb = fc.record({
  members: fc.dictionary(key, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
  tables: fc.dictionary(
    fc.string({ maxLength: 5 }).filter((k) => k !== '__proto__'),
    fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 5 }),
    { maxKeys: 3 },
  ),
  indent: fc.constantFrom<number | string>(0, 1, 2, '\t', 'rows', 'rows'),
  /** Rows that are objects, as a backup's rows are (they take the quick way when whole on a line). */
  objectRows: fc.boolean(),
});

/** The document as JSON.stringify writes it, or ('rows') as the backup writer does: a row per line. */
function write(doc: {
  members: Record<string, unknown>;
  tables: Record<string, unknown[]>;
  indent: number | string;
  objectRows: boolean;
}): string {
  const tables = doc.objectRows
    ? Object.fromEntries(Object.entries(doc.tables).map(([name, rows]) => [name, rows.map((r) => ({ r }))]))
    : doc.tables;
  if (doc.indent !== 'rows') return JSON.stringify({ ...doc.members, tables }, null, doc.indent);
  const head = JSON.stringify(doc.members).slice(1, -1);
  const bodies = Object.entries(tables).map(
    ([name, rows]) => `${JSON.stringify(name)}:[${rows.map((r) => `\n${JSON.stringify(r)}`).join(',')}\n]`,
  );
  return `{${head}${head ? ',' : ''}"tables":{\n${bodies.join(',\n')}}}\n`;
}

describe('createJsonScanner', () => {
  it('hands over every member and row of a document cut anywhere, as JSON.parse reads them', () => {
    fc.assert(
      fc.property(docArb, fc.array(fc.nat(), { maxLength: 12 }), (doc, at) => {
        const text = write(doc);
        const seen = scan(cut(text, at));
        expect(asJson(seen)).toEqual(asJson(expected(text)));
      }),
      { numRuns: 400 },
    );
  });

  it('accepts exactly what JSON.parse accepts (for our shape), after any one-character edit', () => {
    const edit = fc.record({
      at: fc.nat(),
      kind: fc.constantFrom('delete', 'insert', 'replace'),
      ch: fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', ' ', '\n', 'a', '1', '-', 'e', '.'),
    });
    fc.assert(
      fc.property(
        docArb,
        edit,
        fc.array(fc.nat(), { maxLength: 6 }),
        ({ members, tables, indent }, e, at) => {
          const text = JSON.stringify({ ...members, tables }, null, indent);
          const i = e.at % (text.length + 1);
          const edited =
            e.kind === 'delete'
              ? text.slice(0, i) + text.slice(i + 1)
              : e.kind === 'insert'
                ? text.slice(0, i) + e.ch + text.slice(i)
                : text.slice(0, i) + e.ch + text.slice(i + 1);
          const want = asJson(expected(edited));
          const seen = scan(cut(edited, at));
          if (want === null) expect(seen).toBeInstanceOf(JsonScanError);
          else expect(asJson(seen)).toEqual(want);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('reports tables in the order they are written, an integer-like name included (a deleted space made "0 " into "0")', () => {
    const text = '{"a":" ","tables":{"\\"":[1],"0":[{"x":2}]}}';
    const seen = scan([text]);
    expect(seen).toEqual({
      members: { a: ' ' },
      tables: [
        ['"', [1]],
        ['0', [{ x: 2 }]],
      ],
    });
  });

  it('says what stopped it and where', () => {
    const fault = (text: string) => {
      const r = scan([text]);
      return r instanceof JsonScanError
        ? {
            fault: r.fault,
            line: r.at.line,
            column: r.at.column,
            table: r.table,
            rows: r.rowsRead,
            detail: r.detail,
          }
        : null;
    };
    expect(fault('')).toMatchObject({ fault: 'empty' });
    expect(fault(' [1]')).toMatchObject({ fault: 'not-object', line: 1, column: 2 });
    expect(fault('{"tables":{\n"t":[\n1,\n2\n')).toMatchObject({
      fault: 'truncated',
      line: 5,
      table: 't',
      rows: 2,
    });
    expect(fault('{"tables":{\n"t":[\n1,\n2 3]}}')).toMatchObject({
      fault: 'syntax',
      line: 4,
      column: 3,
      table: 't',
      rows: 2,
      detail: 'expected "," or "]", found "3"',
    });
    expect(fault('{"a":1,\n  "tables":5}')).toMatchObject({
      fault: 'syntax',
      line: 2,
      column: 12,
      detail: '"tables" is not an object',
    });
    expect(fault('{"tables":{"t":{}}}')).toMatchObject({ detail: 'the table "t" is not a list' });
    expect(fault('{"a" 1}')).toMatchObject({ detail: 'expected ":" after "a", found "1"' });
    expect(fault('{"tables":{"t":[{"x":nope}]}}')).toMatchObject({
      fault: 'syntax',
      column: 17,
      detail: expect.stringMatching(/^this row is not valid JSON/),
    });
    expect(fault('{} {}')).toMatchObject({ detail: 'unexpected "{" after the end of the document' });
  });

  it('skips a byte-order mark and counts columns after it', () => {
    expect(scan(['\uFEFF{"a":1}'])).toEqual({ members: { a: 1 }, tables: [] });
    expect(scan(['\uFEFF', 'x'])).toMatchObject({ fault: 'not-object', at: { line: 1, column: 1 } });
  });

  it('refuses a value larger than the limit, however it is cut', () => {
    const text = `{"tables":{"t":[${JSON.stringify('x'.repeat(100))}]}}`;
    expect(scan(cut(text, [20, 40, 60]), 50)).toMatchObject({ fault: 'too-large', table: 't' });
    expect(scan(cut(text, [20, 40, 60]), 200)).toEqual({ members: {}, tables: [['t', ['x'.repeat(100)]]] });
  });
});
