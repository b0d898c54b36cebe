/**
 * A GIFT question with several answer blocks, or with Moodle's embedded-answers (Cloze) syntax
 * `{1:MC:~a~=b}`, `{1:SA:=x~=y}`, `{1:NUMERICAL:=5:0.1}`, … → one Lectern cloze with a blank per block.
 * A multiple-choice block becomes a choice blank `{{c1::~wrong|right}}` (shown as a list to pick from);
 * short answers and numbers become typed blanks. What a blank cannot hold (partial credit, feedback, a
 * tolerance) is reported as a warning; a block that cannot be a blank at all (matching, an essay, text
 * with "|" or "::") makes the caller read the question as Moodle's GIFT importer does.
 */
import { type GiftAnswer, type ParsedAnswers, parseAnswerBlock, parseGiftNumber } from './gift-answers';
import { placeInBlock } from './gift-blocks';
import { type Ctx, spanText } from './gift-context';
import { convertGiftText } from './gift-text';

/** One `{…}` of a question: offsets of its braces in the block's content. */
export interface BraceBlock {
  open: number;
  close: number;
}

/** Parsed answers with nothing in them (a cloze has no general feedback block of its own). */
export const EMPTY_ANSWERS: Omit<ParsedAnswers, 'notes'> = {
  kind: 'essay',
  answers: [],
  numbers: [],
  pairs: [],
  problems: [],
};

/**
 * The answer blocks of a question from the first `{` on, in order, while they are well formed (no
 * `{` inside a block, no `}` outside one). The first block is always there (the caller checked it).
 */
export function findAnswerBlocks(masked: string, open: number): BraceBlock[] {
  const blocks: BraceBlock[] = [];
  let start = -1;
  for (let i = open; i < masked.length; i++) {
    const c = masked[i];
    if (c === '{') {
      if (start !== -1) break;
      start = i;
    } else if (c === '}') {
      if (start === -1) break;
      blocks.push({ open: start, close: i });
      start = -1;
    }
  }
  return blocks;
}

const EMBEDDED = /^\s*(\d*):([A-Za-z_]+):/;

type EmbeddedKind = 'text' | 'number' | 'choice' | 'multi';

const EMBEDDED_KINDS: Record<string, EmbeddedKind> = {
  SHORTANSWER: 'text',
  SA: 'text',
  MW: 'text',
  SHORTANSWER_C: 'text',
  SAC: 'text',
  MWC: 'text',
  NUMERICAL: 'number',
  NM: 'number',
  MULTICHOICE: 'choice',
  MC: 'choice',
  MULTICHOICE_V: 'choice',
  MCV: 'choice',
  MULTICHOICE_H: 'choice',
  MCH: 'choice',
  MULTICHOICE_S: 'choice',
  MCS: 'choice',
  MULTICHOICE_VS: 'choice',
  MCVS: 'choice',
  MULTICHOICE_HS: 'choice',
  MCHS: 'choice',
  MULTIRESPONSE: 'multi',
  MR: 'multi',
  MULTIRESPONSE_H: 'multi',
  MRH: 'multi',
  MULTIRESPONSE_S: 'multi',
  MRS: 'multi',
  MULTIRESPONSE_HS: 'multi',
  MRHS: 'multi',
};

/** Whether the block `{…}` at open..close is written in Moodle's embedded-answers syntax. */
export function isEmbedded(masked: string, open: number, close: number): boolean {
  const m = EMBEDDED.exec(masked.slice(open + 1, close));
  return m !== null && EMBEDDED_KINDS[(m[2] ?? '').toUpperCase()] !== undefined;
}

/** Why the blocks cannot be a cloze, and where. */
export interface NotCloze {
  reason: string;
  at: number;
}

/** One option of a blank: its text, whether it is right, its credit and whether feedback was given. */
interface Option {
  text: string;
  credit: number;
  feedback: boolean;
  at: number;
}

type Blank = { kind: 'text' | 'choice'; options: Option[]; at: number; tolerance?: boolean; multi?: boolean };

