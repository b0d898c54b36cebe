/**
 * Restoring a version 1 backup (written before database schema 2) into today's tables, by the rules of
 * the in-place upgrade (`upgrade-v2.ts`): questions move into chunk records with live orders 0..n−1
 * (by their old order) and removed ones after them; cards take their question's new order, and card
 * rows of questions never studied (New, not suspended, not flagged) are dropped; pack rows get their
 * per-chapter counts. Reviews, reading, settings and self-tests are stored as they are.
 */
import type { BackupTableName } from '../core/backup';
import { countChapters } from './packs-repo';
import { chunkQuestionRows } from './question-chunks';
import type { CardRow, PackRow, QuestionRow } from './rows';

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
  const packs: Omit<PackRow, 'chapterCounts' | 'typeCounts'>[] = [];
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
      const byPack = new Map<string, QuestionRow[]>();
      for (const q of questions) {
        const list = byPack.get(q.packId) ?? [];
        list.push(q);
        byPack.set(q.packId, list);
      }
      const newOrder = new Map<string, number>();
      const chunks: unknown[] = [];
      const packRows: PackRow[] = [];
      for (const pack of packs) {
        // Questions whose pack is not in the backup are dropped, as the upgrade drops them.
        const rows = (byPack.get(pack.id) ?? []).sort((a, b) => a.order - b.order);
        const live = rows.filter((q) => q.removed === 0).map((q, order) => ({ ...q, order }));
        const removed = rows.filter((q) => q.removed !== 0).map((q, i) => ({ ...q, order: live.length + i }));
        for (const q of [...live, ...removed]) newOrder.set(q.key, q.order);
        chunks.push(...chunkQuestionRows(pack.id, [...live, ...removed]));
        packRows.push({ ...pack, questionCount: live.length, ...countChapters(pack.chapters, live) });
      }
      const started = cards
        .filter((c) => !(c.state === 0 && !c.suspended && !c.flagged))
        .map((c) => {
          const order = newOrder.get(c.key);
          return order === undefined ? c : { ...c, order };
        });
      return [
        { table: 'packs', rows: packRows },
        { table: 'questionChunks', rows: chunks },
        { table: 'cards', rows: started },
      ];
    },
  };
}
