/**
 * Schema 1 → 2: questions move into chunk records; card rows of questions never studied (state New,
 * not suspended, not flagged) are dropped — a question without a card row is new; the other card rows
 * are rewritten so the database derives their index fields. Removed questions (kept for their
 * history) get orders after the live ones, so live orders run 0..n−1 chapter after chapter.
 * `convertV1Rows` is the rule; the in-place upgrade and the restore of a version 1 backup both use it.
 */
import type { Transaction } from 'dexie';
import { countChapters } from '../pack-rows';
import { chunkQuestionRows } from '../question-chunking';
import type { CardKey, CardRow, PackRow, QuestionChunkRow, QuestionRow } from '../rows';

/** A version 1 pack row (no per-chapter counts). */
export type PackRowV1 = Omit<PackRow, 'chapterCounts' | 'typeCounts'>;

/** Version 2 rows made from version 1 rows. */
export interface ConvertedV1 {
  packs: PackRow[];
  chunks: QuestionChunkRow[];
  /** Card rows kept (studied, suspended or flagged), with their question's new order. */
  cards: CardRow[];
  /** Keys of the card rows dropped (questions never studied: new without a row). */
  dropped: CardKey[];
}

/** Converts version 1 packs, questions and cards by the rule above (questions of absent packs are dropped). */
export function convertV1Rows(
  packs: readonly PackRowV1[],
  questions: readonly QuestionRow[],
  cards: readonly CardRow[],
): ConvertedV1 {
  const byPack = new Map<string, QuestionRow[]>();
  for (const q of questions) {
    const list = byPack.get(q.packId) ?? [];
    list.push(q);
    byPack.set(q.packId, list);
  }
  const newOrder = new Map<string, number>();
  const out: ConvertedV1 = { packs: [], chunks: [], cards: [], dropped: [] };
  for (const pack of packs) {
    const rows = [...(byPack.get(pack.id) ?? [])].sort((a, b) => a.order - b.order);
    const live = rows.filter((q) => q.removed === 0).map((q, order) => ({ ...q, order }));
    const removed = rows.filter((q) => q.removed !== 0).map((q, i) => ({ ...q, order: live.length + i }));
    for (const q of [...live, ...removed]) newOrder.set(q.key, q.order);
    out.chunks.push(...chunkQuestionRows(pack.id, [...live, ...removed]));
    out.packs.push({ ...pack, questionCount: live.length, ...countChapters(pack.chapters, live) });
  }
  for (const c of cards) {
    if (c.state === 0 && !c.suspended && !c.flagged) {
      out.dropped.push(c.key);
      continue;
    }
    const order = newOrder.get(c.key);
    out.cards.push(order === undefined ? c : { ...c, order });
  }
  return out;
}

/** Runs inside Dexie's version-change transaction. */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  const v2 = convertV1Rows(
    (await tx.table('packs').toArray()) as PackRowV1[],
    (await tx.table('questions').toArray()) as QuestionRow[],
    (await tx.table('cards').toArray()) as CardRow[],
  );
  await tx.table('packs').bulkPut(v2.packs);
  await tx.table('questionChunks').bulkAdd(v2.chunks);
  await tx.table('cards').bulkDelete(v2.dropped);
  await tx.table('cards').bulkPut(v2.cards);
}
