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
 * refuse unknown fields; they transform nothing, so a restored row is exactly the exported row. Pack
 * content inside rows is checked loosely: it was validated when the pack was imported, and the
 * checksum guarantees it was not changed since.
 */
import { z } from 'zod';
import { QUESTION_TYPES } from '../pack/schema';

/** The value of `format` in every backup file. */
export const BACKUP_FORMAT = 'lectern-backup';
/** The backup format version this build writes (it also reads version 1). */
export const BACKUP_FORMAT_VERSION = 2;
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

const sectionShape = z.looseObject({ id: z.string(), title: z.string(), body: z.string() });
const chapterShape = z.looseObject({ id: z.string(), title: z.string(), sections: z.array(sectionShape) });
const discussionShape = z.looseObject({
  id: z.string(),
  prompt: z.string(),
  points: z.array(z.string()),
  sections: z.array(z.string()),
});
const count = z.number().int().min(0);

/** A `packs` row (chapters and discussions checked loosely). */
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
  chapters: z.array(chapterShape),
  discussions: z.array(discussionShape),
  questionCount: count,
  chapterCounts: z.record(z.string(), count),
  typeCounts: z.record(z.string(), z.partialRecord(questionType, count)),
  contentHash: z.string(),
  bundledHash: z.string().optional(),
  importedAt: ms,
  updatedAt: ms,
});

/** One question (inside a `questionChunks` row; the question itself checked loosely). */
export const questionRowSchema = z.strictObject({
  key: z.string().min(3),
  packId: z.string(),
  id: z.string(),
  chapterId: z.string(),
  section: z.string(),
  type: questionType,
  order: z.number(),
  question: z.looseObject({ id: z.string(), type: questionType, section: z.string() }),
  /** Stored by database schema 1 only (rows it wrote keep it). */
  answerHash: z.string().optional(),
  removed: flag,
});

/** A `questionChunks` row: up to a hundred questions of one pack, by order. */
export const questionChunkRowSchema = z.strictObject({
  packId: z.string().min(1),
  chunk: z.number().int().min(0),
  items: z.array(questionRowSchema),
});

const cardFields = {
  key: z.string().min(3),
  packId: z.string(),
  chapterId: z.string(),
  order: z.number(),
  state: fsrsState,
  due: ms,
  stability: z.number(),
  difficulty: z.number(),
  elapsedDays: z.number(),
  scheduledDays: z.number(),
  learningSteps: z.number(),
  reps: z.number(),
  lapses: z.number(),
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

/** A `reviews` row (with the card row before the answer). */
export const reviewRowSchema = z.strictObject({
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
