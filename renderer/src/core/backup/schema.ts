/**
 * The backup file format, version 2: the rows of every table the user owns, as stored by database
 * schema 2 (questions a hundred to a `questionChunks` record; card rows only for studied, suspended or
 * flagged questions). One JSON document written a row per line, so it is written and read in parts:
 *
 * ```json
 * {"format":"lectern-backup","formatVersion":2,"createdAt":1773576000000,
 *  "app":{"name":"Lectern","version":"0.1.0"},"checksumAlgorithm":"cyrb64","tables":{
 * "packs":[
 * {…one row…},
 * {…}
 * ],
 * "questionChunks":[ … ], "cards":[ … ], "reading":[ … ], "settings":[ … ], "selftests":[ … ],
 * "reviews":[ … ]},
 * "counts":{"packs":1,…},
 * "checksums":{"packs":"…16 hex…",…}}
 * ```
 *
 * Counts and checksums come last because they are known only once every row is written; a file cut
 * short therefore never looks complete. Row schemas check structure (types, enums, required fields) and
 * refuse unknown fields; the file keeps each row as written (what they transform is not kept), so a
 * restored row is exactly the exported row. Pack content inside rows is checked with the schema that
 * validates a pack (chapters, discussions and every question fully), and card numbers within FSRS's
 * bounds: a checksum proves only that nobody changed the file since it was written, not that whoever
 * wrote it wrote rows the app can use (issue 19: a forged backup restored and then locked Study).
 * The database reads its rows through the same schemas (`db/row-guard.ts`).
 */
import { S_MAX } from 'ts-fsrs';
import { z } from 'zod';
import { chapterSchema, discussionSchema, QUESTION_TYPES, questionSchema } from '../pack/schema';
import { isReviewId, reviewIdTime } from '../revlog/review-id';

/** The value of `format` in every backup file. */
export const BACKUP_FORMAT = 'lectern-backup';
/**
 * The backup format version this build writes (it also reads versions 1 and 2). Version 3: the review
 * log's rows are database schema 5's compact rows (issue 16); versions 1 and 2 hold rows with the
 * card before each answer, converted when restored (`core/revlog/legacy.ts`).
 */
export const BACKUP_FORMAT_VERSION = 3;
/**
 * The tables of a version 2 backup, in the order they are written: the review log last, because it
 * is by far the largest and is read in parts after the others.
 */
export const BACKUP_TABLES = [
  'packs',
  'questionChunks',
  'cards',
  'reading',
  'settings',
  'selftests',
  'reviews',
] as const;
/** The name of a table in a version 2 backup. */
export type BackupTableName = (typeof BACKUP_TABLES)[number];

const ms = z.number();
const flag = z.union([z.literal(0), z.literal(1)]);
const fsrsState = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]);
const questionType = z.enum(QUESTION_TYPES as [string, ...string[]]);

const count = z.number().int().min(0);

/** A `packs` row (chapters and discussions checked as a pack's). */
export const packRowSchema = z.strictObject({
  id: z.string().min(1),
  title: z.string(),
  description: z.string().optional(),
  author: z.string().optional(),
  language: z.string(),
  license: z.string().optional(),
  version: z.string(),
  date: z.string().optional(),
  origin: z.enum(['bundled', 'imported']),
  format: z.enum(['lectern', 'gift', 'aiken', 'delimited']),
  fileName: z.string().optional(),
  chapters: z.array(chapterSchema),
  discussions: z.array(discussionSchema),
  questionCount: count,
  chapterCounts: z.record(z.string(), count),
  typeCounts: z.record(z.string(), z.partialRecord(questionType, count)),
  contentHash: z.string(),
  bundledHash: z.string().optional(),
  importedAt: ms,
  updatedAt: ms,
});

