/**
 * Reading and writing a pack's questions, stored a hundred to a record by `order` (chunk =
 * ⌊order / QUESTION_CHUNK⌋). Writers replace a pack's chunks whole; readers find a question from its
 * pack and order (card rows, self-tests and queues carry both) and check its key, falling back to a
 * scan of the pack when the order is stale.
 */
import type { LecternDb } from '../schema/database';
import { chunkOf, chunkQuestionRows } from '../schema/question-chunking';
import type { CardKey, QuestionRow } from '../schema/rows';

/** Every chunk key of a pack (for ranges over the `[packId+chunk]` primary key). */
function packRange(db: LecternDb, packId: string) {
  return db.questionChunks
    .where('[packId+chunk]')
    .between([packId, Number.NEGATIVE_INFINITY], [packId, Number.POSITIVE_INFINITY], true, true);
}

/**
 * Replaces every stored question of `packId` with `rows` (call inside a rw transaction on
 * `questionChunks`). `onProgress` gets the fraction written after each batch of chunks.
 */
export async function writePackQuestions(
  db: LecternDb,
  packId: string,
  rows: readonly QuestionRow[],
  onProgress?: (fraction: number) => void,
): Promise<void> {
  await packRange(db, packId).delete();
  const chunks = chunkQuestionRows(packId, rows);
  const BATCH = 50;
  for (let i = 0; i < chunks.length; i += BATCH) {
    await db.questionChunks.bulkAdd(chunks.slice(i, i + BATCH));
    onProgress?.(Math.min(1, (i + BATCH) / chunks.length));
  }
  onProgress?.(1);
}

/** Deletes every stored question of `packId`. */
export async function deletePackQuestions(db: LecternDb, packId: string): Promise<void> {
  await packRange(db, packId).delete();
}

/** Every stored question of `packId` (removed ones too), in order. */
export async function readPackQuestions(db: LecternDb, packId: string): Promise<QuestionRow[]> {
  const chunks = await packRange(db, packId).toArray();
  return chunks.flatMap((c) => c.items);
}

/** The questions of `packId` with order in [from, to] (inclusive), in order. */
export async function readQuestionRange(
  db: LecternDb,
  packId: string,
  from: number,
  to: number,
): Promise<QuestionRow[]> {
  if (to < from) return [];
  const chunks = await db.questionChunks
    .where('[packId+chunk]')
    .between([packId, chunkOf(from)], [packId, chunkOf(to)], true, true)
    .toArray();
  return chunks.flatMap((c) => c.items).filter((q) => q.order >= from && q.order <= to);
}

/** Where to look a question up: its key, and the order it had when the reference was made. */
export interface QuestionRef {
  key: CardKey;
  order: number;
}

/**
 * The questions of `refs` by key (absent keys are missing from the map). Reads each needed chunk
 * once; a key not in its order's chunk (the pack was updated since) is found by a scan of its pack.
 */
export async function readQuestions(
  db: LecternDb,
  refs: readonly QuestionRef[],
): Promise<Map<CardKey, QuestionRow>> {
  const out = new Map<CardKey, QuestionRow>();
  if (refs.length === 0) return out;
  const packOf = (key: CardKey) => key.slice(0, key.indexOf(':'));
  const wanted = new Map<string, [string, number]>();
  for (const r of refs) {
    const pk: [string, number] = [packOf(r.key), chunkOf(r.order)];
    wanted.set(`${pk[0]}\u0000${pk[1]}`, pk);
  }
  const keys = [...wanted.values()];
  const wantedKeys = new Set(refs.map((r) => r.key));
  const take = (q: QuestionRow) => {
    if (wantedKeys.has(q.key)) out.set(q.key, q);
  };
  const chunks = await db.questionChunks.bulkGet(keys);
  for (const c of chunks) for (const q of c?.items ?? []) take(q);
  const missing = new Set(refs.filter((r) => !out.has(r.key)).map((r) => packOf(r.key)));
  for (const packId of missing) for (const q of await readPackQuestions(db, packId)) take(q);
  return out;
}
