/**
 * Moodle XML (`<quiz>` of `<question type="…">`) → a Lectern pack and its media. Categories become
 * chapters (their info the chapter's notes), every type Lectern grades becomes a question, essays
 * discussion prompts and descriptions notes; embedded images and audio become pack media. Types Lectern
 * cannot grade (drag-and-drop onto images, calculated, STACK, …) are skipped with a warning naming the
 * question; what Moodle's import refuses (malformed XML, grades off Moodle's list, broken Cloze) is
 * refused at its line:column. Never throws.
 */
import type { PackResult } from '../../pack/diagnostics';
import { createLineIndex } from '../../pack/line-index';
import type { PackMedia } from '../../pack/media';
import { discussionSchema, type Pack, questionSchema } from '../../pack/schema';
import { readCategoryTitle } from '../gift/read-gift';
import { deriveId, packNameFromFile } from '../ids';
import { PackBuilder } from '../pack-builder';
import type { ReadOptions } from '../read-options';
import { buildCloze, buildGaps } from './moodle-cloze';
import { type FileState, QuestionContext } from './moodle-context';
import { decodeBase64, MediaCollector } from './moodle-media';
import {
  buildMatching,
  buildMultichoice,
  buildNumerical,
  buildOrdering,
  buildShortAnswer,
  buildTrueFalse,
  type Header,
  readHeader,
} from './moodle-questions';
import { child, parseXml, type XmlElement } from './xml-tree';

/** A read Moodle XML file: the pack (or its problems) and the media its questions show. */
export interface MoodleXmlResult {
  result: PackResult<Pack>;
  media: PackMedia[];
}

type Builder = (ctx: QuestionContext, h: Header) => Record<string, unknown> | undefined;

const QUESTION_TYPES: Record<string, Builder> = {
  multichoice: buildMultichoice,
  truefalse: buildTrueFalse,
  shortanswer: buildShortAnswer,
  numerical: buildNumerical,
  match: buildMatching,
  matching: buildMatching,
  ordering: buildOrdering,
  gapselect: (ctx) => buildGaps(ctx, 'selectoption'),
  ddwtos: (ctx) => buildGaps(ctx, 'dragbox'),
};

/** Reads Moodle XML text (newlines normalised) into a pack and its media. */
export function readMoodleXml(text: string, options: ReadOptions = {}): MoodleXmlResult {
  const builder = new PackBuilder(packNameFromFile(options.fileName ?? 'questions.xml'));
  const lines = createLineIndex(text);
  const file: FileState = { builder, lines, media: new MediaCollector() };
  const parsed = parseXml(text);
  if (!parsed.ok) {
    builder.error(`not well-formed XML: ${parsed.message}`, lines.locate(parsed.at));
    return { result: builder.finish(''), media: [] };
  }
  const root = parsed.root;
  if (root.name !== 'quiz') {
    builder.error(
      `this XML is not a Moodle question bank: its root element is <${root.name}>, not <quiz>`,
      lines.locate(root.at),
    );
    return { result: builder.finish(''), media: [] };
  }
  const usedIds = new Set<string>();
  const questions = root.children.filter((c) => c.name === 'question');
  questions.forEach((q, i) => {
    readQuestion(q, file, usedIds);
    options.onProgress?.((0.9 * (i + 1)) / questions.length);
  });
  for (const other of root.children)
    if (other.name !== 'question')
      builder.warn(`<${other.name}> is not a Moodle question: ignored`, lines.locate(other.at));
  const result =
    builder.chapterCount > 0
      ? builder.finish('no questions: this file only has categories', 'warning')
      : builder.finish('no questions found: this Moodle XML file has no questions Lectern can read');
  options.onProgress?.(1);
  return { result, media: result.ok ? usedMedia(result.pack, file.media.media) : [] };
}

/** The media the pack's text refers to (a question that was skipped leaves its files out). */
function usedMedia(pack: Pack, media: PackMedia[]): PackMedia[] {
  const text = JSON.stringify(pack);
  return media.filter((m) => text.includes(`media:${m.name})`) || text.includes(`[sound:${m.name}]`));
}