const questionRowFields = z.strictObject({
  key: z.string().min(3),
  packId: z.string(),
  id: z.string(),
  chapterId: z.string(),
  section: z.string(),
  type: questionType,
  order: z.number().int().min(0),
  question: questionSchema,
  /** Stored by database schema 1 only (rows it wrote keep it). */
  answerHash: z.string().optional(),
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
 * One question (inside a `questionChunks` row): the question checked as a pack's question, and its id,
 * type and section the row's.
 */
export const questionRowSchema = withQuestionMatchingRow(questionRowFields);
/** The fields of {@link questionRowSchema}, for versions that add to them. */
export const questionRowShape = questionRowFields;

/** A `questionChunks` row: up to a hundred questions of one pack, by order. */
export const questionChunkRowSchema = z.strictObject({
  packId: z.string().min(1),
  chunk: z.number().int().min(0),
  items: z.array(questionRowSchema),
});

/** FSRS keeps stability within (0, S_MAX] days and difficulty within [1, 10]; a new card has 0 for both. */
const cardFields = {
  key: z.string().min(3),
  packId: z.string(),
  chapterId: z.string(),
  order: z.number().int().min(0),
  state: fsrsState,
  due: ms,
  stability: z.number().min(0).max(S_MAX),
  difficulty: z.number().min(0).max(10),
  elapsedDays: z.number(),
  scheduledDays: z.number(),
  learningSteps: z.number().int().min(0),
  reps: z.number().int().min(0),
  lapses: z.number().int().min(0),
  lastReview: ms.nullable(),
  suspended: flag,
  flagged: flag,
  removed: flag,
  rev: z.number(),
};

/** A `cards` row, without the index fields the database derives on every write. */
export const cardRowSchema = z.strictObject(cardFields);

/** A card row as kept inside a review (`prev`): stored as read, so it may carry the index fields. */
export const storedCardRowSchema = z.strictObject({
  ...cardFields,
  dueKey: ms.optional(),
  startedOrder: z.number().optional(),
});

/** A `reviews` row of format 3 (database schema 5's `revlog` row). */
export const reviewRowSchema = z
  .strictObject({
    id: z.string().refine(isReviewId, 'not a review id (18 characters: the time, then a tag)'),
    cardKey: z.string().min(3),
    at: ms,
    rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    score: z.number(),
    correct: flag,
    responseMs: z.number(),
    stateBefore: fsrsState,
    stability: z.number(),
    difficulty: z.number(),
    dueAfter: ms,
    response: z.string().optional(),
  })
  .refine((r) => reviewIdTime(r.id) === Math.floor(r.at), {
    message: "the id does not begin with the review's time",
    path: ['id'],
  });

/** A `reviews` row of formats 1 and 2 (with the card row before the answer). */
export const legacyReviewRowSchema = z.strictObject({
  id: z.number().int().positive(),
  cardKey: z.string().min(3),
  packId: z.string(),
  chapterId: z.string(),
  at: ms,
  rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  score: z.number(),
  correct: flag,
  response: z.string(),
  responseMs: z.number(),
  stateBefore: fsrsState,
  prev: storedCardRowSchema,
  dueAfter: ms,
});

/** A `reading` row. */
export const readingRowSchema = z.strictObject({
  key: z.string().min(1),
  packId: z.string(),
  chapterId: z.string(),
  firstOpenedAt: ms,
  lastOpenedAt: ms,
  lastSection: z.string().optional(),
});

/** A `settings` row (any JSON value). */
export const settingRowSchema = z.strictObject({
  key: z.string().min(1),
  value: z.unknown(),
});

/** A `selftests` row (the state is checked by the self-test feature when read). */
export const selfTestRowSchema = z.strictObject({
  id: z.number().int().positive(),
  packIds: z.array(z.string()),
  status: z.enum(['running', 'done']),
  startedAt: ms,
  finishedAt: ms.optional(),
  score: z.number().optional(),
  state: z.unknown(),
});

/** Row schema of each table. */
export const BACKUP_ROW_SCHEMAS = {
  packs: packRowSchema,
  questionChunks: questionChunkRowSchema,
  cards: cardRowSchema,
  reading: readingRowSchema,
  settings: settingRowSchema,
  selftests: selfTestRowSchema,
  reviews: reviewRowSchema,
} as const satisfies Record<BackupTableName, z.ZodType>;

/** The rows of every version 2 table. */
export interface BackupTables {
  packs: z.infer<typeof packRowSchema>[];
  questionChunks: z.infer<typeof questionChunkRowSchema>[];
  cards: z.infer<typeof cardRowSchema>[];
  reading: z.infer<typeof readingRowSchema>[];
  settings: z.infer<typeof settingRowSchema>[];
  selftests: z.infer<typeof selfTestRowSchema>[];
  reviews: z.infer<typeof reviewRowSchema>[];
}

/** Rows per table of a version 2 backup. */
export type BackupCounts = Record<BackupTableName, number>;

/** What a backup holds, as the student sees it (the same figures for a backup and for the database). */
export interface BackupSummary {
  packs: number;
  /** Live questions (the sum of the packs' question counts). */
  questions: number;
  /** Questions with progress: studied, suspended or flagged. */
  cards: number;
  reviews: number;
  reading: number;
  settings: number;
  selftests: number;
}

/** Who wrote a backup, and when. */
export interface BackupOrigin {
  formatVersion: number;
  /** Epoch ms. */
  createdAt: number;
  app: { name: string; version: string };
}
