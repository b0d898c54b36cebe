/**
 * Restoring a version 1 backup (written before database schema 2) into today's tables, by the rule of
 * the in-place upgrade (`convertV1Rows` in `upgrade-v2.ts`): questions move into chunk records with live orders 0..n−1
 * (by their old order) and removed ones after them; cards take their question's new order, and card
 * rows of questions never studied (New, not suspended, not flagged) are dropped; pack rows get their
 * per-chapter counts. Reviews, reading, settings and self-tests are stored as they are.
 */
import type { BackupTableName } from '../../../core/backup';
import type { CardRow, QuestionRow } from '../rows';
import { convertV1Rows, type PackRowV1 } from './upgrade-v2';

/** Rows to store in one table. */
export interface TableRows {
  table: BackupTableName;
  rows: unknown[];
}

/** Turns verified version 1 rows into version 2 rows. */
export interface V1Converter {
  /** Converts rows of `table`; what can be stored at once is returned, the rest waits for `finish`. */
  add(table: string, rows: readonly unknown[]): TableRows[];
  /** The rows that needed the whole file: packs, question chunks and cards. */
  finish(): TableRows[];
}

const PASSED_THROUGH = new Set<string>(['reviews', 'reading', 'settings', 'selftests']);

/** Creates a converter for one version 1 backup (packs, questions and cards are held until `finish`). */
export function createV1Converter(): V1Converter {
  const packs: PackRowV1[] = [];
  const questions: QuestionRow[] = [];
  const cards: CardRow[] = [];
  return {
    add(table, rows) {
      if (PASSED_THROUGH.has(table)) return [{ table: table as BackupTableName, rows: [...rows] }];
      const into = (table === 'packs' ? packs : table === 'questions' ? questions : cards) as unknown[];
      for (const r of rows) into.push(r);
      return [];
    },
    finish() {
      const v2 = convertV1Rows(packs, questions, cards);
      return [
        { table: 'packs', rows: v2.packs },
        { table: 'questionChunks', rows: v2.chunks },
        { table: 'cards', rows: v2.cards },
      ];
    },
  };
}
