/**
 * Every row stored in IndexedDB, declared once as a zod schema; the TypeScript types are inferred
 * from them. Backups check their rows with these same schemas (`core/backup/schema.ts`), and the
 * database reads pack and question rows through them (`middleware/row-guard.ts`). Pure: zod and the
 * pack and scheduler schemas only, no Dexie. Times are epoch milliseconds; booleans used in indexes
 * are 0/1 (IndexedDB cannot index booleans).
 *
 * Schemas check structure (types, enums, required fields) and refuse unknown fields. Pack content
 * inside rows is checked with the schema that validates a pack (chapters, discussions and every
 * question fully), and card numbers within FSRS's bounds: a checksum proves only that nobody changed
 * a backup since it was written, not that whoever wrote it wrote rows the app can use (issue 19).
 */
import { z } from 'zod';
import {
  chapterSchema,
  discussionSchema,
  QUESTION_TYPES,
  type QuestionType,
  questionSchema,
} from '../../core/pack/schema';
import { isReviewId, reviewIdTime } from '../../core/revlog/review-id';
import { cardStateSchema, schedulingStateSchema } from '../../core/scheduler/card-state';

const ms = z.number();
const flag = z.union([z.literal(0), z.literal(1)]);
const questionType = z.enum(QUESTION_TYPES as [QuestionType, ...QuestionType[]]);
const count = z.number().int().min(0);

/** `${packId}:${questionId}` — unambiguous because ids cannot contain ':'. */
export const cardKeySchema = z.string().min(3).brand<'CardKey'>();
export type CardKey = z.infer<typeof cardKeySchema>;
export type EpochMs = number;

/** Builds the key of a question/card. */
export function cardKey(packId: string, questionId: string): CardKey {
  return `${packId}:${questionId}` as CardKey;
}

export const packOriginSchema = z.enum(['bundled', 'imported']);
export type PackOrigin = z.infer<typeof packOriginSchema>;
export const sourceFormatSchema = z.enum(['lectern', 'gift', 'aiken', 'delimited', 'moodlexml', 'anki']);
export type SourceFormat = z.infer<typeof sourceFormatSchema>;

/**
 * A pack's metadata, chapters (with bodies) and discussion prompts; questions live in
 * `questionChunks`. Chapters and discussions are checked as a pack's.
 */
export const packRowSchema = z.strictObject({
  id: z.string().min(1),
  title: z.string(),
  description: z.string().optional(),
  author: z.string().optional(),
  language: z.string(),
  license: z.string().optional(),
  version: z.string(),
  date: z.string().optional(),
  origin: packOriginSchema,
  format: sourceFormatSchema,
  fileName: z.string().optional(),
  chapters: z.array(chapterSchema),
  discussions: z.array(discussionSchema),
  /** Live (not removed) questions: they have orders 0..questionCount−1, chapter after chapter. */
  questionCount: count,
  /** Live questions per chapter id (every chapter, 0 included), in course order. */
  chapterCounts: z.record(z.string(), count),
  /** Live questions per chapter id and question type (types with none are absent). */
  typeCounts: z.record(z.string(), z.partialRecord(questionType, count)),
  /** Hash of the source the pack was last stored from. */
  contentHash: z.string(),
  /**
   * Hash of the app's bundled file last applied to this pack: start-up re-applies the bundled file
   * only when it differs from this — not when the student imported their own file under the same id.
   */
  bundledHash: z.string().optional(),
  importedAt: ms,
  updatedAt: ms,
});
export type PackRow = z.infer<typeof packRowSchema>;

const questionRowFields = z.strictObject({
  key: cardKeySchema,
  packId: z.string(),
  id: z.string(),
  chapterId: z.string(),
  section: z.string(),
  type: questionType,
  /**
   * Position in course order across the whole pack: live questions 0..n−1 (chapter after chapter),
   * removed ones after them.
   */
  order: z.number().int().min(0),
  question: questionSchema,
  /**
   * Unused since schema 2 (hashing every question cost a third of a 100k import): an update compares
   * answers with `answerHash(question)` when it needs to. Rows stored by schema 1 may still carry it.
   */
  answerHash: z.string().optional(),
  /** 1 when the question was removed from its pack by an update: it leaves the queue, its history stays. */
  removed: flag,
});

/** Refines a question row: its question's id, type and section must be the row's. */
export function withQuestionMatchingRow<S extends z.ZodType<z.infer<typeof questionRowFields>>>(schema: S) {
  return schema.refine(
    (r) => r.question.id === r.id && r.question.type === r.type && r.question.section === r.section,
    { message: "the question's id, type and section differ from its row's", path: ['question'] },
  );
}

