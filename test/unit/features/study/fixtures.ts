/**
 * Schema-v2 builders for the study tests: a pack row with its chapter counts, its questions stored
 * in chunks, card rows only for studied (or suspended/flagged) questions, and a read counter that
 * tells how many card rows and question chunks a function read.
 */
import type { DBCore, DBCoreTable } from 'dexie';
import { writePackQuestions } from '../../../../renderer/src/db/repos/question-chunks';
import type { LecternDb } from '../../../../renderer/src/db/schema/database';
import {
  type CardRow,
  cardKey,
  type PackRow,
  type QuestionRow,
} from '../../../../renderer/src/db/schema/rows';
import { makeCard } from '../../core/stats/fixtures';

/** A chapter of a test pack: its id and how many live questions it has. */
export interface ChapterSpec {
  id: string;
  count: number;
}

/** A pack row whose chapters hold `chapters[i].count` questions each (orders chapter after chapter). */
export function makePackRow(
  id: string,
  chapters: readonly ChapterSpec[],
  over: Partial<PackRow> = {},
): PackRow {
  const chapterCounts: Record<string, number> = {};
  const typeCounts: PackRow['typeCounts'] = {};
  for (const c of chapters) {
    chapterCounts[c.id] = c.count;
    typeCounts[c.id] = c.count > 0 ? { flashcard: c.count } : {};
  }
  return {
    id,
    title: `Pack ${id}`,
    language: 'en',
    version: '1',
    origin: 'imported',
    format: 'lectern',
    chapters: chapters.map((c) => ({
      id: c.id,
      title: `Chapter ${c.id}`,
      sections: [{ id: `s-${c.id}`, title: `Section ${c.id}`, body: 'Body.' }],
    })),
    discussions: [],
    questionCount: chapters.reduce((n, c) => n + c.count, 0),
    chapterCounts,
    typeCounts,
    contentHash: 'h',
    importedAt: 0,
    updatedAt: 0,
    ...over,
  };
}

/** The question `q${order}` of `packId` (a flashcard) at `order` in `chapterId`. */
export function makeQuestionRow(
  packId: string,
  order: number,
  chapterId: string,
  over: Partial<QuestionRow> = {},
): QuestionRow {
  const id = over.id ?? `q${order}`;
  return {
    key: cardKey(packId, id),
    packId,
    id,
    chapterId,
    section: `s-${chapterId}`,
    type: 'flashcard',
    order,
    question: { id, section: `s-${chapterId}`, type: 'flashcard', front: `Front ${id}`, back: `Back ${id}` },
    answerHash: 'a',
    removed: 0,
    ...over,
  };
}

/** The live question rows of a pack laid out by `chapters` (ids `q0`, `q1`, … in course order). */
export function makeQuestionRows(packId: string, chapters: readonly ChapterSpec[]): QuestionRow[] {
  const rows: QuestionRow[] = [];
  for (const c of chapters)
    for (let i = 0; i < c.count; i++) rows.push(makeQuestionRow(packId, rows.length, c.id));
  return rows;
}

/** Stores a pack row and its questions (plus `extra` rows, e.g. removed questions) in one transaction. */
export async function seedPack(
  db: LecternDb,
  packId: string,
  chapters: readonly ChapterSpec[],
  extra: readonly QuestionRow[] = [],
  over: Partial<PackRow> = {},
): Promise<QuestionRow[]> {
  const rows = [...makeQuestionRows(packId, chapters), ...extra];
  await db.transaction('rw', db.packs, db.questionChunks, async () => {
    await db.packs.put(makePackRow(packId, chapters, over));
    await writePackQuestions(db, packId, rows);
  });
  return rows;
}

/** A card row for `q${order}` of `packId` (defaults: state 0, chapter `c1`, rev 1). */
export function makeCardRow(
  packId: string,
  order: number,
  over: Partial<Omit<CardRow, 'key'>> & { id?: string } = {},
): CardRow {
  const { id = `q${order}`, ...rest } = over;
  return makeCard({ packId, order, rev: 1, ...rest, key: cardKey(packId, id) });
}

/** Rows read so far, by table (values only: counts and key-only reads are not row reads). */
export interface ReadCounter {
  cards: number;
  questionChunks: number;
  reviews: number;
  reset(): void;
}

/**
 * Counts the rows `db` hands back from its `cards`, `questionChunks` and `reviews` tables (get,
 * bulkGet, toArray, first…; a cursor counts its first row). Register before the database is first used.
 */
export function countRowReads(db: LecternDb): ReadCounter {
  const counter: ReadCounter = {
    cards: 0,
    questionChunks: 0,
    reviews: 0,
    reset() {
      counter.cards = 0;
      counter.questionChunks = 0;
      counter.reviews = 0;
    },
  };
  type Counted = 'cards' | 'questionChunks' | 'reviews';
  const wrap = (name: Counted, t: DBCoreTable): DBCoreTable => ({
    ...t,
    get: async (req) => {
      const v = await t.get(req);
      if (v !== undefined) counter[name]++;
      return v;
    },
    getMany: async (req) => {
      const vs = await t.getMany(req);
      counter[name] += vs.filter((v) => v !== undefined).length;
      return vs;
    },
    query: async (req) => {
      const res = await t.query(req);
      if (req.values) counter[name] += res.result.length;
      return res;
    },
    openCursor: async (req) => {
      const cursor = await t.openCursor(req);
      if (cursor && req.values !== false) counter[name]++;
      return cursor;
    },
  });
  db.use({
    stack: 'dbcore',
    name: 'test-read-counter',
    create: (down: DBCore): DBCore => ({
      ...down,
      table(name) {
        const t = down.table(name);
        // The review log is `revlog` since schema 5.
        if (name === 'revlog') return wrap('reviews', t);
        return name === 'cards' || name === 'questionChunks' ? wrap(name, t) : t;
      },
    }),
  });
  return counter;
}
