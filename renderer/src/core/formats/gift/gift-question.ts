/**
 * One GIFT question block → one Lectern question or discussion prompt. Moodle decides the shape from the
 * answers; a `// [type:…]` comment (written by Lectern's GIFT export) names the Lectern type where GIFT
 * alone cannot (flashcard, ordering, cloze) and keeps types stable through a round trip.
 */
import { toSafeMarkdownBody } from '../html-text';
import { deriveId, toLecternId } from '../ids';
import type { Locations, PackBuilder, SourcePos } from '../pack-builder';
import { type AnswerKind, classifyAnswers, type ParsedAnswers, parseAnswerBlock } from './gift-answers';
import { type GiftBlock, placeInBlock } from './gift-blocks';
import { buildQuestion } from './gift-build';
import { EMPTY_ANSWERS, findAnswerBlocks, isEmbedded, readClozeBlocks } from './gift-cloze';
import { type Ctx, type LecternKind, spanText, tagOf, tagsOf } from './gift-context';
import { convertGiftText, maskEscapes, readFormatPrefix, unescapeGift } from './gift-text';

/** A private-use character absent from `text`: marks the blank of a missing-word question. */
function pickBlank(text: string): string {
  let code = 0xe001;
  while (text.includes(String.fromCharCode(code))) code++;
  return String.fromCharCode(code);
}

/** Which answer shapes each `[type:…]` accepts, and the shape to read them as. */
const FITS: Record<LecternKind, { accepts: AnswerKind[]; readAs: (natural: AnswerKind) => AnswerKind }> = {
  // An empty {} is a flashcard with an empty back (as an Anki note's).
  flashcard: {
    accepts: ['short-answer', 'matching', 'true-false', 'essay'],
    readAs: (n) => (n === 'essay' ? 'essay' : 'short-answer'),
  },
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

const ignore = () => {};

function recorder(block: GiftBlock, record: Locations) {
  return (key: string, at: number | SourcePos) => {
    record.set(key, typeof at === 'number' ? placeInBlock(block, at) : { line: at.line, column: at.column });
  };
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && /\s/.test(String.fromCharCode(c)));
}

function skipWs(s: string, i: number): number {
  let j = i;
  while (j < s.length && isSpace(s.charCodeAt(j))) j++;
  return j;
}

/**
 * Reads one non-category block: a description (notes), a question, or an essay (discussion prompt).
 * `line` is the block's first line, kept to find the block again; with `record`, the places of the
 * question's parts are recorded there instead (used when a problem needs placing).
 */
