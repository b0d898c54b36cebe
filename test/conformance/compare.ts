/**
 * Measures Lectern's Anki and Moodle XML readers against real files and the parse their own importers
 * make of them (issue 17's conformance figures). Not a test: the files are other projects' data, read
 * from the directory given on the command line and never copied into the repository.
 *
 *   npm run conformance -- DIR [-v]
 *
 * DIR holds `apkg/*.apkg` with `apkg/EXPECTED.json` and `moodlexml/*.xml` with `moodlexml/EXPECTED.json`
 * (as in the shared conformance folder). Each file is read with the readers the app uses (sql.js's Node
 * build for Anki) and compared: for Anki the collection read, notes, cards, review rows, replayable
 * reviews, suspended cards, media, decks → chapters, tags, cloze notes, questions, and the sample notes;
 * for Moodle XML every question accounted for by type (gradable → its Lectern type, essay → discussion,
 * description → chapter notes, types Lectern cannot grade → skipped with a warning), files Moodle refuses
 * refused, and every embedded file's bytes among the pack's media. One line per file, then
 * `N/M files match`. Exit 1 when any differs.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import initSqlJs from 'sql.js';
import { readAnkiPackage } from '../../renderer/src/core/formats/anki/read-anki';
import { toLecternId } from '../../renderer/src/core/formats/ids';
import { readPackFile } from '../../renderer/src/core/formats/read-pack-file';
import type { PackMedia } from '../../renderer/src/core/pack/media';
import type { Pack } from '../../renderer/src/core/pack/schema';

interface Outcome {
  file: string;
  diffs: string[];
  /** Differences where Lectern reads as the upstream app shows, not as its raw rows count. */
  explained: string[];
  facts: string[];
}

const sha1 = (b: Uint8Array) => createHash('sha1').update(b).digest('hex');

function check(out: Outcome, what: string, ours: unknown, expected: unknown): void {
  const a = JSON.stringify(ours);
  const b = JSON.stringify(expected);
  if (a === b) out.facts.push(`${what} ${a}`);
  else out.diffs.push(`${what}: ours ${a}, expected ${b}`);
}

const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();

// ---- Anki ------------------------------------------------------------------------------------------

interface AnkiExpected {
  file: string;
  collection_file_used: string;
  media_count: number;
  media: { name?: string; sha1?: string }[];
  counts: { notes: number; cards: number; revlog: number };
  decks: { name: string; filtered: boolean; cards: number }[];
  cards_in_filtered_decks: { original_decks: Record<string, number> };
  card_queue_counts: Record<string, number>;
  revlog_ease_counts: Record<string, number>;
  revlog_type_counts: Record<string, number>;
  distinct_tags: number;
  cloze_notes: number;
  notetypes: { is_cloze: boolean; notes: number }[];
  sample_notes?: { guid: string; notetype: string; tags: string[]; cards: unknown[] }[];
}

function tagsOf(pack: Pack): string[] {
  return sorted(pack.questions.flatMap((q) => q.tags ?? []));
}

