/**
 * Delimited text → Lectern pack: Anki's "Notes in plain text" export (header lines `#separator:`,
 * `#html:`, `#columns:`, `#tags:`, `#tags column:`, `#guid column:`, `#deck:`, `#deck column:`,
 * `#notetype:`, `#notetype column:`) and header-less CSV/TSV such as Quizlet's term/definition export.
 * Each row is a flashcard (front, back; further fields become the explanation) or, for a Cloze note type
 * or a `{{c1::…}}` in the text, a cloze. Decks become chapters. Never throws.
 */
import type { PackResult } from '../../pack/diagnostics';
import { createLineIndex } from '../../pack/line-index';
import type { Pack } from '../../pack/schema';
import { htmlToText } from '../html-text';
import { deriveId, packNameFromFile, toLecternId } from '../ids';
import { type Locations, PackBuilder, type SourcePos } from '../pack-builder';
import type { ReadOptions } from '../read-options';
import { type AnkiHeaders, readAnkiHeaders } from './anki-headers';
import { type DelimitedField, splitDelimited } from './split-delimited';

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
  const builder = new PackBuilder(packNameFromFile(fileName));
  const lines = createLineIndex(text);
  const headers = readAnkiHeaders(text, builder);
  const sep = headers.separator ?? guessSeparator(text.slice(headers.bodyStart), fileName);
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
  const roles = assignRoles(headers, names);
  rows.forEach((row, i) => {
    if (options.onProgress && (i & 4095) === 0) options.onProgress(0.5 + (0.4 * i) / rows.length);
    readRow(builder, headers, roles, row.fields, lines.locate(row.offset), (o) => lines.locate(o));
  });
  const result = builder.finish('no questions found: each row needs a front and a back (or a cloze text)');
  options.onProgress?.(1);
  return result;
}

interface Roles {
  /** 0-based indexes of the note fields, in order (front/text first). */
  fields: number[];
  front: number;
  back: number | undefined;
}

function assignRoles(headers: AnkiHeaders, names: string[] | undefined): Roles {
  const special = new Set([
    headers.guidColumn,
    headers.deckColumn,
    headers.notetypeColumn,
    headers.tagsColumn,
  ]);
  let tagsByName: number | undefined;
  if (names && headers.tagsColumn === undefined) {
    const t = names.findIndex((n) => n.toLowerCase() === 'tags');
    if (t !== -1) tagsByName = t;
  }
  if (tagsByName !== undefined) {
    headers.tagsColumn = tagsByName;
    special.add(tagsByName);
  }
  const width = Math.max(names?.length ?? 0, 2 + special.size);
  const fields: number[] = [];
  for (let c = 0; c < Math.max(width, 64); c++) if (!special.has(c)) fields.push(c);
  const find = (re: RegExp) => {
    const k = names?.findIndex((n, c) => re.test(n.trim()) && !special.has(c)) ?? -1;
    return k === -1 ? undefined : k;
  };
  const front = find(/^(front|text|term|question)$/i) ?? fields[0] ?? 0;
  const back = find(/^(back|definition|answer)$/i) ?? fields.find((c) => c !== front);
  return { fields, front, back };
}

function clean(value: string, html: boolean): string {
  return html ? htmlToText(value, true) : value.trim();
}

function readRow(
  builder: PackBuilder,
  headers: AnkiHeaders,
  roles: Roles,
  fields: DelimitedField[],
  at: SourcePos,
  place: (offset: number) => SourcePos,
): void {
  const get = (c: number | undefined) => (c === undefined ? undefined : fields[c]);
  const value = (c: number | undefined) => {
    const f = get(c);
    return f ? clean(f.value, headers.html) : '';
  };
  if (fields.every((f) => f.value.trim() === '')) return;
  const deck = headers.deckColumn !== undefined ? value(headers.deckColumn) || headers.deck : headers.deck;
  if (deck) builder.enterChapter(deck.replaceAll('::', ' / '), at);
  const notetype =
    (headers.notetypeColumn !== undefined ? value(headers.notetypeColumn) : '') || headers.notetype || '';
  const front = value(roles.front);
  const back = roles.back === undefined ? '' : value(roles.back);
  const extras = roles.fields
    .filter((c) => c !== roles.front && c !== roles.back)
    .map((c) => value(c))
    .filter(Boolean);
  const locs: Locations = new Map([['', at]]);
  const frontAt = get(roles.front) ? place(get(roles.front)?.offset ?? 0) : at;
  const question: Record<string, unknown> = { section: builder.currentSection(at) };
  const cloze = /cloze/i.test(notetype) || /\{\{c\d+::/.test(front);
  if (cloze) {
    question.type = 'cloze';
    question.text = front;
    locs.set('text', frontAt);
    const explanation = [back, ...extras].filter(Boolean).join('\n\n');
    if (explanation) question.explanation = explanation;
  } else {
    if (!back) {
      const where = get(roles.back);
      builder.error(
        front ? 'this row has a front but no back' : 'this row has no front',
        where ? place(where.offset) : at,
      );
      return;
    }
    question.type = 'flashcard';
    question.front = front;
    question.back = back;
    locs.set('front', frontAt);
    locs.set('back', place(get(roles.back)?.offset ?? 0));
    if (extras.length > 0) question.explanation = extras.join('\n\n');
  }
  const tags = [...headers.tags, ...value(headers.tagsColumn).split(/\s+/)].filter(Boolean);
  if (tags.length > 0) question.tags = tags;
  const tagField = get(headers.tagsColumn);
  if (tagField) for (let i = 0; i < tags.length; i++) locs.set(`tags/${i}`, place(tagField.offset));
  const guid = get(headers.guidColumn);
  const id = guid?.value.trim()
    ? { value: toLecternId(guid.value), explicit: true, at: place(guid.offset) }
    : { value: deriveId('q', front), explicit: false, at };
  builder.addQuestion(question, id, locs);
}