/**
 * One question as the app reads it, stored inside a {@link QuestionChunkRow} (one IndexedDB record per
 * question costs ~150 µs to write in Chromium; a record of a hundred costs about as much as one). Its
 * question is checked as a pack's question, and its id, type and section must be the row's.
 */
export const questionRowSchema = withQuestionMatchingRow(questionRowFields);
/** The fields of {@link questionRowSchema}, for versions that add to them. */
export const questionRowShape = questionRowFields;
export type QuestionRow = z.infer<typeof questionRowSchema>;

/** Questions `chunk × QUESTION_CHUNK` … `+ QUESTION_CHUNK − 1` (by `order`) of one pack. */
export const questionChunkRowSchema = z.strictObject({
  packId: z.string().min(1),
  chunk: z.number().int().min(0),
  /** In order; a chunk may hold fewer (the last one) but never another chunk's orders. */
  items: z.array(questionRowSchema),
});
export type QuestionChunkRow = z.infer<typeof questionChunkRowSchema>;

const cardFields = {
  key: cardKeySchema,
  packId: z.string(),
  chapterId: z.string(),
  order: z.number().int().min(0),
  ...schedulingStateSchema.shape,
  suspended: flag,
  flagged: flag,
  removed: flag,
  /** Bumped on every write: an answer is refused if the card changed since it was shown. */
  rev: z.number(),
};

/**
 * A `cards` row without the index fields the database derives on every write (what backups hold).
 * A question without a card row is new: rows are written on a question's first answer (or when a new
 * card is suspended or flagged).
 */
export const cardRowSchema = z.strictObject(cardFields);

/**
 * A card row as stored (and as kept inside a review's `prev`): `dueKey` and `startedOrder` are index
 * fields the database sets on every write (`withCardIndexFields`); code never sets them.
 */
export const storedCardRowSchema = z.strictObject({
  ...cardFields,
  /** `due` while the card is scheduled (state > 0, not suspended, not removed); absent otherwise. */
  dueKey: ms.optional(),
  /** `order` while the card is not new (studied or suspended) and not removed; absent otherwise. */
  startedOrder: z.number().optional(),
});
/** FSRS state of one card (ts-fsrs `State`: 0 New, 1 Learning, 2 Review, 3 Relearning). */
export type CardRow = z.infer<typeof storedCardRowSchema>;

/** Started cards of one chapter (schema v3; see `middleware/chapter-tallies.ts`). Key `[packId+chapterId]`. */
export const chapterTallyRowSchema = z.strictObject({
  packId: z.string(),
  chapterId: z.string(),
  /** Its cards that are studied or suspended and not removed. */
  started: count,
});
export type ChapterTallyRow = z.infer<typeof chapterTallyRowSchema>;

/** A row of `meta` (schema v4): what the database says about itself. Key `key`. */
export const metaRowSchema = z.discriminatedUnion('key', [
  z.strictObject({ key: z.literal('database-id'), id: z.string(), createdAt: ms }),
  z.strictObject({
    key: z.literal('chapter-tallies'),
    /** Started cards over every tally. */
    sum: z.number(),
    /** Σ started × weight of the chapter, mod 2³². */
    weighted: z.number(),
  }),
  /** Folder sync's own record (issue 20): this device's id and name, cursors; checked by `ops/sync/`. */
  z.strictObject({ key: z.literal('sync'), value: z.unknown() }),
  z.strictObject({
    key: z.literal('revlog-upgrade'),
    /** Schema 4 reviews when the upgrade to schema 5 started. */
    total: z.number(),
    /** Moved so far. */
    done: z.number(),
    startedAt: ms,
    /** Written by versions that moved in card order: the card the last batch ended with. */
    lastCardKey: z.string().optional(),
    /** The old id the last batch ended with: every row before it has moved. */
    lastId: z.number().optional(),
  }),
]);
export type MetaRow = z.infer<typeof metaRowSchema>;

/**
 * One answer in the review log (schema 5, table `revlog`; a backup's `reviews` since format 3):
 * numbers, not a card copy (~700 bytes a review before). The card's state is a replay of its rows
 * through the scheduler (`core/revlog/replay.ts`); `stability`, `difficulty` and `dueAfter` record
 * what the scheduler gave, for the statistics and the optimizer.
 */
