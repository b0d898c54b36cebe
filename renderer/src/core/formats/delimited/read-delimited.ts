/**
 * Delimited text → Lectern pack: Anki's "Notes in plain text" export (header lines `#separator:`,
 * `#html:`, `#columns:`, `#tags:`, `#tags column:`, `#guid column:`, `#deck:`, `#deck column:`,
 * `#notetype:`, `#notetype column:`) and header-less CSV/TSV such as Quizlet's term/definition export.
 * Each row is a flashcard (front, back; further fields become the explanation) or, for a Cloze note type
 * or a `{{c1::…}}` in the text, a cloze. Decks become chapters. Never throws.
 */
import type { PackResult } from '../../pack/diagnostics';
import { createLineIndex, type LineIndex } from '../../pack/line-index';
import type { Pack } from '../../pack/schema';
import { htmlToText } from '../html-text';
import { deriveId, packNameFromFile, toLecternId } from '../ids';
import { type Locations, PackBuilder, type SourcePos } from '../pack-builder';
import type { ReadOptions } from '../read-options';
import { type AnkiHeaders, readAnkiHeaders } from './anki-headers';
import { type DelimitedField, type DelimitedRow, splitDelimited } from './split-delimited';

const HEADER_NAMES = new Set([
  'front',
  'back',
  'term',
  'definition',
  'question',
  'answer',
  'text',
  'extra',
  'back extra',
  'tags',
  'notes',
]);

/** Picks the separator of a header-less file: tab if any line has one, else by extension and counts. */
export function guessSeparator(text: string, fileName: string): string {
  const sample = text
    .slice(0, 64 * 1024)
    .split('\n')
    .filter((l) => l.trim() !== '')
    .slice(0, 50);
  if (sample.some((l) => l.includes('\t')) || /\.tsv$/i.test(fileName)) return '\t';
  if (/\.csv$/i.test(fileName)) {
    const semicolons = sample.filter((l) => l.includes(';')).length;
    const commas = sample.filter((l) => l.includes(',')).length;
    return semicolons > commas ? ';' : ',';
  }
  let best = ',';
  let bestCount = 0;
  for (const sep of [',', ';', '|']) {
    const count = sample.filter((l) => l.includes(sep)).length;
    if (count > bestCount) {
      best = sep;
      bestCount = count;
    }
  }
  return best;
}

/** Reads CSV/TSV (with or without Anki headers) into a pack; id and title come from the file name. */
export function readDelimited(text: string, options: ReadOptions = {}): PackResult<Pack> {
  const fileName = options.fileName ?? 'pack.csv';
  const lines = createLineIndex(text);
  let sep = ',';
  let headers: AnkiHeaders | undefined;
  let roles: Roles | undefined;
  // Rows are remembered by their offset; their fields are placed only if a problem needs a place.
  const locate = (offset: number): Locations => {
    const [row] = splitDelimited(text, sep, offset, () => {}, undefined, 1);
    return row && headers && roles
      ? locateRow(row.fields, lines.locate(row.offset), headers, roles, (o) => lines.locate(o))
      : new Map();
  };
  const builder = new PackBuilder(packNameFromFile(fileName), locate);
  headers = readAnkiHeaders(text, builder);
  sep = headers.separator ?? guessSeparator(text.slice(headers.bodyStart), fileName);
  const rows = splitDelimited(
    text,
    sep,
    headers.bodyStart,
    (p) => builder.error(p.message, lines.locate(p.offset)),
    options.onProgress && ((f) => options.onProgress?.(0.5 * f)),
  );
  let names = headers.columns;
  if (
    !names &&
    !headers.any &&
    rows[0]?.fields.every((f) => HEADER_NAMES.has(f.value.trim().toLowerCase()))
  ) {
    names = rows[0].fields.map((f) => f.value.trim());
    rows.shift();
  }
  roles = assignRoles(headers, names);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (!row) continue;
    if (options.onProgress && (i & 4095) === 0) options.onProgress(0.5 + (0.4 * i) / rows.length);
    readRow(builder, headers, roles, row, lines);
  }
  const result = builder.finish('no questions found: each row needs a front and a back (or a cloze text)');
  options.onProgress?.(1);
  return result;
}

interface Roles {
  /** 0-based indexes of the GUID, deck, note type and tags columns. */
  special: Set<number>;
  front: number;
  back: number | undefined;
}

