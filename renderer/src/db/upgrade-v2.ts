/**
 * Schema 1 → 2: questions move into chunk records; card rows of questions never studied (state New,
 * not suspended, not flagged) are dropped — a question without a card row is new; the other card rows
 * are rewritten so the database derives their index fields. Removed questions (kept for their
 * history) get orders after the live ones, so live orders run 0..n−1 chapter after chapter.
 */
import type { Transaction } from 'dexie';
import { countChapters } from './packs-repo';
import { chunkQuestionRows } from './question-chunks';
import type { CardRow, PackRow, QuestionRow } from './rows';

/** Runs inside Dexie's version-change transaction. */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  const packs = (await tx.table('packs').toArray()) as PackRow[];
  const questions = (await tx.table('questions').toArray()) as QuestionRow[];
  const cards = (await tx.table('cards').toArray()) as CardRow[];
  const cardByKey = new Map(cards.map((c) => [c.key, c]));
  const byPack = new Map<string, QuestionRow[]>();
  for (const q of questions) {
    const list = byPack.get(q.packId) ?? [];
    list.push(q);
    byPack.set(q.packId, list);
  }
  const chunks = [];
  const packRows: PackRow[] = [];
  for (const pack of packs) {
    const rows = (byPack.get(pack.id) ?? []).sort((a, b) => a.order - b.order);
    const live = rows.filter((q) => q.removed === 0).map((q, order) => ({ ...q, order }));
    const removed = rows.filter((q) => q.removed !== 0).map((q, i) => ({ ...q, order: live.length + i }));
    for (const q of [...live, ...removed]) {
      const card = cardByKey.get(q.key);
      if (card) card.order = q.order;
    }
    chunks.push(...chunkQuestionRows(pack.id, [...live, ...removed]));
    packRows.push({ ...pack, questionCount: live.length, ...countChapters(pack.chapters, live) });
  }
  const unstudied = (c: CardRow) => c.state === 0 && !c.suspended && !c.flagged;
  await tx.table('packs').bulkPut(packRows);
  await tx.table('questionChunks').bulkAdd(chunks);
  await tx.table('cards').bulkDelete(cards.filter(unstudied).map((c) => c.key));
  await tx.table('cards').bulkPut(cards.filter((c) => !unstudied(c)));
}
