/**
 * Aiken → Lectern pack: multiple-choice questions written as the question text, options `A.` or `A)`
 * one per line, then `ANSWER: X`. Question text may span several lines and paragraphs; blank lines
 * between questions are optional. Every question goes into one chapter, "Questions". Never throws.
 */
import type { PackResult } from '../../pack/diagnostics';
import type { Pack } from '../../pack/schema';
import { deriveId, packNameFromFile } from '../ids';
import { type Locations, PackBuilder, type SourcePos } from '../pack-builder';
import type { ReadOptions } from '../read-options';

/** An option: a capital letter, `.` or `)`, then its text — with or without a space, as Moodle reads it. */
const OPTION = /^([A-Z])[.)][ \t]*(\S.*)$/;
const ANSWER = /^ANSWER\s*:\s*(.*)$/i;

interface Draft {
  at: SourcePos;
  text: string[];
  options: { letter: string; text: string; at: SourcePos }[];
}

/** Reads an Aiken file into a pack; title and id come from the file name (the id names the format). */
export function readAiken(text: string, options: ReadOptions = {}): PackResult<Pack> {
  const drafts: Draft[] = [];
  const builder = new PackBuilder(packNameFromFile(options.fileName ?? 'pack.txt', 'aiken'), (ref) =>
    locateDraft(drafts[ref]),
  );
  const lines = text.split('\n');
  let draft: Draft | undefined;
  const abandon = (why: string) => {
    if (!draft) return;
    const first = draft.options[0];
    if (first && draft.text.every((t) => t === ''))
      builder.error(`option ${first.letter} has no question text above it`, draft.at);
    else builder.error(why, draft.at);
    draft = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    if (options.onProgress && (i & 4095) === 0) options.onProgress((0.9 * i) / lines.length);
    const raw = lines[i] ?? '';
    const line = raw.trim();
    const at = { line: i + 1, column: raw.length - raw.trimStart().length + 1 };
    if (line === '') {
      if (draft && draft.options.length === 0) draft.text.push('');
      continue;
    }
    const option = OPTION.exec(line);
    const answer = ANSWER.exec(line);
    if (answer) {
      if (!draft || draft.text.every((t) => t === ''))
        builder.error('"ANSWER:" comes before any question text and options A., B., …', at);
      else if (draft.options.length === 0) builder.error('"ANSWER:" comes before any options A., B., …', at);
      else finishQuestion(builder, draft, answer[1]?.trim().toUpperCase() ?? '', at, drafts);
      draft = undefined;
    } else if (option) {
      if (!draft || draft.text.every((t) => t === '')) {
        builder.error(`option ${option[1]} has no question text above it`, at);
        continue;
      }
      const letter = option[1] ?? '';
      const twice = draft.options.find((o) => o.letter === letter);
      if (twice) builder.error(`option ${letter} is given twice (first at line ${twice.at.line})`, at);
      else draft.options.push({ letter, text: option[2] ?? '', at });
    } else {
      if (draft && draft.options.length > 0) {
        builder.error(
          `the question at line ${draft.at.line} has no "ANSWER: X" line after its options; a new question starts here`,
          at,
        );
        draft = undefined;
      }
      if (!draft) draft = { at, text: [], options: [] };
      draft.text.push(line);
    }
  }
  if (draft) {
    if (draft.options.length > 0) abandon('this question has no "ANSWER: X" line after its options');
    else if (draft.text.some((t) => t !== ''))
      abandon('this text has no options A., B., … and no "ANSWER: X" line');
  }
  const result = builder.finish(
    'no questions found: an Aiken question is its text, options "A. …", then "ANSWER: A"',
  );
  options.onProgress?.(1);
  return result;
}

function locateDraft(draft: Draft | undefined): Locations {
  const locs: Locations = new Map();
  if (!draft) return locs;
  for (const key of ['', 'prompt', 'id']) locs.set(key, draft.at);
  locs.set('choices', draft.options[0]?.at ?? draft.at);
  for (const [i, o] of draft.options.entries()) locs.set(`choices/${i}`, o.at);
  return locs;
}

function finishQuestion(
  builder: PackBuilder,
  draft: Draft,
  letter: string,
  at: SourcePos,
  drafts: Draft[],
): void {
  if (!/^[A-Z]$/.test(letter)) {
    builder.error(`"ANSWER:" names one option letter, like "ANSWER: B", not "${letter}"`, at);
    return;
  }
  if (!draft.options.some((o) => o.letter === letter)) {
    const letters = draft.options.map((o) => o.letter).join(', ');
    builder.error(`ANSWER ${letter} is not one of the options (${letters})`, at);
    return;
  }
  if (draft.options.length < 2) {
    builder.error('a question needs at least 2 options', at);
    return;
  }
  const prompt = draft.text
    .join('\n')
    .replace(/\n{2,}/g, '\n\n')
    .trim();
  if (prompt === '') {
    builder.error(`option ${draft.options[0]?.letter ?? 'A'} has no question text above it`, draft.at);
    return;
  }
  const choices = draft.options.map((o) => ({ text: o.text, correct: o.letter === letter }));
  builder.addQuestion(
    { type: 'multiple-choice', section: builder.currentSection(draft.at), prompt, choices },
    { value: deriveId('q', prompt), explicit: false, at: draft.at },
    drafts.length,
  );
  drafts.push(draft);
}