function readQuestion(q: XmlElement, file: FileState, usedIds: Set<string>): void {
  const { builder } = file;
  const type = q.attrs.get('type')?.value ?? '';
  if (type === 'category') {
    readCategory(q, file);
    return;
  }
  const nameRaw = child(child(q, 'name'), 'text')?.text ?? child(q, 'name')?.text ?? '';
  const name = nameRaw
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const label = `question "${name || '(no name)'}"`;
  const ctx = new QuestionContext(q, file, label);
  // Moodle 1.9's <image>NAME</image> + <image_base64>: an image shown after the question text.
  let legacy = '';
  const imageName = child(q, 'image')?.text.trim();
  const image64 = child(q, 'image_base64');
  if (imageName && image64) {
    const bytes = decodeBase64(image64.text);
    if (bytes) {
      ctx.addFile({ name: imageName, bytes, at: image64.at });
      legacy = ` <img src="@@PLUGINFILE@@/${encodeURIComponent(imageName)}" alt="" />`;
    }
  }
  const questionText = ctx.raw(child(q, 'questiontext')).text;
  if (type === 'description') {
    builder.appendNotes(
      ctx.text(child(q, 'questiontext'), { body: true, raw: questionText + legacy }),
      ctx.pos(q.at),
    );
    ctx.finish();
    return;
  }
  if (type === 'essay') {
    readEssay(ctx, usedIds, questionText + legacy);
    return;
  }
  const build = type === 'cloze' || type === 'multianswer' ? undefined : QUESTION_TYPES[type];
  if (type !== 'cloze' && type !== 'multianswer' && !build) {
    ctx.warn(`${label} is of type "${type}", which Lectern cannot grade: skipped`);
    return;
  }
  const h = readHeader(ctx, usedIds, build ? questionText + legacy : undefined);
  const question = build ? build(ctx, h) : buildCloze(ctx, legacy);
  if (!question) return;
  ctx.finish();
  const full: Record<string, unknown> = { ...question, ...h.fields };
  full.section = builder.currentSection(ctx.pos(q.at));
  // Moodle imports what Lectern cannot hold (one choice, 30 choices, an empty text): that question is
  // skipped with the reason, the rest of the file imports.
  const checked = questionSchema.safeParse({ ...full, id: 'probe' });
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const where = issue?.path.join('.') ?? '';
    ctx.warn(
      `${label} cannot be a Lectern question (${where ? `${where}: ` : ''}${issue?.message ?? 'invalid'}): skipped`,
    );
    return;
  }
  builder.addQuestion(orderFields(full), h.id, ctx.locs);
}

/** Keeps the usual field order (type first) for readable JSON. */
function orderFields(q: Record<string, unknown>): Record<string, unknown> {
  const { type, title, section, ...rest } = q;
  return { type, ...(title !== undefined ? { title } : {}), section, ...rest };
}

function readEssay(ctx: QuestionContext, usedIds: Set<string>, promptRaw: string): void {
  const h = readHeader(ctx, usedIds, promptRaw);
  // A general feedback that is a list gives a talking point per item.
  const points = [h.fields.explanation, ctx.text(child(ctx.q, 'graderinfo'))]
    .flatMap((p) =>
      typeof p === 'string' && /^- /.test(p) && p.split('\n').every((l) => l.startsWith('- '))
        ? p.split('\n').map((l) => l.slice(2))
        : [p],
    )
    .filter((p): p is string => typeof p === 'string' && p.trim() !== '');
  const builder = ctx.builder;
  const discussion: Record<string, unknown> = {
    prompt: h.prompt,
    points,
    sections: [builder.currentSection(ctx.pos(ctx.q.at))],
  };
  if (h.fields.tags) discussion.tags = h.fields.tags;
  const id = h.id.explicit ? h.id : { ...h.id, value: deriveId('d', `${h.title ?? ''}\n${h.prompt}`) };
  ctx.locs.set('prompt', ctx.locs.get('prompt') ?? ctx.pos(ctx.q.at));
  ctx.finish();
  const checked = discussionSchema.safeParse({ ...discussion, id: 'probe' });
  if (!checked.success) {
    const issue = checked.error.issues[0];
    ctx.warn(
      `${ctx.label} cannot be a discussion prompt (${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}): skipped`,
    );
    return;
  }
  builder.addDiscussion(discussion, id, ctx.locs);
}

/** `$course$/top/A/B` (or the old `<category>PATH</category>`) → the chapter "A / B"; its info → notes. */
function readCategory(q: XmlElement, file: FileState): void {
  const el = child(q, 'category');
  const path = (child(el, 'text') ?? el)?.text ?? '';
  const at = file.lines.locate(q.at);
  file.builder.enterChapter(readCategoryTitle(path), at);
  const info = child(q, 'info');
  if (info) {
    const ctx = new QuestionContext(q, file, 'category');
    const notes = ctx.text(info, { body: true });
    if (notes) file.builder.appendNotes(notes, at);
    ctx.finish();
  }
}