/** Answers of an embedded block: `~`-separated, each `=` or `%n%` first and `#feedback` last. */
function readEmbedded(ctx: Ctx, block: BraceBlock): Blank | NotCloze {
  const { masked } = ctx;
  const inner = masked.slice(block.open + 1, block.close);
  const m = EMBEDDED.exec(inner) as RegExpExecArray;
  const kind = EMBEDDED_KINDS[(m[2] ?? '').toUpperCase()] as EmbeddedKind;
  const options: Option[] = [];
  let tolerance = false;
  let from = block.open + 1 + m[0].length;
  const pieces: { start: number; end: number }[] = [];
  for (let i = from; i <= block.close; i++) {
    if (i === block.close || masked[i] === '~') {
      pieces.push({ start: from, end: i });
      from = i + 1;
    }
  }
  for (const piece of pieces) {
    let p = piece.start;
    while (p < piece.end && /\s/.test(masked[p] ?? '')) p++;
    if (p >= piece.end) continue;
    let credit = 0;
    if (masked[p] === '=') {
      credit = 100;
      p++;
    } else if (masked[p] === '%') {
      const end = masked.indexOf('%', p + 1);
      const value = end !== -1 && end < piece.end ? Number(masked.slice(p + 1, end).trim()) : Number.NaN;
      if (!Number.isFinite(value)) return { reason: 'this credit is not a %number%', at: p };
      credit = value;
      p = end + 1;
    }
    const hash = masked.indexOf('#', p);
    const textEnd = hash !== -1 && hash < piece.end ? hash : piece.end;
    const text = spanText(ctx, { start: p, end: textEnd });
    const feedback = textEnd < piece.end && spanText(ctx, { start: textEnd + 1, end: piece.end }) !== '';
    if (text === '') continue;
    if (kind === 'number') {
      const colon = text.indexOf(':');
      const value = parseGiftNumber(colon === -1 ? text : text.slice(0, colon));
      const tol = colon === -1 ? 0 : parseGiftNumber(text.slice(colon + 1));
      if (value === undefined || tol === undefined) return { reason: `"${text}" is not a number`, at: p };
      if (tol > 0 && credit > 0) tolerance = true;
      options.push({ text: String(value), credit, feedback, at: p });
    } else options.push({ text, credit, feedback, at: p });
  }
  const at = block.open;
  if (kind === 'choice' || kind === 'multi')
    return { kind: 'choice', options, at, ...(kind === 'multi' ? { multi: true } : {}) };
  return { kind: 'text', options, at, tolerance };
}

/** A plain GIFT block `{~a =b}`, `{=x =y}`, `{#5:1}` or `{T}` read as a blank. */
function readPlain(ctx: Ctx, block: BraceBlock, notes: NotCloze[]): Blank | NotCloze {
  const parsed = parseAnswerBlock(ctx.content, ctx.masked, block.open + 1, block.close);
  const first = parsed.problems[0];
  if (first) return { reason: first.message, at: first.at };
  for (const note of parsed.notes) notes.push({ reason: note.message, at: note.at });
  if (parsed.general)
    notes.push({
      reason: 'a blank has no general feedback: this #### text is not kept',
      at: parsed.general.start,
    });
  const option = (a: GiftAnswer, right: boolean): Option => ({
    text: spanText(ctx, a.text),
    credit: a.weight ?? (right ? 100 : 0),
    feedback: a.feedback !== undefined,
    at: a.at,
  });
  const at = block.open;
  switch (parsed.kind) {
    case 'multiple-choice':
      return { kind: 'choice', options: parsed.answers.map((a) => option(a, a.marker === '=')), at };
    case 'short-answer':
      return { kind: 'text', options: parsed.answers.map((a) => option(a, true)), at };
    case 'numerical':
      return {
        kind: 'text',
        options: parsed.numbers.map((n) => ({
          text: String(n.value),
          credit: n.weight,
          feedback: n.feedback !== undefined,
          at: n.at,
        })),
        at,
        tolerance: parsed.numbers.some((n) => n.tolerance > 0 && n.weight > 0),
      };
    case 'true-false': {
      const value = parsed.truth?.value ?? true;
      return {
        kind: 'choice',
        options: [
          { text: 'True', credit: value ? 100 : 0, feedback: false, at },
          { text: 'False', credit: value ? 0 : 100, feedback: false, at },
        ],
        at,
      };
    }
    default:
      return {
        reason: `${parsed.kind === 'essay' ? 'an empty {}' : 'a matching block'} cannot be a blank`,
        at,
      };
  }
}

const UNSAFE = /\||::|\{\{|\}\}|^~|^:|:$|\}$/;

