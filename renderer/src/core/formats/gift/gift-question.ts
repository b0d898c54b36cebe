/**
 * One GIFT question block → one Lectern question or discussion prompt. Moodle decides the shape from the
 * answers; a `// [type:…]` comment (written by Lectern's GIFT export) names the Lectern type where GIFT
 * alone cannot (flashcard, ordering, cloze) and keeps types stable through a round trip.
 */
import type { QuestionType } from '../../pack/schema';
import { toSafeMarkdownBody } from '../html-text';
import { deriveId, toLecternId } from '../ids';
import type { Locations, PackBuilder, SourcePos } from '../pack-builder';
import {
  type AnswerKind,
  classifyAnswers,
  type ParsedAnswers,
  parseAnswerBlock,
  type Span,
} from './gift-answers';
import { type GiftBlock, type PlacedTag, placeInBlock } from './gift-blocks';
import { convertGiftText, type GiftFormat, maskEscapes, readFormatPrefix, unescapeGift } from './gift-text';

/** A private-use character absent from `text`: marks the blank of a missing-word question. */
function pickBlank(text: string): string {
  let code = 0xe001;
  while (text.includes(String.fromCharCode(code))) code++;
  return String.fromCharCode(code);
}

type LecternKind = QuestionType | 'discussion';

/** Which answer shapes each `[type:…]` accepts, and the shape to read them as. */
const FITS: Record<LecternKind, { accepts: AnswerKind[]; readAs: (natural: AnswerKind) => AnswerKind }> = {
  flashcard: { accepts: ['short-answer', 'matching', 'true-false'], readAs: () => 'short-answer' },
  typed: {
    accepts: ['short-answer', 'matching', 'true-false', 'numerical'],
    readAs: (n) => (n === 'numerical' ? 'numerical' : 'short-answer'),
  },
  cloze: {
    accepts: ['short-answer', 'matching', 'true-false', 'essay'],
    readAs: (n) => (n === 'essay' ? 'essay' : 'short-answer'),
  },
  'multiple-choice': {
    accepts: ['multiple-choice', 'short-answer', 'matching'],
    readAs: () => 'multiple-choice',
  },
  'true-false': { accepts: ['true-false'], readAs: () => 'true-false' },
  matching: { accepts: ['matching'], readAs: () => 'matching' },
  ordering: { accepts: ['matching'], readAs: () => 'matching' },
  discussion: { accepts: ['essay'], readAs: () => 'essay' },
};

const KIND_WORDS: Record<AnswerKind, string> = {
  essay: 'an essay',
  'multiple-choice': 'a multiple-choice question',
  'true-false': 'a true/false question',
  'short-answer': 'a short-answer question',
  numerical: 'a numerical question',
  matching: 'a matching question',
};

/** Tags of one block by key. */
export type TagMap = Map<string, PlacedTag[]>;

/** Groups a block's tags by key. */
export function groupTags(tags: readonly PlacedTag[]): TagMap {
  const map: TagMap = new Map();
  for (const t of tags) {
    const list = map.get(t.key);
    if (list) list.push(t);
    else map.set(t.key, [t]);
  }
  return map;
}

/** Context a question block is read in. */
interface Ctx {
  block: GiftBlock;
  builder: PackBuilder;
  tags: TagMap;
  content: string;
  masked: string;
  format: GiftFormat;
  pos: (offset: number) => SourcePos;
}

function skipWs(s: string, i: number): number {
  let j = i;
  while (j < s.length && /\s/.test(s[j] ?? '')) j++;
  return j;
}