async function compareAnki(dir: string, e: AnkiExpected): Promise<Outcome> {
  const out: Outcome = { file: `apkg/${e.file}`, diffs: [], explained: [], facts: [] };
  const SQL = await initSqlJs();
  const bytes = new Uint8Array(readFileSync(join(dir, 'apkg', e.file)));
  const r = readAnkiPackage(e.file, bytes, SQL);
  if (!r.ok) {
    out.diffs.push(`refused: ${r.issues.map((i) => i.message).join('; ')}`);
    return out;
  }
  check(out, 'collection', r.counts.collection, e.collection_file_used);
  check(out, 'notes', r.counts.notes, e.counts.notes);
  check(out, 'cards', r.counts.cards, e.counts.cards);
  check(out, 'review rows', r.counts.reviews, e.counts.revlog);
  // Answers (ease 1–4) replay; manual reschedules (type 4, ease 0) do not.
  const answers = Object.entries(e.revlog_ease_counts).reduce(
    (n, [ease, c]) => n + (ease === '0' ? 0 : c),
    0,
  );
  const manual = e.revlog_type_counts['4'] ?? 0;
  const cardsWithReviews = r.history.filter((h) => h.reviews.length > 0);
  const replayed = cardsWithReviews.reduce((n, h) => n + h.reviews.length, 0);
  // A cloze note's history is its most-reviewed card's: only compare where a question is one card.
  if (r.counts.questions === r.counts.cards) check(out, 'replayable reviews', replayed, answers - manual);
  else
    out.facts.push(
      `replayable reviews ${replayed} (of ${answers - manual}: a cloze note replays its most-reviewed card)`,
    );
  if (r.counts.questions === r.counts.cards)
    check(out, 'suspended', r.history.filter((h) => h.suspended).length, e.card_queue_counts['-1'] ?? 0);
  const expectedMedia = e.media.filter((m) => m.sha1).map((m) => m.sha1 as string);
  check(out, 'media in package', r.media.length, e.media_count);
  const missing = expectedMedia.filter((h) => !r.media.some((m) => sha1(m.bytes) === h));
  if (missing.length > 0) out.diffs.push(`media not kept: ${missing.length} of ${expectedMedia.length}`);
  // Decks → chapters: every deck holding cards, a filtered deck's cards counted in their home deck.
  const homes = new Set(Object.keys(e.cards_in_filtered_decks.original_decks));
  for (const d of e.decks) if (!d.filtered && d.cards > 0) homes.add(d.name);
  check(
    out,
    'chapters',
    sorted(r.pack.chapters.map((c) => c.title)),
    sorted([...homes].map((n) => n.split('::').join(' / '))),
  );
  check(out, 'distinct tags', tagsOf(r.pack).length, e.distinct_tags);
  // A cloze note without a valid deletion (e.g. `{{c1L::…}}`) is a card Anki itself shows as empty
  // ("No cloze found on card"): Lectern skips it with a warning at its note.
  const empty = r.warnings.filter((w) => /has no deletion/.test(w.message));
  const clozes = r.pack.questions.filter((q) => q.type === 'cloze').length;
  if (empty.length > 0 && clozes + empty.length === e.cloze_notes)
    out.explained.push(
      `cloze questions ${clozes} of ${e.cloze_notes} cloze notes: ${empty.length} without a valid deletion, which Anki shows as an empty card (notes ${empty.map((w) => w.note).join(', ')}), skipped with a warning`,
    );
  else check(out, 'cloze questions', clozes, e.cloze_notes);
  // All notes cloze: one question each (all its cards in one); otherwise one per card for Basic types.
  if (e.cloze_notes === e.counts.notes)
    check(out, 'questions', r.counts.questions + empty.length, e.cloze_notes);
  else
    out.facts.push(`questions ${r.counts.questions} (${e.cloze_notes} cloze notes, ${e.counts.cards} cards)`);
  for (const w of r.warnings) out.facts.push(`warning: ${w.note ?? ''} ${w.message}`);
  for (const s of e.sample_notes ?? []) {
    const id = toLecternId(s.guid);
    const found = r.pack.questions.filter((q) => q.id === id || q.id.startsWith(`${id}-`));
    if (found.length === 0) out.diffs.push(`sample note ${s.guid} (${s.notetype}): no question`);
    else {
      const tags = sorted(found.flatMap((q) => q.tags ?? []));
      check(out, `sample note ${s.guid} tags`, tags, sorted(s.tags));
    }
  }
  return out;
}

// ---- Moodle XML ------------------------------------------------------------------------------------

interface MoodleExpected {
  file: string;
  type_counts: Record<string, number>;
  embedded_file_count: number;
  must_reproduce: string[];
  questions: Record<string, unknown>[];
}

/** What each Moodle type becomes in Lectern. */
const LECTERN_TYPE: Record<string, string> = {
  multichoice: 'multiple-choice',
  truefalse: 'true-false',
  shortanswer: 'typed',
  numerical: 'typed',
  matching: 'matching',
  match: 'matching',
  cloze: 'cloze',
  multianswer: 'cloze',
  gapselect: 'cloze',
  ddwtos: 'cloze',
  ordering: 'ordering',
  essay: 'discussion',
  description: 'note',
};

/** Files Moodle itself refuses (its own tests say so): Lectern must refuse them too. */
const REFUSED = new Set(['xmlformat_broken_cloze_questions.xml', 'xmlformat_error_invalid_grades.xml']);

function embeddedFiles(value: unknown, into: { name: string; sha1: string }[] = []) {
  if (Array.isArray(value)) for (const v of value) embeddedFiles(v, into);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.sha1 === 'string' && typeof o.name === 'string') into.push({ name: o.name, sha1: o.sha1 });
    else for (const v of Object.values(o)) embeddedFiles(v, into);
  }
  return into;
}