export const reviewRowSchema = z
  .strictObject({
    /** Globally unique and time-ordered (`core/revlog/review-id.ts`): sync applies reviews by it. */
    id: z.string().refine(isReviewId, 'not a review id (18 characters: the time, then a tag)'),
    cardKey: cardKeySchema,
    at: ms,
    /** FSRS rating given: 1 Again, 2 Hard, 3 Good, 4 Easy. */
    rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    /** Share of the answer that was right, 0..1 (flashcards: 1 unless rated Again). */
    score: z.number(),
    correct: flag,
    responseMs: z.number(),
    /** The card's state before this answer (for retention statistics). */
    stateBefore: cardStateSchema,
    /** FSRS memory state after this answer. */
    stability: z.number(),
    difficulty: z.number(),
    /** The card's due after this answer. */
    dueAfter: ms,
    /**
     * What the student answered, as JSON text; absent for a self-graded flashcard (its rating is
     * the answer) and once the answer is older than the "keep answers" setting.
     */
    response: z.string().optional(),
    /** The device this review came from through the sync folder (issue 20); absent: answered here. */
    origin: z.string().optional(),
  })
  .refine((r) => reviewIdTime(r.id) === Math.floor(r.at), {
    message: "the id does not begin with the review's time",
    path: ['id'],
  });
export type ReviewRow = z.infer<typeof reviewRowSchema>;

/** The pack of a card key (ids cannot contain ':'). */
export function packOfKey(key: string): string {
  const sep = key.indexOf(':');
  return sep < 0 ? key : key.slice(0, sep);
}

/** Card keys grouped by their pack, in the order given. */
export function keysByPack<K extends string>(keys: readonly K[]): Map<string, K[]> {
  const byPack = new Map<string, K[]>();
  for (const k of keys) {
    const p = packOfKey(k);
    const l = byPack.get(p);
    if (l) l.push(k);
    else byPack.set(p, [k]);
  }
  return byPack;
}

/**
 * A review-log row of schemas 1–4 (table `reviews`; a backup's `reviews` in formats 1 and 2), with
 * the card row before the answer: read by the upgrade to schema 5 and when old backups are restored.
 */
export const legacyReviewRowSchema = z.strictObject({
  id: z.number().int().positive(),
  cardKey: cardKeySchema,
  packId: z.string(),
  chapterId: z.string(),
  at: ms,
  rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  score: z.number(),
  correct: flag,
  /** What the student answered, as JSON text. */
  response: z.string(),
  responseMs: z.number(),
  stateBefore: cardStateSchema,
  /** The card row before this answer (undo put it back). */
  prev: storedCardRowSchema,
  dueAfter: ms,
});
/** A schema 1–4 review as stored; `id` was given by the database on insert. */
export type LegacyReviewRow = Omit<z.infer<typeof legacyReviewRowSchema>, 'id'> & { id?: number };

/**
 * Undo's snapshot of a card (schema 5, table `undo`, key `reviewId`): the row as it was before an
 * answer of the running session. Written with the answer, cleared at start-up when older than a day.
 */
export const undoRowSchema = z.strictObject({
  /** The answer it undoes. */
  reviewId: z.string(),
  cardKey: cardKeySchema,
  at: ms,
  prev: storedCardRowSchema,
});
export type UndoRow = z.infer<typeof undoRowSchema>;

/** A `reading` row: when a chapter was first and last opened, and where the student was. */
export const readingRowSchema = z.strictObject({
  /** `${packId}:${chapterId}` */
  key: z.string().min(1),
  packId: z.string(),
  chapterId: z.string(),
  firstOpenedAt: ms,
  lastOpenedAt: ms,
  lastSection: z.string().optional(),
});
export type ReadingRow = z.infer<typeof readingRowSchema>;

/** A `settings` row (any JSON value). */
export const settingRowSchema = z.strictObject({
  key: z.string().min(1),
  value: z.unknown(),
});
export type SettingRow = z.infer<typeof settingRowSchema>;

/** A `selftests` row (the state is checked by the self-test feature when read). */
export const selfTestRowSchema = z.strictObject({
  id: z.number().int().positive(),
  /** Packs the test drew from (the first one is the pack it is filed under in history). */
  packIds: z.array(z.string()),
  status: z.enum(['running', 'done']),
  startedAt: ms,
  finishedAt: ms.optional(),
  /** Score 0..1 once finished. */
  score: z.number().optional(),
  /** The test's full state (questions, answers, options, time left) as the self-test feature defines it. */
  state: z.unknown(),
});
/** A self-test as stored; `id` is given by the database on insert. */
export type SelfTestRow = Omit<z.infer<typeof selfTestRowSchema>, 'id'> & { id?: number };