/** Reads one non-category block: a description (notes), a question, or an essay (discussion prompt). */
export function readQuestionBlock(block: GiftBlock, builder: PackBuilder): void {
  const content = block.content;
  const masked = maskEscapes(content);
  const pos = (offset: number) => placeInBlock(block, offset);
  const tags = groupTags(block.tags);
  let p = skipWs(masked, 0);
  const root = pos(p);
  let title: string | undefined;
  if (masked.startsWith('::', p)) {
    const end = masked.indexOf('::', p + 2);
    if (end === -1) {
      builder.error('the question title is not closed: write it as ::title::', root);
      return;
    }
    title = unescapeGift(content.slice(p + 2, end)).trim();
    p = end + 2;
  }
  const open = masked.indexOf('{', p);
  const close = masked.indexOf('}', p);
  const prefix = readFormatPrefix(content.slice(p, open === -1 ? undefined : open));
  const ctx: Ctx = { block, builder, tags, content, masked, format: prefix.format ?? 'moodle', pos };
  const textStart = skipWs(masked, p + prefix.length);
  if (open === -1 && close === -1) {
    readDescription(ctx, textStart, title, root);
    return;
  }
  if (close !== -1 && (open === -1 || close < open)) {
    builder.error('"}" has no opening "{" (write a literal brace as \\})', pos(close));
    return;
  }
  if (close === -1) {
    builder.error('the answer block "{" is never closed with "}"', pos(open));
    return;
  }
  const again = masked.indexOf('{', close + 1);
  if (again !== -1) {
    builder.error('a question has one answer block {…}; write a literal brace as \\{', pos(again));
    return;
  }
  const stray = masked.indexOf('}', close + 1);
  if (stray !== -1) {
    builder.error('"}" has no opening "{" (write a literal brace as \\})', pos(stray));
    return;
  }

  const typeTag = tags.get('type')?.[0];
  let kind: LecternKind | undefined;
  let answers = parseAnswerBlock(content, masked, open + 1, close);
  if (typeTag) {
    kind = typeTag.value.trim() as LecternKind;
    const fit = FITS[kind];
    if (!fit) {
      builder.error(
        `unknown [type:${typeTag.value}]: expected one of ${Object.keys(FITS).join(', ')}`,
        typeTag.at,
      );
      return;
    }
    const inner = maskedInner(masked, open + 1, close);
    const natural = classifyAnswers(inner);
    if (!fit.accepts.includes(natural)) {
      builder.error(
        `[type:${kind}] does not fit these answers, which read as ${KIND_WORDS[natural]}`,
        typeTag.at,
      );
      return;
    }
    const readAs = fit.readAs(natural);
    if (readAs !== answers.kind) answers = parseAnswerBlock(content, masked, open + 1, close, readAs);
  }
  if (answers.problems.length > 0) {
    for (const problem of answers.problems) builder.error(problem.message, pos(problem.at));
    return;
  }
  const missingWord = content.slice(close + 1).trim() !== '';
  const before = content.slice(textStart, open);
  const after = content.slice(close + 1);
  const blank = pickBlank(content);
  const withBlank = convertGiftText(`${before}${blank}${after}`, ctx.format);
  const prompt = missingWord ? withBlank.replace(blank, '_____') : convertGiftText(before, ctx.format);
  const locs: Locations = new Map([['', root]]);
  for (const field of ['prompt', 'front', 'text']) locs.set(field, pos(textStart));
  locs.set('choices', pos(open));
  locs.set('pairs', pos(open));
  locs.set('items', pos(open));
  locs.set('accept', pos(open));
  locs.set('points', pos(open));
  const idTags = tags.get('id') ?? [];
  for (const extra of idTags.slice(1)) builder.error('a question has one [id:…]', extra.at);
  const idTag = idTags[0];
  const id = idTag
    ? { value: idTag.value, explicit: true, at: idTag.at }
    : { value: '', explicit: false, at: root };

  if (answers.kind === 'essay') {
    if (kind === 'cloze') {
      readClozeFromTag(ctx, answers, id, locs, root);
      return;
    }
    id.value = id.value || deriveId('d', `${title ?? ''}\n${withBlank}`);
    addDiscussion(ctx, prompt, answers, id, locs, root);
    return;
  }
  id.value = id.value || deriveId('q', `${title ?? ''}\n${withBlank}`);
  const base = commonFields(ctx, answers, locs, root);
  if (base === undefined) return;
  const question = buildQuestion(ctx, answers, kind, { prompt, withBlank, blank, missingWord }, locs);
  if (question) ctx.builder.addQuestion({ ...question, ...base }, id, locs);
}

