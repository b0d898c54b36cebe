/**
 * The backup file format, version 1 (written by Lectern before database schema 2): one JSON document
 * whose header (counts and checksums included) comes before the tables, with one `questions` row per
 * question and a `cards` row for every question. Read only: version 1 files are converted to version 2
 * rows when restored (see `db/schema/upgrades/backup-v1.ts`).
 */
import { z } from 'zod';
import {
  cardRowSchema,
  packRowSchema,
  questionRowShape,
  withQuestionMatchingRow,
} from '../../db/schema/rows';
import { BACKUP_ROW_SCHEMAS, type RowsOf } from './schema';

/** The tables of a version 1 backup, in the order they were written. */
export const BACKUP_V1_TABLES = [
  'packs',
  'questions',
  'cards',
  'reviews',
  'reading',
  'settings',
  'selftests',
] as const;
/** The name of a table in a version 1 backup. */
export type BackupV1TableName = (typeof BACKUP_V1_TABLES)[number];

/** A version 1 `packs` row: no per-chapter counts yet (they are computed on restore). */
export const packRowV1Schema = packRowSchema.omit({ chapterCounts: true, typeCounts: true });

/** A version 1 `questions` row: one question, with the hash of what makes its answer correct. */
export const questionRowV1Schema = withQuestionMatchingRow(
  questionRowShape.extend({ answerHash: z.string() }),
);

/** A version 1 `reviews` row: its `prev` card row has no index fields. */
export const reviewRowV1Schema = z.strictObject({
  id: z.number().int().positive(),
  cardKey: z.string().min(3),
  packId: z.string(),
  chapterId: z.string(),
  at: z.number(),
  rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  score: z.number(),
  correct: z.union([z.literal(0), z.literal(1)]),
  response: z.string(),
  responseMs: z.number(),
  stateBefore: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
  prev: cardRowSchema,
  dueAfter: z.number(),
});

const { cards, reading, settings, selftests } = BACKUP_ROW_SCHEMAS;

/** Row schema of each version 1 table: cards, reading, settings and self-tests are as in version 2. */
export const BACKUP_V1_ROW_SCHEMAS = {
  packs: packRowV1Schema,
  questions: questionRowV1Schema,
  reviews: reviewRowV1Schema,
  cards,
  reading,
  settings,
  selftests,
} as const satisfies Record<BackupV1TableName, z.ZodType>;

/** The rows of every version 1 table. */
export type BackupV1Tables = RowsOf<typeof BACKUP_V1_ROW_SCHEMAS>;
