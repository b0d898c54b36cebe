/**
 * The inside of a GIFT answer block `{…}`: which kind of question it is (Moodle's rules, in Moodle's
 * order) and its answers as spans of the block's content, so every problem has an exact place.
 */

/** The answer-block shapes GIFT has. */
export type AnswerKind =
  | 'essay'
  | 'multiple-choice'
  | 'true-false'
  | 'short-answer'
  | 'numerical'
  | 'matching';

/** A range of the block's content: [start, end). */
export interface Span {
  start: number;
  end: number;
}

/** One `=`/`~` answer of a multiple-choice, short-answer or numerical block. */
export interface GiftAnswer {
  marker: '=' | '~' | '';
  /** Offset of the marker (or of the text when there is none). */
  at: number;
  /** Percent from `%50%`, when given. */
  weight?: number;
  text: Span;
  feedback?: Span;
}

/** A numerical answer: a value with a tolerance (from `v:t`, `min..max` or `v`). */
export interface GiftNumber {
  at: number;
  value: number;
  tolerance: number;
  weight: number;
  text: Span;
  feedback?: Span;
}

/** The parsed answer block. */
export interface ParsedAnswers {
  kind: AnswerKind;
  answers: GiftAnswer[];
  numbers: GiftNumber[];
  pairs: { at: number; left: Span; right: Span }[];
  truth?: { value: boolean; at: number; wrongFeedback?: Span; rightFeedback?: Span };
  general?: Span;
  /** Numerical `~#feedback for any other answer`, which Lectern has no place for. */
  otherFeedback?: Span;
  problems: { message: string; at: number }[];
  /** What was read differently from the letter of the file, as Moodle does: warnings. */
  notes: { message: string; at: number }[];
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && /\s/.test(String.fromCharCode(c)));
}

function trimSpan(masked: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && isSpace(masked.charCodeAt(s))) s++;
  while (e > s && isSpace(masked.charCodeAt(e - 1))) e--;
  return { start: s, end: e };
}

function isEmpty(span: Span): boolean {
  return span.end <= span.start;
}

/** Moodle's classification of an answer block's trimmed inside (general feedback already removed). */
export function classifyAnswers(inner: string): AnswerKind {
  if (inner === '') return 'essay';
  if (inner.startsWith('#')) return 'numerical';
  if (inner.includes('~')) return 'multiple-choice';
  if (inner.includes('=') && inner.includes('->')) return 'matching';
  const hash = inner.indexOf('#');
  const head = (hash > 0 ? inner.slice(0, hash) : inner).trim();
  if (head === 'T' || head === 'TRUE' || head === 'F' || head === 'FALSE') return 'true-false';
  return 'short-answer';
}

/**
 * The most choices or pairs one block is read for: the schema allows 26, so a
 * block is read only one past that (enough for validation to say "at most 26") and the rest skipped,
 * rather than building millions of answers first.
 */
export const MAX_BLOCK_PARTS = 27;

/** The first `needle` starting in [from, end), or -1: a search that never runs past the block. */
function findIn(masked: string, needle: string, from: number, end: number): number {
  if (from >= end) return -1;
  const i = masked.slice(from, end + needle.length - 1).indexOf(needle);
  return i === -1 ? -1 : from + i;
}

/**
 * Splits [start, end) at every unescaped marker character; the text before the first marker comes
 * first. Lazy, so a reader that stops early never walks the rest.
 */