function maskedInner(masked: string, from: number, to: number): string {
  const gf = masked.lastIndexOf('####', to - 4);
  return masked.slice(from, gf >= from ? gf : to).trim();
}

/** Text of a span, honouring a `[format]` prefix of its own (Moodle allows one per answer). */
function spanText(ctx: Ctx, span: Span | undefined): string {
  if (!span) return '';
  const raw = ctx.content.slice(span.start, span.end);
  const prefix = readFormatPrefix(raw);
  return convertGiftText(raw.slice(prefix.length), prefix.format ?? ctx.format);
}

/** Fields every question has: section, explanation, tags, hint, evidence. Undefined after an error. */
function commonFields(ctx: Ctx, answers: ParsedAnswers, locs: Locations, root: SourcePos) {
  const out: Record<string, unknown> = {};
  const sections = ctx.tags.get('section') ?? [];
  for (const extra of sections.slice(1)) {
    ctx.builder.error('a question tests one section: give one [section:…]', extra.at);
    return undefined;
  }
  const section = sections[0];
  if (section) {
    out.section = toLecternId(section.value);
    locs.set('section', section.at);
  } else out.section = ctx.builder.currentSection(root);
  const explanation = spanText(ctx, answers.general);
  if (explanation) out.explanation = explanation;
  if (answers.general) locs.set('explanation', ctx.pos(answers.general.start));
  const tags = ctx.tags.get('tag') ?? [];
  if (tags.length > 0) {
    out.tags = tags.map((t) => t.value.trim());
    for (const [i, t] of tags.entries()) locs.set(`tags/${i}`, t.at);
  }
  for (const key of ['hint', 'evidence'] as const) {
    const tag = ctx.tags.get(key)?.[0];
    if (tag) {
      out[key] = tag.value;
      locs.set(key, tag.at);
    }
  }
  return out;
}

function addDiscussion(
  ctx: Ctx,
  prompt: string,
  answers: ParsedAnswers,
  id: { value: string; explicit: boolean; at: SourcePos },
  locs: Locations,
  root: SourcePos,
): void {
  const sectionTags = ctx.tags.get('section') ?? [];
  let sections: string[];
  if (sectionTags.length === 0) sections = [ctx.builder.currentSection(root)];
  else {
    sections = sectionTags.filter((t) => t.value.trim()).map((t) => toLecternId(t.value));
    for (const [i, t] of sectionTags.entries()) locs.set(`sections/${i}`, t.at);
  }
  const points = spanText(ctx, answers.general)
    .split('\n')
    .map((l) => l.replace(/^\s*[-*•]\s+/, '').trim())
    .filter(Boolean);
  ctx.builder.addDiscussion({ prompt, points, sections }, id, locs);
}

function readClozeFromTag(
  ctx: Ctx,
  answers: ParsedAnswers,
  id: { value: string; explicit: boolean; at: SourcePos },
  locs: Locations,
  root: SourcePos,
): void {
  const tag = ctx.tags.get('cloze')?.[0];
  if (!tag) {
    ctx.builder.error('[type:cloze] on an essay needs the cloze text in a [cloze:…] comment', root);
    return;
  }
  locs.set('text', tag.at);
  id.value = id.value || deriveId('q', tag.value);
  const base = commonFields(ctx, answers, locs, root);
  if (base) ctx.builder.addQuestion({ type: 'cloze', text: tag.value, ...base }, id, locs);
}

interface PromptParts {
  prompt: string;
  withBlank: string;
  blank: string;
  missingWord: boolean;
}

