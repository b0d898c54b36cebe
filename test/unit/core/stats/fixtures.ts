/** Row builders shared by the stats, backup, self-test and settings tests. */

import { makeReviewId } from '../../../../renderer/src/core/revlog/review-id';
import { writePackQuestions } from '../../../../renderer/src/db/repos/question-chunks';
import type { LecternDb } from '../../../../renderer/src/db/schema/database';
import { countChapters } from '../../../../renderer/src/db/schema/pack-rows';
import type {
  CardKey,
  CardRow,
  PackRow,
  QuestionRow,
  ReviewRow,
} from '../../../../renderer/src/db/schema/rows';

export const DAY = 86_400_000;
export const HOUR = 3_600_000;

/** Brands a string as a card key. */
export function k(key: string): CardKey {
  return key as CardKey;
}

/** A card row with sensible defaults (a New card of pack `p`, chapter `c1`). */
export function makeCard(partial: Partial<Omit<CardRow, 'key'>> & { key: string }): CardRow {
  return {
    packId: 'p',
    chapterId: 'c1',
    order: 0,
    state: 0,
    due: 0,
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
    ...partial,
    key: partial.key as CardKey,
  };
}

/** A review-log row with sensible defaults (a Good review of a card in Review state). */
export function makeReview(
  partial: Partial<Omit<ReviewRow, 'cardKey'>> & { at: number; cardKey?: string },
): ReviewRow {
  const cardKey = (partial.cardKey ?? 'p:q1') as CardKey;
  return {
    id: makeReviewId(partial.at),
    rating: 3,
    score: 1,
    correct: 1,
    response: '""',
    responseMs: 1000,
    stateBefore: 2,
    stability: 10,
    difficulty: 5,
    dueAfter: partial.at + DAY,
    ...partial,
    cardKey,
  };
}

/** A pack with chapters `c1`, `c2` (sections `s1`, `s2`) and one discussion per chapter. */
export function makePack(id = 'p'): PackRow {
  return {
    id,
    title: `Pack ${id}`,
    language: 'en',
    version: '1',
    origin: 'imported',
    format: 'lectern',
    chapters: [
      { id: 'c1', title: 'Chapter one', sections: [{ id: 's1', title: 'Section one', body: 'Body one.' }] },
      { id: 'c2', title: 'Chapter two', sections: [{ id: 's2', title: 'Section two', body: 'Body two.' }] },
    ],
    discussions: [
      { id: 'd1', prompt: 'Discuss one', points: ['point a', 'point b'], sections: ['s1'] },
      { id: 'd2', prompt: 'Discuss two', points: ['point c'], sections: ['s2'] },
    ],
    questionCount: 0,
    chapterCounts: { c1: 0, c2: 0 },
    typeCounts: { c1: {}, c2: {} },
    contentHash: 'h',
    importedAt: 0,
    updatedAt: 0,
  };
}

/** A flashcard question row. */
export function makeQuestion(packId: string, id: string, chapterId: string, order: number): QuestionRow {
  const section = chapterId === 'c2' ? 's2' : 's1';
  return {
    key: `${packId}:${id}` as CardKey,
    packId,
    id,
    chapterId,
    section,
    type: 'flashcard',
    order,
    question: { id, section, type: 'flashcard', front: `Front ${id}`, back: `Back ${id}` },
    answerHash: `a-${id}`,
    removed: 0,
  };
}

/** `pack` with its question count, chapter counts and type counts taken from its live `questions`. */
export function withCounts(pack: PackRow, questions: readonly QuestionRow[]): PackRow {
  const live = questions.filter((q) => q.packId === pack.id && q.removed === 0);
  return { ...pack, questionCount: live.length, ...countChapters(pack.chapters, live) };
}

/** Stores question rows (any packs) the way an import does: a hundred to a chunk record, per pack. */
export async function seedQuestions(db: LecternDb, rows: readonly QuestionRow[]): Promise<void> {
  const byPack = new Map<string, QuestionRow[]>();
  for (const r of rows) byPack.set(r.packId, [...(byPack.get(r.packId) ?? []), r]);
  await db.transaction('rw', db.questionChunks, async () => {
    for (const [packId, list] of byPack) await writePackQuestions(db, packId, list);
  });
}
