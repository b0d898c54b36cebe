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
import { hasHtml, htmlToText } from '../html-text';
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

/**
 * Picks the separator of a header-less file as Anki does: the first of tab, pipe, semicolon, colon,
 * comma found in the first 8 KiB, else space. A `.tsv` is tab-separated and a `.csv` comma- or
 * semicolon-separated (whichever more lines hold), whatever else the text contains.
 */
export function guessSeparator(text: string, fileName: string): string {
  const sample = text.slice(0, 8 * 1024);
  if (/\.tsv$/i.test(fileName)) return '\t';
  if (/\.csv$/i.test(fileName)) {
    const lines = sample.split('\n');
    const semicolons = lines.filter((l) => l.includes(';')).length;
    const commas = lines.filter((l) => l.includes(',')).length;
    return semicolons > commas ? ';' : ',';
  }
  return ['\t', '|', ';', ':', ','].find((sep) => sample.includes(sep)) ?? ' ';
}

/** Reads CSV/TSV (with or without Anki headers) into a pack; title and id from the file name (the id names the format). */
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
  const builder = new PackBuilder(packNameFromFile(fileName, 'csv'), locate);
  headers = readAnkiHeaders(text, builder);
  sep = headers.separator ?? guessSeparator(text.slice(headers.bodyStart), fileName);
  const rows = splitDelimited(
    text,
    sep,
    headers.bodyStart,
    (p) => builder.warn(`${p.message} (read as Anki reads it)`, lines.locate(p.offset)),
    options.onProgress && ((f) => options.onProgress?.(0.5 * f)),
    Number.POSITIVE_INFINITY,
    true,
  );
  let names = headers.columns;
  const first = rows[0];
  if (
    !names &&
    !headers.any &&
    /\.(csv|tsv)$/i.test(fileName) &&
    first?.fields.every((f) => HEADER_NAMES.has(f.value.trim().toLowerCase()))
  ) {
    names = first.fields.map((f) => f.value.trim());
    builder.warn(
      `this first row is read as column names (${names.join(', ')}), not as a card; Anki would import it as a note`,
      lines.locate(first.offset),
    );
    rows.shift();
  }
  if (headers.html === undefined)
    headers.html = rows.slice(0, 5).some((r) => r.fields.some((f) => hasHtml(f.value)));
  roles = assignRoles(headers, names, rows[0]?.fields.length ?? 0);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (!row) continue;
    if (options.onProgress && (i & 4095) === 0) options.onProgress(0.5 + (0.4 * i) / rows.length);
    readRow(builder, headers, roles, row, lines);
  }
  const result = builder.finish('no questions found: each row needs a front (or a cloze text)');
  options.onProgress?.(1);
  return result;
}

interface Roles {
  /** 0-based indexes of the GUID, deck, note type and tags columns. */
  special: Set<number>;
  front: number;
  back: number | undefined;
}

/**
 * Which column is which. Fields are the first two columns that are not GUID, deck, note type or tags
 * columns, or the columns named Front/Back…; as in Anki, when neither `#tags column:` nor column names
 * are given, the column after the fields (if the first row has one) holds the tags.
 */
function assignRoles(headers: AnkiHeaders, names: string[] | undefined, width: number): Roles {
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
  const after = Math.max(front, back ?? 0) + 1;
  if (!names && headers.tagsColumn === undefined && after < width && !special.has(after)) {
    headers.tagsColumn = after;
    special.add(after);
  }
  return { special, front, back };
}

function clean(value: string, html: boolean): string {
  if (!html) return value.trim();
  const text = htmlToText(value, true);
  if (text !== '') return text;
  // A field that is only images keeps their references: Lectern cannot show images yet.
  return imageSources(value)
    .map((src) => `[image: ${src}]`)
    .join(' ');
}

/** The `src` of every `<img>` in an HTML field. */
function imageSources(value: string): string[] {
  return [...value.matchAll(/<img\b[^>]*?\bsrc\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/gi)]
    .map((m) => (m[2] ?? m[3] ?? m[4] ?? '').trim())
    .filter((src) => src !== '');
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
  const html = headers.html === true;
  if (fields.every((f) => f.value.trim() === '')) return;
  const at = lines.locate(row.offset);
  const firstField = roles.front === undefined ? undefined : fields[roles.front];
  if (!firstField || firstField.value.trim() === '') {
    builder.warn('this note has an empty first field: it is skipped, as Anki skips it', at);
    return;
  }
  for (const c of [roles.front, roles.back]) {
    const f = c === undefined ? undefined : fields[c];
    if (f && html && htmlToText(f.value, true) === '' && imageSources(f.value).length > 0)
      builder.warn(
        `this field is only an image (${imageSources(f.value).join(', ')}): Lectern lists the file name until it can show images`,
        lines.locate(f.offset),
      );
  }
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
  const side = (c: number | undefined) => {
    const f = c === undefined ? undefined : fields[c];
    if (!f) return { text: '', images: [] };
    return html
      ? { text: htmlToText(f.value, true), images: imageSources(f.value) }
      : { text: f.value.trim(), images: [] };
  };
  const frontSide = side(roles.front);
  const backSide = side(roles.back);
  if (front === '') {
    builder.warn('this note has no text in its first field once HTML is removed: it is skipped', at);
    return;
  }
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
    const explanation = [fieldValue(fields, roles.back, html), ...extras].filter(Boolean).join('\n\n');
    if (explanation) question.explanation = explanation;
  } else {
    const where = roles.back === undefined ? undefined : fields[roles.back];
    if (backSide.text === '' && backSide.images.length === 0)
      builder.warn(
        'this note has an empty back: it is imported with an empty back, as Anki does',
        where ? lines.locate(where.offset) : at,
      );
    question.type = 'flashcard';
    // The text a reader sees; the images of each side are listed apart (shown once media land).
    question.front = frontSide.text;
    question.back = backSide.text;
    if (frontSide.images.length > 0) question.frontImages = frontSide.images.slice(0, 20);
    if (backSide.images.length > 0) question.backImages = backSide.images.slice(0, 20);
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