function buildQuestion(
  ctx: Ctx,
  answers: ParsedAnswers,
  kind: LecternKind | undefined,
  text: PromptParts,
  locs: Locations,
): Record<string, unknown> | undefined {
  switch (answers.kind) {
    case 'multiple-choice':
      return buildChoices(ctx, answers, text.prompt, locs);
    case 'true-false': {
      const t = answers.truth;
      if (!t) return undefined;
      const right = spanText(ctx, t.rightFeedback) || undefined;
      const wrong = spanText(ctx, t.wrongFeedback) || undefined;
      const q: Record<string, unknown> = { type: 'true-false', prompt: text.prompt, answer: t.value };
      const [ifTrue, ifFalse] = t.value ? [right, wrong] : [wrong, right];
      if (ifTrue) q.feedbackTrue = ifTrue;
      if (ifFalse) q.feedbackFalse = ifFalse;
      return q;
    }
    case 'short-answer':
      return buildShortAnswer(ctx, answers, kind, text, locs);
    case 'numerical':
      return buildNumerical(ctx, answers, text.prompt, locs);
    case 'matching':
      return buildPairs(ctx, answers, kind, text.prompt, locs);
    default:
      return undefined;
  }
}

function buildChoices(ctx: Ctx, answers: ParsedAnswers, prompt: string, locs: Locations) {
  const derived = ctx.tags.get('credits')?.some((t) => t.value.trim() === 'derived') ?? false;
  const choices = answers.answers.map((a, i) => {
    locs.set(`choices/${i}`, ctx.pos(a.at));
    locs.set(`choices/${i}/text`, ctx.pos(a.text.start));
    const choice: Record<string, unknown> = {
      text: spanText(ctx, a.text),
      correct: a.weight !== undefined ? a.weight > 0 : a.marker === '=',
    };
    if (a.weight !== undefined && !derived) choice.credit = a.weight;
    const feedback = spanText(ctx, a.feedback);
    if (feedback) choice.feedback = feedback;
    return choice;
  });
  const q: Record<string, unknown> = { type: 'multiple-choice', prompt, choices };
  if (ctx.tags.get('order')?.some((t) => t.value.trim() === 'fixed')) q.fixedOrder = true;
  return q;
}

function acceptTags(ctx: Ctx, locs: Locations, from: number): string[] {
  const tags = ctx.tags.get('accept') ?? [];
  for (const [i, t] of tags.entries()) locs.set(`accept/${from + i}`, t.at);
  return tags.map((t) => t.value);
}

function warnDroppedFeedback(ctx: Ctx, answers: ParsedAnswers): void {
  const first =
    [...answers.answers, ...answers.numbers].find((a) => a.feedback)?.feedback ?? answers.otherFeedback;
  if (first)
    ctx.builder.warn(
      'per-answer feedback of a typed answer is not kept (only the general feedback ####)',
      ctx.pos(first.start),
    );
}

function buildShortAnswer(
  ctx: Ctx,
  answers: ParsedAnswers,
  kind: LecternKind | undefined,
  text: PromptParts,
  locs: Locations,
) {
  const accepted: string[] = [];
  for (const a of answers.answers) {
    const value = spanText(ctx, a.text);
    if (a.weight === undefined || a.weight === 100) {
      locs.set(`accept/${accepted.length}`, ctx.pos(a.text.start));
      accepted.push(value);
    } else {
      ctx.builder.warn(
        `typed answers have no partial credit: "${value}" (${a.weight}%) is not accepted`,
        ctx.pos(a.at),
      );
    }
  }
  if (kind === 'flashcard') {
    const [back, second] = answers.answers;
    if (second) {
      ctx.builder.error('a flashcard has one back: give one = answer', ctx.pos(second.at));
      return undefined;
    }
    locs.set('back', ctx.pos(back?.text.start ?? 0));
    return { type: 'flashcard', front: text.prompt, back: spanText(ctx, back?.text) };
  }
  warnDroppedFeedback(ctx, answers);
  const clozeable =
    accepted.length > 0 &&
    accepted.every((a) => !/[|]|::|\{\{|\}\}|^\s|\s$/.test(a) && !a.endsWith('}') && !a.startsWith(':')) &&
    !/\{\{|\}\}/.test(text.withBlank);
  if (kind === 'cloze' || (kind === undefined && text.missingWord && clozeable)) {
    if (!clozeable) {
      ctx.builder.error(
        '[type:cloze] answers cannot hold "|", "::", "{{" or "}}"',
        ctx.pos(answers.answers[0]?.at ?? 0),
      );
      return undefined;
    }
    return { type: 'cloze', text: text.withBlank.replace(text.blank, `{{c1::${accepted.join('|')}}}`) };
  }
  const accept = [...acceptTags(ctx, locs, accepted.length)];
  return { type: 'typed', prompt: text.prompt, accept: [...accepted, ...accept] };
}