function assignRoles(headers: AnkiHeaders, names: string[] | undefined): Roles {
  const special = new Set<number>(
    [headers.guidColumn, headers.deckColumn, headers.notetypeColumn, headers.tagsColumn].filter(
      (c): c is number => c !== undefined,
    ),
  );
  let tagsByName: number | undefined;
  if (names && headers.tagsColumn === undefined) {
    const t = names.findIndex((n) => n.toLowerCase() === 'tags');
    if (t !== -1) tagsByName = t;
  }
  if (tagsByName !== undefined) {
    headers.tagsColumn = tagsByName;
    special.add(tagsByName);
  }
  const fields: number[] = [];
  for (let c = 0; fields.length < 2; c++) if (!special.has(c)) fields.push(c);
  const find = (re: RegExp) => {
    const k = names?.findIndex((n, c) => re.test(n.trim()) && !special.has(c)) ?? -1;
    return k === -1 ? undefined : k;
  };
  const front = find(/^(front|text|term|question)$/i) ?? fields[0] ?? 0;
  const back = find(/^(back|definition|answer)$/i) ?? fields.find((c) => c !== front);
  return { special, front, back };
}

function clean(value: string, html: boolean): string {
  return html ? htmlToText(value, true) : value.trim();
}

function fieldValue(fields: DelimitedField[], c: number | undefined, html: boolean): string {
  const f = c === undefined ? undefined : fields[c];
  return f ? clean(f.value, html) : '';
}

function locateRow(
  fields: DelimitedField[],
  at: SourcePos,
  headers: AnkiHeaders,
  roles: Roles,
  place: (offset: number) => SourcePos,
): Locations {
  const locs: Locations = new Map([['', at]]);
  const field = (c: number | undefined) => (c === undefined ? undefined : fields[c]);
  const front = field(roles.front);
  const back = field(roles.back);
  const guid = field(headers.guidColumn);
  const tags = field(headers.tagsColumn);
  for (const key of ['front', 'text']) locs.set(key, front ? place(front.offset) : at);
  if (back) locs.set('back', place(back.offset));
  locs.set('id', guid ? place(guid.offset) : at);
  if (tags) locs.set('tags', place(tags.offset));
  return locs;
}

function readRow(
  builder: PackBuilder,
  headers: AnkiHeaders,
  roles: Roles,
  row: DelimitedRow,
  lines: LineIndex,
): void {
  const fields = row.fields;
  const html = headers.html;
  if (row.broken || fields.every((f) => f.value.trim() === '')) return;
  const at = lines.locate(row.offset);
  const deck =
    headers.deckColumn !== undefined
      ? fieldValue(fields, headers.deckColumn, html) || headers.deck
      : headers.deck;
  if (deck) builder.enterChapter(deck.replaceAll('::', ' / '), at);
  const notetype =
    (headers.notetypeColumn !== undefined ? fieldValue(fields, headers.notetypeColumn, html) : '') ||
    headers.notetype ||
    '';
  const front = fieldValue(fields, roles.front, html);
  const back = fieldValue(fields, roles.back, html);
  const extras: string[] = [];
  for (let c = 0; c < fields.length; c++) {
    if (c === roles.front || c === roles.back || roles.special.has(c)) continue;
    const extra = fieldValue(fields, c, html);
    if (extra) extras.push(extra);
  }
  const question: Record<string, unknown> = { section: builder.currentSection(at) };
  const cloze = /cloze/i.test(notetype) || /\{\{c\d+::/.test(front);
  if (cloze) {
    question.type = 'cloze';
    question.text = front;
    const explanation = [back, ...extras].filter(Boolean).join('\n\n');
    if (explanation) question.explanation = explanation;
  } else {
    if (!back || !front) {
      const missing = !back ? roles.back : roles.front;
      const where = missing === undefined ? undefined : fields[missing];
      builder.error(
        !back ? 'this row has a front but no back' : 'this row has a back but no front',
        where ? lines.locate(where.offset) : at,
      );
      return;
    }
    question.type = 'flashcard';
    question.front = front;
    question.back = back;
    if (extras.length > 0) question.explanation = extras.join('\n\n');
  }
  const ownTags = fieldValue(fields, headers.tagsColumn, html);
  const tags = ownTags ? [...headers.tags, ...ownTags.split(/\s+/).filter(Boolean)] : headers.tags;
  if (tags.length > 0) question.tags = tags;
  const guid = headers.guidColumn === undefined ? undefined : fields[headers.guidColumn];
  const id = guid?.value.trim()
    ? { value: toLecternId(guid.value), explicit: true, at: lines.locate(guid.offset) }
    : { value: deriveId('q', front), explicit: false, at };
  builder.addQuestion(question, id, row.offset);
}
