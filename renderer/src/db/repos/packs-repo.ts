/**
 * Storing, listing and removing packs. Every multi-row write is one transaction. A stored pack is its
 * row and its question chunks; card rows appear as its questions are studied.
 */
import type { Pack, Question } from '../../core/pack/schema';
import type { LecternDb } from '../schema/database';
import { countChapters } from '../schema/pack-rows';
import {
  type CardRow,
  cardKey,
  type EpochMs,
  type PackRow,
  type QuestionRow,
  type SourceFormat,
} from '../schema/rows';
import { readPackQuestions, writePackQuestions } from './question-chunks';

export interface PackMeta {
  origin: PackRow['origin'];
  format: SourceFormat;
  fileName?: string;
  contentHash: string;
  /** Set when the app's bundled file is stored (see {@link PackRow.bundledHash}). */
  bundledHash?: string;
}

/** Maps every section id to its chapter id. */
export function sectionChapters(pack: Pick<Pack, 'chapters'>): Map<string, string> {
  const map = new Map<string, string>();
  for (const c of pack.chapters) for (const s of c.sections) map.set(s.id, c.id);
  return map;
}

/** Questions in course order: by chapter, then by their place in the file. */
export function courseOrder(
  pack: Pick<Pack, 'chapters' | 'questions'>,
): { question: Question; chapterId: string }[] {
  const chapterOf = sectionChapters(pack);
  const chapterIndex = new Map(pack.chapters.map((c, i) => [c.id, i]));
  return pack.questions
    .map((question, i) => ({ question, i, chapterId: chapterOf.get(question.section) ?? '' }))
    .sort((a, b) => (chapterIndex.get(a.chapterId) ?? 0) - (chapterIndex.get(b.chapterId) ?? 0) || a.i - b.i)
    .map(({ question, chapterId }) => ({ question, chapterId }));
}

/** Each question's chapter and type, in file order (counting needs no sort into course order). */
function questionsByChapter(pack: Pick<Pack, 'chapters' | 'questions'>) {
  const chapterOf = sectionChapters(pack);
  return pack.questions.map((q) => ({ chapterId: chapterOf.get(q.section) ?? '', type: q.type }));
}

export function packRowOf(pack: Pack, meta: PackMeta, now: EpochMs, importedAt = now): PackRow {
  const { questions: _q, chapters, discussions, format: _f, formatVersion: _v, $schema: _s, ...info } = pack;
  return {
    ...info,
    origin: meta.origin,
    format: meta.format,
    ...(meta.fileName ? { fileName: meta.fileName } : {}),
    ...(meta.bundledHash ? { bundledHash: meta.bundledHash } : {}),
    chapters,
    discussions,
    questionCount: pack.questions.length,
    ...countChapters(chapters, questionsByChapter(pack)),
    contentHash: meta.contentHash,
    importedAt,
    updatedAt: now,
  };
}

/**
 * A new card: FSRS state New, due now, not yet reviewed. Not stored at import: a question without a
 * card row is new, and this is the row its first answer (or a suspend or flag) starts from.
 */
export function newCardRow(
  packId: string,
  questionId: string,
  chapterId: string,
  order: number,
  now: EpochMs,
): CardRow {
  return {
    key: cardKey(packId, questionId),
    packId,
    chapterId,
    order,
    state: 0,
    due: now,
    stability: 0,
    difficulty: 0,
    elapsedDays: 0,
    scheduledDays: 0,
    learningSteps: 0,
    reps: 0,
    lapses: 0,
    lastReview: null,
    suspended: 0,
    flagged: 0,
    removed: 0,
    rev: 0,
  };
}

export function questionRowOf(
  packId: string,
  question: Question,
  chapterId: string,
  order: number,
): QuestionRow {
  return {
    key: cardKey(packId, question.id),
    packId,
    id: question.id,
    chapterId,
    section: question.section,
    type: question.type,
    order,
    question,
    removed: 0,
  };
}

/** The question rows of `pack` in course order (orders 0..n−1). */
export function questionRowsOf(pack: Pack): QuestionRow[] {
  return courseOrder(pack).map(({ question, chapterId }, i) =>
    questionRowOf(pack.id, question, chapterId, i),
  );
}

/** Stores a pack that is not in the database yet: its row and its questions (all new). */
export async function insertPack(db: LecternDb, pack: Pack, meta: PackMeta, now: EpochMs): Promise<void> {
  const questions = questionRowsOf(pack);
  await db.transaction('rw', [db.packs, db.questionChunks], async () => {
    if (await db.packs.get(pack.id)) throw new Error(`pack "${pack.id}" is already stored`);
    await db.packs.add(packRowOf(pack, meta, now));
    await writePackQuestions(db, pack.id, questions);
  });
}

/** Rebuilds a whole pack document (for export) from its stored rows. */
export async function loadPackDocument(db: LecternDb, packId: string): Promise<Pack | null> {
  const row = await db.packs.get(packId);
  if (!row) return null;
  const questions = await readPackQuestions(db, packId);
  const {
    origin: _o,
    chapterCounts: _cc,
    typeCounts: _tc,
    format: _f,
    fileName: _n,
    bundledHash: _b,
    questionCount: _c,
    contentHash: _h,
    importedAt: _i,
    updatedAt: _u,
    ...info
  } = row;
  return {
    format: 'lectern-pack',
    formatVersion: 1,
    ...info,
    questions: questions.filter((q) => q.removed === 0).map((q) => q.question),
  };
}