/** The deletion body of one blank, or why it cannot be one. Warns about what the blank drops. */
function deletionBody(blank: Blank, notes: NotCloze[]): string | NotCloze {
  const warn = (reason: string, at: number) => notes.push({ reason, at });
  const bad = blank.options.find((o) => UNSAFE.test(o.text));
  if (bad)
    return {
      reason: `the answer "${bad.text}" cannot be written in a blank ("|", "::", "{{", "}}")`,
      at: bad.at,
    };
  const feedback = blank.options.find((o) => o.feedback);
  if (feedback) warn('a blank has no per-answer feedback: this #feedback is not kept', feedback.at);
  const partial = blank.options.find((o) => o.credit > 0 && o.credit < 100);
  if (blank.kind === 'text') {
    if (partial)
      warn(
        `a blank has no partial credit: "${partial.text}" (${partial.credit}%) is not accepted`,
        partial.at,
      );
    if (blank.tolerance) warn('a number in a blank is matched exactly: its tolerance is not kept', blank.at);
    const right = blank.options.filter((o) => o.credit >= 100).map((o) => o.text);
    if (right.length === 0) return { reason: 'this blank has no full-credit answer', at: blank.at };
    return [...new Set(right)].join('|');
  }
  if (partial && !blank.multi)
    warn(
      `a choice blank has no partial credit: "${partial.text}" (${partial.credit}%) counts as wrong`,
      partial.at,
    );
  if (blank.multi) warn('a choice blank takes one option: any of the right ones counts as right', blank.at);
  const isRight = (o: Option) => (blank.multi ? o.credit > 0 : o.credit >= 100);
  if (!blank.options.some(isRight)) return { reason: 'this choice blank has no right option', at: blank.at };
  if (blank.options.length < 2) return { reason: 'a choice blank needs at least 2 options', at: blank.at };
  const seen = new Set<string>();
  const out: string[] = [];
  for (const o of blank.options) {
    if (seen.has(o.text)) continue;
    seen.add(o.text);
    out.push(isRight(o) ? o.text : `~${o.text}`);
  }
  return out.join('|');
}

/** A private-use character absent from `text`. */
function pickMarker(text: string): string {
  let code = 0xe101;
  while (text.includes(String.fromCharCode(code))) code++;
  return String.fromCharCode(code);
}

/**
 * The cloze text for the question whose answer blocks are `blocks` and whose text starts at
 * `textStart`, or why it cannot be a cloze (the caller then reads it as Moodle does).
 */
export function readClozeBlocks(
  ctx: Ctx,
  blocks: readonly BraceBlock[],
  textStart: number,
): string | NotCloze {
  const { content, masked } = ctx;
  const rest = masked.slice((blocks[blocks.length - 1]?.close ?? 0) + 1);
  const strayClose = rest.indexOf('}');
  const strayOpen = rest.indexOf('{');
  if (strayClose !== -1 || strayOpen !== -1) {
    const at = (blocks[blocks.length - 1]?.close ?? 0) + 1 + Math.max(strayClose, strayOpen);
    return { reason: 'the braces of this question do not pair up', at };
  }
  // Read every blank first: the warnings count only when the whole question becomes a cloze.
  const notes: NotCloze[] = [];
  const bodies: string[] = [];
  for (const block of blocks) {
    const blank = isEmbedded(masked, block.open, block.close)
      ? readEmbedded(ctx, block)
      : readPlain(ctx, block, notes);
    if ('reason' in blank) return blank;
    const body = deletionBody(blank, notes);
    if (typeof body !== 'string') return body;
    bodies.push(body);
  }
  const marker = pickMarker(content);
  let raw = content.slice(textStart, blocks[0]?.open ?? textStart);
  blocks.forEach((block, i) => {
    const next = blocks[i + 1];
    raw += marker + content.slice(block.close + 1, next ? next.open : undefined);
  });
  const converted = convertGiftText(raw, ctx.format);
  if (/\{\{|\}\}/.test(converted)) return { reason: 'the text holds "{{" or "}}"', at: textStart };
  let n = 0;
  const text = converted.replace(new RegExp(marker, 'g'), () => {
    const body = bodies[n];
    n++;
    return `{{c${n}::${body}}}`;
  });
  if (n !== blocks.length) return { reason: 'a blank was lost in the text', at: textStart };
  for (const note of notes) ctx.builder.warn(note.reason, placeInBlock(ctx.block, note.at));
  return text;
}
