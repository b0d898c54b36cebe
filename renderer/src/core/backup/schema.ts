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
 * The database reads its rows through the same schemas (`db/schema/middleware/row-guard.ts`).
 */
import type { z } from 'zod';
import {
  cardRowSchema,
  packRowSchema,
  questionChunkRowSchema,
  readingRowSchema,
  reviewRowSchema,
  selfTestRowSchema,
  settingRowSchema,
} from '../../db/schema/rows';

/** The value of `format` in every backup file. */
export const BACKUP_FORMAT = 'lectern-backup';
/**
 * The backup format version this build writes (it also reads versions 1 and 2). Version 3 is version
 * 2's document with rows as arrays (`columns.ts`), gzip-compressed (`gzip.ts`), and its review log's
 * rows are database schema 5's compact rows (issue 16); versions 1 and 2 hold rows with the card before
 * each answer, converted when restored (`core/revlog/legacy.ts`). Version 4 is version 3 with the
 * review log in blocks of delta-coded columns (`review-blocks.ts`): the same rows, ~4× smaller.
 */
export const BACKUP_FORMAT_VERSION = 4;
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

/** The rows of each table, typed by its row schema (in `schemas`). */
export type RowsOf<Schemas extends Record<string, z.ZodType>> = {
  [T in keyof Schemas]: z.infer<Schemas[T]>[];
};

/** The rows of every version 2 table. */
export type BackupTables = RowsOf<typeof BACKUP_ROW_SCHEMAS>;

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