function compareMoodle(dir: string, e: MoodleExpected): Outcome {
  const out: Outcome = { file: `moodlexml/${e.file}`, diffs: [], explained: [], facts: [] };
  const r = readPackFile(e.file, new Uint8Array(readFileSync(join(dir, 'moodlexml', e.file))));
  const errors = r.ok ? [] : r.issues.filter((i) => i.severity !== 'warning');
  if (REFUSED.has(e.file)) {
    const questions = Object.entries(e.type_counts).reduce((n, [t, c]) => n + (t === 'category' ? 0 : c), 0);
    if (r.ok) out.diffs.push(`read, but Moodle refuses it (${e.must_reproduce[0] ?? ''})`);
    else if (errors.length < questions)
      out.diffs.push(`refused with ${errors.length} errors for ${questions} bad questions`);
    else out.facts.push(`refused: ${errors.length} errors`);
    return out;
  }
  if (!r.ok) {
    out.diffs.push(
      `refused: ${errors.map((i) => `${i.line ?? ''}:${i.column ?? ''} ${i.message}`).join('; ')}`,
    );
    return out;
  }
  const pack = r.pack;
  const media = (r as { media?: PackMedia[] }).media ?? [];
  const want = new Map<string, number>();
  const skippedWant = new Map<string, number>();
  for (const [type, n] of Object.entries(e.type_counts)) {
    if (type === 'category') continue;
    const to = LECTERN_TYPE[type];
    if (to) want.set(to, (want.get(to) ?? 0) + n);
    else skippedWant.set(type, n);
  }
  const got = new Map<string, number>();
  for (const q of pack.questions) got.set(q.type, (got.get(q.type) ?? 0) + 1);
  if (pack.discussions.length > 0) got.set('discussion', pack.discussions.length);
  const notes = want.get('note');
  if (notes) {
    // A description becomes text of its chapter.
    const bodies = pack.chapters.flatMap((c) => c.sections.map((s) => s.body)).filter((b) => b.trim() !== '');
    got.set('note', Math.min(notes, bodies.length));
  }
  const asObject = (m: Map<string, number>) => Object.fromEntries([...m].sort());
  check(out, 'types', asObject(got), asObject(want));
  const warnedTypes = new Map<string, number>();
  for (const w of r.warnings) {
    const m = /is of type "([^"]+)", which Lectern cannot grade/.exec(w.message);
    if (m?.[1]) warnedTypes.set(m[1], (warnedTypes.get(m[1]) ?? 0) + 1);
  }
  if (skippedWant.size > 0)
    check(out, 'skipped with a warning', asObject(warnedTypes), asObject(skippedWant));
  const other = r.warnings.filter((w) =>
    /cannot be a Lectern question|cannot be a discussion/.test(w.message),
  );
  for (const w of other) out.diffs.push(`skipped: ${w.message}`);
  // Embedded files: every one's bytes among the pack's media (a skipped question's files excepted).
  const files = embeddedFiles(e.questions.filter((q) => LECTERN_TYPE[String(q.type)]));
  const have = new Set(media.map((m) => sha1(m.bytes)));
  const lost = files.filter((f) => !have.has(f.sha1));
  if (lost.length > 0)
    out.diffs.push(`embedded files not in media: ${sorted(lost.map((f) => f.name)).join(', ')}`);
  out.facts.push(
    `embedded ${e.embedded_file_count} (${sorted(files.map((f) => f.sha1)).length} distinct listed), media ${media.length}`,
  );
  if (files.length === 0 && e.embedded_file_count > 0 && media.length === 0 && skippedWant.size === 0)
    out.diffs.push(`${e.embedded_file_count} embedded files, no media`);
  return out;
}

// ---- run -------------------------------------------------------------------------------------------

async function main(argv: string[]): Promise<number> {
  const dir = argv.find((a) => !a.startsWith('-'));
  const verbose = argv.includes('-v');
  if (!dir) {
    console.error(
      'usage: npm run conformance -- DIR [-v]   (DIR holds apkg/ and moodlexml/ with EXPECTED.json)',
    );
    return 2;
  }
  const outcomes: Outcome[] = [];
  const anki = JSON.parse(readFileSync(join(dir, 'apkg', 'EXPECTED.json'), 'utf8')) as {
    files: AnkiExpected[];
  };
  const present = new Set(readdirSync(join(dir, 'apkg')));
  for (const e of anki.files) if (present.has(e.file)) outcomes.push(await compareAnki(dir, e));
  const moodle = JSON.parse(readFileSync(join(dir, 'moodlexml', 'EXPECTED.json'), 'utf8')) as {
    files: MoodleExpected[];
  };
  for (const e of moodle.files) outcomes.push(compareMoodle(dir, e));
  let matching = 0;
  let explained = 0;
  for (const o of outcomes) {
    if (o.diffs.length === 0) matching++;
    if (o.diffs.length === 0 && o.explained.length > 0) explained++;
    console.log(`${o.diffs.length === 0 ? 'match' : 'DIFF '}  ${o.file}`);
    for (const d of o.diffs) console.log(`         ${d}`);
    for (const d of o.explained) console.log(`         (as Anki shows it) ${d}`);
    if (verbose) for (const f of o.facts) console.log(`         = ${f}`);
  }
  console.log(
    `${matching}/${outcomes.length} files match${explained ? ` (${explained} read as their app shows them, not as their raw rows count)` : ''}`,
  );
  return matching === outcomes.length ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
