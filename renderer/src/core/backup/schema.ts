/**
 * The backup file format, version 1: the rows of every table the user owns, as stored.
 *
 * ```json
 * { "format": "lectern-backup", "formatVersion": 1, "createdAt": 1773576000000,
 *   "app": { "name": "Lectern", "version": "0.1.0" },
 *   "counts": { "packs": 1, "questions": 64, ... },
 *   "checksumAlgorithm": "cyrb64", "checksums": { "packs": "…16 hex…", ... },
 *   "tables": { "packs": [...], "questions": [...], "cards": [...], "reviews": [...],
 *               "reading": [...], "settings": [...], "selftests": [...] } }
 * ```
 *
 * Row schemas check structure (types, enums, required fields) and refuse unknown fields; they do not
 * transform anything, so a restored row is exactly the exported row. Pack content inside rows (chapters,
 * questions) is checked loosely: it was validated when the pack was imported, and the checksum
 * guarantees it was not changed since.
 */
import { z } from 'zod';
import { QUESTION_TYPES } from '../pack/schema';

/** The value of `format` in every backup file. */
export const BACKUP_FORMAT = 'lectern-backup';
/** The backup format version this build writes and reads. */
export const BACKUP_FORMAT_VERSION = 1;
/** The tables a backup holds, in the order they are written and restored. */
export const BACKUP_TABLES = [
  'packs',
  'questions',
  'cards',
  'reviews',
  'reading',
  'settings',
  'selftests',
] as const;
/** The name of a table in a backup. */
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
  questionCount: z.number().int().min(0),
  contentHash: z.string(),
  importedAt: ms,
  updatedAt: ms,
});

/** A `questions` row (the question itself checked loosely). */
export const questionRowSchema = z.strictObject({
  key: z.string().min(3),
  packId: z.string(),
  id: z.string(),
  chapterId: z.string(),
  section: z.string(),
  type: questionType,
  order: z.number(),
  question: z.looseObject({ id: z.string(), type: questionType, section: z.string() }),
  answerHash: z.string(),
  removed: flag,
});

/** A `cards` row. */
export const cardRowSchema = z.strictObject({
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
});

/** A `reviews` row (with the card state before the answer). */
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
  prev: cardRowSchema,
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
  questions: questionRowSchema,
  cards: cardRowSchema,
  reviews: reviewRowSchema,
  reading: readingRowSchema,
  settings: settingRowSchema,
  selftests: selfTestRowSchema,
} as const satisfies Record<BackupTableName, z.ZodType>;

/** The primary key field of each table (duplicates are refused before anything is written). */
export const BACKUP_PRIMARY_KEYS = {
  packs: 'id',
  questions: 'key',
  cards: 'key',
  reviews: 'id',
  reading: 'key',
  settings: 'key',
  selftests: 'id',
} as const satisfies Record<BackupTableName, string>;

/** The rows of every table. */
export interface BackupTables {
  packs: z.infer<typeof packRowSchema>[];
  questions: z.infer<typeof questionRowSchema>[];
  cards: z.infer<typeof cardRowSchema>[];
  reviews: z.infer<typeof reviewRowSchema>[];
  reading: z.infer<typeof readingRowSchema>[];
  settings: z.infer<typeof settingRowSchema>[];
  selftests: z.infer<typeof selfTestRowSchema>[];
}

/** Rows per table. */
export type BackupCounts = Record<BackupTableName, number>;

/** The header of a backup file (everything but the tables). */
export const backupHeaderSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  createdAt: ms,
  app: z.object({ name: z.string(), version: z.string() }),
  counts: z.strictObject(
    Object.fromEntries(BACKUP_TABLES.map((t) => [t, z.number().int().min(0)])) as Record<
      BackupTableName,
      z.ZodNumber
    >,
  ),
  checksumAlgorithm: z.string(),
  checksums: z.strictObject(
    Object.fromEntries(BACKUP_TABLES.map((t) => [t, z.string()])) as Record<BackupTableName, z.ZodString>,
  ),
});

/** A parsed, verified backup. */
export interface Backup extends z.infer<typeof backupHeaderSchema> {
  tables: BackupTables;
}