export function readQuestionBlock(
  block: GiftBlock,
  builder: PackBuilder,
  line: number,
  record?: Locations,
): void {
  const content = block.content;
  const masked = maskEscapes(content);
  const tags = block.tags;
  let p = skipWs(masked, 0);
  const root = placeInBlock(block, p);
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
  const ctx: Ctx = {
    block,
    builder,
    tags,
    content,
    masked,
    format: prefix.format ?? 'moodle',
    mark: record ? recorder(block, record) : ignore,
    where: record ?? line,
  };
  const textStart = skipWs(masked, p + prefix.length);
  if (open === -1 && close === -1) {
    readDescription(ctx, textStart, title, root);
    return;
  }
  if (close !== -1 && (open === -1 || close < open)) {
    builder.error('"}" has no opening "{" (write a literal brace as \\})', placeInBlock(block, close));
    return;
  }
  if (close === -1) {
    builder.error('the answer block "{" is never closed with "}"', placeInBlock(block, open));
    return;
  }
  const blocks = findAnswerBlocks(masked, open);
  const typeTag0 = tagOf(tags, 'type');
  if (blocks.length > 1 || (!typeTag0 && isEmbedded(masked, open, close))) {
    const title0 = title;
    const cloze = readClozeBlocks(ctx, blocks, textStart);
    if (typeof cloze === 'string') {
      const base = { ...EMPTY_ANSWERS, notes: [] };
      const common = commonFields(ctx, base, root);
      if (common === undefined) return;
      const idTags0 = tagsOf(tags, 'id');
      const idTag0 = idTags0[0];
      const question: Record<string, unknown> = { type: 'cloze', text: cloze };
      if (title0 && title0 !== idTag0?.value) question.title = title0;
      const id = idTag0
        ? { value: idTag0.value, explicit: true, at: idTag0 }
        : { value: deriveId('q', `${title0 ?? ''}\n${cloze}`), explicit: false, at: root };
      if (record) {
        ctx.mark('', root);
        ctx.mark('text', textStart);
      }
      ctx.mark('id', id.at);
      ctx.builder.addQuestion(Object.assign(question, common), id, ctx.where);
      return;
    }
    // Moodle's own reading: the first {…} holds the answers, the rest of the text is kept as written.
    if (blocks.length > 1)
      builder.warn(
        `${cloze.reason}: read as Moodle does, with the first {…} as the answers and the rest as text`,
        placeInBlock(block, cloze.at),
      );
  }
  const typeTag = tagOf(tags, 'type');
  let kind: LecternKind | undefined;
  let answers = parseAnswerBlock(content, masked, open + 1, close);
  if (typeTag) {
    kind = typeTag.value.trim() as LecternKind;
    const fit = FITS[kind];
    if (!fit) {
      builder.error(
        `unknown [type:${typeTag.value}]: expected one of ${Object.keys(FITS).join(', ')}`,
        typeTag,
      );
      return;
    }
    const inner = maskedInner(masked, open + 1, close);
    const natural = classifyAnswers(inner);
    if (!fit.accepts.includes(natural)) {
      builder.error(
        `[type:${kind}] does not fit these answers, which read as ${KIND_WORDS[natural]}`,
        typeTag,
      );
      return;
    }
    const readAs = fit.readAs(natural);
    if (readAs !== answers.kind) answers = parseAnswerBlock(content, masked, open + 1, close, readAs);
  }
  for (const note of answers.notes) builder.warn(note.message, placeInBlock(block, note.at));
  if (answers.problems.length > 0) {
    for (const problem of answers.problems) builder.error(problem.message, placeInBlock(block, problem.at));
    return;
  }
  const missingWord = content.slice(close + 1).trim() !== '';
  const afterText = content.slice(close + 1);
  const before = content.slice(textStart, open);
  // The text with a marker where the answers were: needed for missing words and clozes only.
  const needsBlank = missingWord || kind === 'cloze';
  const blank = needsBlank ? pickBlank(content) : '';
  const withBlank = needsBlank ? convertGiftText(`${before}${blank}${afterText}`, ctx.format) : '';
  const prompt = missingWord ? withBlank.replace(blank, '_____') : convertGiftText(before, ctx.format);
  if (record) {
    ctx.mark('', root);
    for (const field of ['prompt', 'front', 'text']) ctx.mark(field, textStart);
    for (const field of ['choices', 'pairs', 'items', 'accept', 'points']) ctx.mark(field, open);
  }
  const idTags = tagsOf(tags, 'id');
  for (const extra of idTags.slice(1)) builder.error('a question has one [id:…]', extra);
  const idTag = idTags[0];
  const id = idTag
    ? { value: idTag.value, explicit: true, at: idTag }
    : { value: '', explicit: false, at: root };
  ctx.mark('id', id.at);

  if (answers.kind === 'essay' && kind !== 'flashcard') {
    if (kind === 'cloze') {
      readClozeFromTag(ctx, answers, id, root, title !== idTag?.value ? title : undefined);
      return;
    }
    id.value = id.value || deriveId('d', `${title ?? ''}\n${prompt}`);
    addDiscussion(ctx, prompt, answers, id, root);
    return;
  }
  id.value = id.value || deriveId('q', `${title ?? ''}\n${prompt}`);
  const base = commonFields(ctx, answers, root);
  if (base === undefined) return;
  const question = buildQuestion(ctx, answers, kind, { prompt, withBlank, blank, missingWord });
  if (!question) return;
  // The export writes the id as the name of an untitled question: that name is no title.
  if (title && title !== idTag?.value) question.title = title;
  ctx.builder.addQuestion(Object.assign(question, base), id, ctx.where);
}