function buildNumerical(ctx: Ctx, answers: ParsedAnswers, prompt: string, locs: Locations) {
  warnDroppedFeedback(ctx, answers);
  const full = answers.numbers.filter((n) => n.weight === 100);
  for (const n of answers.numbers) {
    if (n.weight !== 100)
      ctx.builder.warn(
        `typed answers have no partial credit: this answer (${n.weight}%) is not accepted`,
        ctx.pos(n.at),
      );
  }
  const [first, ...others] = full;
  if (!first) {
    ctx.builder.error(
      'a numerical question needs a full-credit answer',
      ctx.pos(answers.numbers[0]?.at ?? 0),
    );
    return undefined;
  }
  const extra: string[] = [];
  for (const n of others) {
    if (n.tolerance === 0) extra.push(ctx.content.slice(n.text.start, n.text.end).trim());
    else
      ctx.builder.warn(
        'only the first full-credit numerical range is graded; this one is not',
        ctx.pos(n.at),
      );
  }
  const numeric: Record<string, unknown> = { value: first.value, tolerance: first.tolerance };
  const unit = ctx.tags.get('unit')?.[0];
  if (unit) numeric.unit = unit.value;
  locs.set('numeric', ctx.pos(first.at));
  return { type: 'typed', prompt, accept: [...acceptTags(ctx, locs, 0), ...extra], numeric };
}

function buildPairs(
  ctx: Ctx,
  answers: ParsedAnswers,
  kind: LecternKind | undefined,
  prompt: string,
  locs: Locations,
) {
  const pairs: { left: string; right: string; at: number }[] = [];
  for (const p of answers.pairs) {
    const left = spanText(ctx, p.left);
    const right = spanText(ctx, p.right);
    if (!left) {
      ctx.builder.warn(
        `"${right}" has no left side: Lectern has no extra wrong matches, so it is left out`,
        ctx.pos(p.at),
      );
      continue;
    }
    locs.set(`pairs/${pairs.length}`, ctx.pos(p.at));
    pairs.push({ left, right, at: p.at });
  }
  if (kind !== 'ordering')
    return { type: 'matching', prompt, pairs: pairs.map(({ left, right }) => ({ left, right })) };
  const items: string[] = [];
  for (const p of pairs) {
    const n = Number(p.right);
    if (!/^\d+$/.test(p.right) || n < 1 || n > pairs.length || items[n - 1] !== undefined) {
      ctx.builder.error(
        `[type:ordering] needs each position 1..${pairs.length} once on the right, not "${p.right}"`,
        ctx.pos(p.at),
      );
      return undefined;
    }
    items[n - 1] = p.left;
    locs.set(`items/${n - 1}`, ctx.pos(p.at));
  }
  return { type: 'ordering', prompt, items };
}

/** A block without answers: notes for the current section, or a new section with `[section:id]`. */
function readDescription(ctx: Ctx, textStart: number, title: string | undefined, root: SourcePos): void {
  const typeTag = ctx.tags.get('type')?.[0];
  if (typeTag) {
    ctx.builder.error(`this [type:${typeTag.value}] question has no answer block {…}`, typeTag.at);
    return;
  }
  const text = convertGiftText(ctx.content.slice(textStart), ctx.format);
  const safe = toSafeMarkdownBody(text);
  if (safe.changed)
    ctx.builder.warn(
      'notes cannot hold HTML or remote images: tags are shown as text, images as their description',
      ctx.pos(textStart),
    );
  const section = ctx.tags.get('section')?.[0];
  if (section) ctx.builder.defineSection(section.value, title, section.at);
  ctx.builder.appendNotes(safe.text, root);
}