function* splitAt(masked: string, start: number, end: number, markers: string) {
  let marker: '=' | '~' | '' = '';
  let at = start;
  let from = start;
  for (let i = start; i < end; i++) {
    const c = masked[i] ?? '';
    if (markers.includes(c)) {
      yield { marker, at, start: from, end: i };
      marker = c as '=' | '~';
      at = i;
      from = i + 1;
    }
  }
  yield { marker, at, start: from, end };
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A GIFT number (Moodle's `is_numeric`), or undefined. */
export function parseGiftNumber(text: string): number | undefined {
  const t = text.trim();
  return NUMBER.test(t) ? Number(t) : undefined;
}

/**
 * Parses the answer block between `from` and `to` (offsets just inside the braces) as `kind`, or as
 * Moodle would classify it when `kind` is not given.
 */
export function parseAnswerBlock(
  content: string,
  masked: string,
  from: number,
  to: number,
  kind?: AnswerKind,
): ParsedAnswers {
  const gfAt = masked.slice(from, to).lastIndexOf('####');
  const gf = gfAt === -1 ? -1 : from + gfAt;
  const out: ParsedAnswers = {
    kind: 'essay',
    answers: [],
    numbers: [],
    pairs: [],
    problems: [],
    notes: [],
  };
  let end = to;
  if (gf >= from) {
    out.general = trimSpan(masked, gf + 4, to);
    end = gf;
  }
  const inner = trimSpan(masked, from, end);
  out.kind = kind ?? classifyAnswers(masked.slice(inner.start, inner.end));
  switch (out.kind) {
    case 'essay':
      if (!isEmpty(inner))
        out.problems.push({
          message: 'an essay (discussion prompt) has nothing between { and }',
          at: inner.start,
        });
      break;
    case 'multiple-choice':
    case 'short-answer':
      readAnswers(content, masked, inner, out);
      break;
    case 'numerical':
      readNumbers(content, masked, inner, out);
      break;
    case 'matching':
      readPairs(masked, inner, out);
      break;
    case 'true-false':
      readTruth(masked, inner, out);
      break;
  }
  return out;
}

function readWeight(
  content: string,
  masked: string,
  p: number,
  end: number,
  out: ParsedAnswers,
): [number, number?] {
  if (masked[p] !== '%') return [p];
  const close = findIn(masked, '%', p + 1, end);
  if (close === -1) {
    out.problems.push({ message: 'partial credit is not closed: write it as %50%', at: p });
    return [end];
  }
  const text = content.slice(p + 1, close).trim();
  const weight = /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  if (Number.isNaN(weight) || weight < -100 || weight > 100) {
    out.problems.push({
      message: `partial credit "%${text}%" must be a percentage from -100 to 100, like %50% or %-25%`,
      at: p,
    });
    return [close + 1];
  }
  return [close + 1, weight];
}

function readAnswers(content: string, masked: string, inner: Span, out: ParsedAnswers): void {
  const mc = out.kind === 'multiple-choice';
  for (const part of splitAt(masked, inner.start, inner.end, mc ? '~=' : '=')) {
    const whole = trimSpan(masked, part.start, part.end);
    if (part.marker === '' && isEmpty(whole)) continue;
    if (part.marker === '' && mc)
      out.notes.push({
        message:
          'this answer has no "~" (wrong) or "=" (right) in front of it: read as a wrong answer, as Moodle does',
        at: whole.start,
      });
    const [p, weight] = readWeight(
      content,
      masked,
      trimSpan(masked, part.start, part.end).start,
      part.end,
      out,
    );
    const hash = findIn(masked, '#', p, part.end);
    const textEnd = hash !== -1 ? hash : part.end;
    const answer: GiftAnswer = {
      marker: part.marker,
      at: part.marker ? part.at : whole.start,
      text: trimSpan(masked, p, textEnd),
    };
    if (weight !== undefined) answer.weight = weight;
    const feedback = trimSpan(masked, textEnd + 1, part.end);
    if (textEnd < part.end && !isEmpty(feedback)) answer.feedback = feedback;
    if (!isEmpty(answer.text)) out.answers.push(answer);
    else if (weight === undefined && !answer.feedback)
      out.notes.push({
        message: `this "${part.marker}" has no answer after it: left out, as Moodle does (remove it, e.g. "~=right" → "=right")`,
        at: answer.at,
      });
    else out.problems.push({ message: 'this answer is empty', at: answer.at });
    if (mc && out.answers.length >= MAX_BLOCK_PARTS) break;
  }
  const min = mc ? 2 : 1;
  if (out.answers.length < min && out.problems.length === 0)
    out.problems.push({
      message: mc
        ? 'a multiple-choice question needs at least 2 answers'
        : 'a short-answer question needs an answer',
      at: inner.start,
    });
}

function readNumbers(content: string, masked: string, inner: Span, out: ParsedAnswers): void {
  let end = inner.end;
  const start = masked[inner.start] === '#' ? inner.start + 1 : inner.start;
  const tilde = findIn(masked, '~', start, end);
  if (tilde !== -1) {
    const hash = findIn(masked, '#', tilde, end);
    const other = trimSpan(masked, hash + 1, end);
    if (hash !== -1 && hash < end && !isEmpty(other)) out.otherFeedback = other;
    end = tilde;
  }
  for (const part of splitAt(masked, start, end, '=')) {
    const whole = trimSpan(masked, part.start, part.end);
    if (isEmpty(whole)) {
      if (part.marker) out.problems.push({ message: 'this numerical answer is empty', at: part.at });
      continue;
    }
    const [p, weight] = readWeight(content, masked, whole.start, part.end, out);
    const hash = findIn(masked, '#', p, part.end);
    const textEnd = hash !== -1 ? hash : part.end;
    const text = trimSpan(masked, p, textEnd);
    const raw = content.slice(text.start, text.end);
    const at = text.start;
    const range = findIn(masked, '..', text.start, text.end);
    const colon = findIn(masked, ':', text.start, text.end);
    let value: number | undefined;
    let tolerance: number | undefined;
    if (range > text.start && range < text.end) {
      const min = parseGiftNumber(content.slice(text.start, range));
      const max = parseGiftNumber(content.slice(range + 2, text.end));
      if (min === undefined || max === undefined) {
        out.problems.push({ message: `"${raw}" is not a range of numbers like 1..5`, at });
        continue;
      }
      if (min > max) {
        out.problems.push({ message: `the range ${raw} starts above its end`, at });
        continue;
      }
      value = (min + max) / 2;
      tolerance = (max - min) / 2;
    } else if (colon > text.start && colon < text.end) {
      value = parseGiftNumber(content.slice(text.start, colon));
      tolerance = parseGiftNumber(content.slice(colon + 1, text.end));
      if (value === undefined || tolerance === undefined) {
        out.problems.push({ message: `"${raw}" is not a number with a tolerance like 3.14:0.01`, at });
        continue;
      }
      if (tolerance < 0) {
        out.problems.push({ message: `the tolerance in "${raw}" is negative`, at });
        continue;
      }
    } else {
      value = parseGiftNumber(raw);
      tolerance = 0;
      if (value === undefined) {
        out.problems.push({ message: `"${raw}" is not a number`, at });
        continue;
      }
    }
    const number: GiftNumber = {
      at: part.marker ? part.at : at,
      value,
      tolerance,
      weight: weight ?? 100,
      text,
    };
    const feedback = trimSpan(masked, textEnd + 1, part.end);
    if (textEnd < part.end && !isEmpty(feedback)) number.feedback = feedback;
    out.numbers.push(number);
  }
  if (out.numbers.length === 0 && out.problems.length === 0)
    out.problems.push({ message: 'a numerical question needs a number after #', at: inner.start });
}

function readPairs(masked: string, inner: Span, out: ParsedAnswers): void {
  for (const part of splitAt(masked, inner.start, inner.end, '=')) {
    const whole = trimSpan(masked, part.start, part.end);
    if (isEmpty(whole)) {
      if (part.marker) out.problems.push({ message: 'this matching pair is empty', at: part.at });
      continue;
    }
    const arrow = findIn(masked, '->', whole.start, whole.end);
    if (arrow === -1) {
      out.problems.push({
        message: 'a matching pair is written "=left -> right"',
        at: part.marker ? part.at : whole.start,
      });
      continue;
    }
    out.pairs.push({
      at: part.marker ? part.at : whole.start,
      left: trimSpan(masked, whole.start, arrow),
      right: trimSpan(masked, arrow + 2, whole.end),
    });
    if (out.pairs.length >= MAX_BLOCK_PARTS) break;
  }
  if (out.pairs.length < 2 && out.problems.length === 0)
    out.problems.push({ message: 'a matching question needs at least 2 pairs', at: inner.start });
}

function readTruth(masked: string, inner: Span, out: ParsedAnswers): void {
  const hashes: number[] = [];
  for (let i = inner.start; i < inner.end && hashes.length < 2; i++) if (masked[i] === '#') hashes.push(i);
  const head = trimSpan(masked, inner.start, hashes[0] ?? inner.end);
  const word = masked.slice(head.start, head.end);
  if (!['T', 'TRUE', 'F', 'FALSE'].includes(word)) {
    out.problems.push({
      message: `a true/false answer is T, TRUE, F or FALSE, not "${word}"`,
      at: head.start,
    });
    return;
  }
  const truth: NonNullable<ParsedAnswers['truth']> = { value: word.startsWith('T'), at: head.start };
  const [h1, h2] = hashes;
  if (h1 !== undefined) {
    const wrong = trimSpan(masked, h1 + 1, h2 ?? inner.end);
    if (!isEmpty(wrong)) truth.wrongFeedback = wrong;
  }
  if (h2 !== undefined) {
    const right = trimSpan(masked, h2 + 1, inner.end);
    if (!isEmpty(right)) truth.rightFeedback = right;
  }
  out.truth = truth;
}
