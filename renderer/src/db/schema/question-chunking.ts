/** How questions are grouped into `questionChunks` records, a hundred by `order` (pure). */
import type { QuestionChunkRow, QuestionRow } from './rows';

/** Questions per chunk record. */
export const QUESTION_CHUNK = 100;

/** The chunk holding `order`. */
export function chunkOf(order: number): number {
  return Math.floor(order / QUESTION_CHUNK);
}

/** Splits a pack's question rows (any order) into chunk records, each sorted by order. */
export function chunkQuestionRows(packId: string, rows: readonly QuestionRow[]): QuestionChunkRow[] {
  const byChunk = new Map<number, QuestionRow[]>();
  for (const r of rows) {
    const c = chunkOf(r.order);
    const list = byChunk.get(c) ?? [];
    list.push(r);
    byChunk.set(c, list);
  }
  return [...byChunk.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([chunk, items]) => ({ packId, chunk, items: items.sort((a, b) => a.order - b.order) }));
}