function maskedInner(masked: string, from: number, to: number): string {
  const gf = masked.lastIndexOf('####', to - 4);
  return masked.slice(from, gf >= from ? gf : to).trim();
}

/** Fields every question has: section, explanation, tags, hint, evidence. Undefined after an error. */
function commonFields(ctx: Ctx, answers: ParsedAnswers, root: SourcePos) {
  const out: Record<string, unknown> = {};
  const sections = tagsOf(ctx.tags, 'section');
  for (const extra of sections.slice(1)) {
    ctx.builder.error('a question tests one section: give one [section:…]', extra);
    return undefined;
  }
  const section = sections[0];
  if (section) {
    out.section = toLecternId(section.value);
    ctx.mark('section', section);
  } else out.section = ctx.builder.currentSection(root);
  const explanation = spanText(ctx, answers.general);
  if (explanation) out.explanation = explanation;
  if (answers.general) ctx.mark('explanation', answers.general.start);
  const tags = tagsOf(ctx.tags, 'tag');
  if (tags.length > 0) {
    out.tags = tags.map((t) => t.value.trim());
    for (const [i, t] of tags.entries()) ctx.mark(`tags/${i}`, t);
  }
  for (const key of ['hint', 'evidence'] as const) {
    const tag = tagOf(ctx.tags, key);
    if (tag) {
      out[key] = tag.value;
      ctx.mark(key, tag);
    }
  }
  return out;
}

function addDiscussion(
  ctx: Ctx,
  prompt: string,
  answers: ParsedAnswers,
  id: { value: string; explicit: boolean; at: SourcePos },
  root: SourcePos,
): void {
  const sectionTags = tagsOf(ctx.tags, 'section');
  let sections: string[];
  if (sectionTags.length === 0) sections = [ctx.builder.currentSection(root)];
  else {
    sections = sectionTags.filter((t) => t.value.trim()).map((t) => toLecternId(t.value));
    for (const [i, t] of sectionTags.entries()) ctx.mark(`sections/${i}`, t);
  }
  const points = spanText(ctx, answers.general)
    .split('\n')
    .map((l) => l.replace(/^\s*[-*•]\s+/, '').trim())
    .filter(Boolean);
  const discussion: Record<string, unknown> = { prompt, points, sections };
  const tags = tagsOf(ctx.tags, 'tag');
  if (tags.length > 0) discussion.tags = tags.map((t) => t.value.trim());
  ctx.builder.addDiscussion(discussion, id, ctx.where);
}

function readClozeFromTag(
  ctx: Ctx,
  answers: ParsedAnswers,
  id: { value: string; explicit: boolean; at: SourcePos },
  root: SourcePos,
  title: string | undefined,
): void {
  const tag = tagOf(ctx.tags, 'cloze');
  if (!tag) {
    ctx.builder.error('[type:cloze] on an essay needs the cloze text in a [cloze:…] comment', root);
    return;
  }
  ctx.mark('text', tag);
  id.value = id.value || deriveId('q', tag.value);
  const base = commonFields(ctx, answers, root);
  if (!base) return;
  // The title of an exported cloze (written with its text in [cloze:…]) comes back as it went out.
  const question: Record<string, unknown> = { type: 'cloze', text: tag.value };
  if (title) question.title = title;
  ctx.builder.addQuestion(Object.assign(question, base), id, ctx.where);
}

/** A block without answers: notes for the current section, or a new section with `[section:id]`. */
function readDescription(ctx: Ctx, textStart: number, title: string | undefined, root: SourcePos): void {
  const typeTag = tagOf(ctx.tags, 'type');
  if (typeTag) {
    ctx.builder.error(`this [type:${typeTag.value}] question has no answer block {…}`, typeTag);
    return;
  }
  const text = convertGiftText(ctx.content.slice(textStart), ctx.format);
  const safe = toSafeMarkdownBody(text);
  if (safe.changed)
    ctx.builder.warn(
      'notes cannot hold HTML or remote images: tags are shown as text, images as their description',
      placeInBlock(ctx.block, textStart),
    );
  const section = tagOf(ctx.tags, 'section');
  if (section) ctx.builder.defineSection(section.value, title, section);
  ctx.builder.appendNotes(safe.text, root);
}
