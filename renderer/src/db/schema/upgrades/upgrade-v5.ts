/**
 * Moves the review log of schema 4 (`reviews`: every row with the card before the answer) into
 * schema 5's compact `revlog`, after the database has opened, in bounded batches: each batch is one
 * read-write transaction that adds its rows to `revlog` and deletes them from `reviews`, so at every
 * moment each review is in exactly one of the two tables. A kill between batches (or during one: the
 * batch rolls back) leaves a database that opens, and the next start resumes where it stopped. The
 * rows move in card order (the `cardKey` index: a card's reviews together, oldest first), so the
 * memory state a review left is at hand: the next review's `prev`, or for a card's last review its
 * card row (`core/revlog/legacy.ts`).
 */
import { convertLegacyReview, type MemoryAfter } from '../../../core/revlog/legacy';
import type { LecternDb } from '../database';
import type { CardKey, LegacyReviewRow, MetaRow, ReviewRow } from '../rows';

/** Old rows moved per transaction: ~0.7 MB read, a short pause for the page. */
export const UPGRADE_BATCH = 1000;
/** The key of the upgrade's progress in `meta`. */
export const REVLOG_UPGRADE_KEY = 'revlog-upgrade' as const;

/** Progress of the upgrade: reviews moved of all. */
export type UpgradeProgress = (done: number, total: number) => void;

type Progress = Extract<MetaRow, { key: typeof REVLOG_UPGRADE_KEY }>;

/** Whether schema 4 reviews are still waiting to move (cheap: one key read). */
export async function revlogUpgradePending(db: LecternDb): Promise<boolean> {
  return (await db.reviews.limit(1).primaryKeys()).length > 0;
}

/**
 * Moves one batch (at most `batch` rows); resolves to the progress after it, or null when nothing
 * was left to move (then the progress record is removed).
 */
export async function moveReviewBatch(
  db: LecternDb,
  batch = UPGRADE_BATCH,
  now = Date.now(),
): Promise<{ done: number; total: number } | null> {
  return db.transaction('rw', [db.reviews, db.revlog, db.cards, db.meta], async () => {
    const stored = (await db.meta.get(REVLOG_UPGRADE_KEY)) as Progress | undefined;
    // From the card the last batch ended with, not from the start: the moved rows are deleted, and
    // LevelDB keeps their index entries as tombstones until it compacts, which a scan from the start
    // walks over again in every batch (measured in this Chromium: batches grew from 0.9 to 2.2 s over
    // 60k rows; from the last card they stay ~0.2 s). Every card before it has moved.
    const from = stored?.lastCardKey;
    // One more than the batch: the next row tells whether the batch's last card goes on.
    const rows = (await (from === undefined
      ? db.reviews.orderBy('cardKey')
      : db.reviews.where('cardKey').aboveOrEqual(from)
    )
      .limit(batch + 1)
      .toArray()) as LegacyReviewRow[];
    if (rows.length === 0 && stored && from !== undefined) {
      // Nothing from the last card on: any row before it (none is expected) is moved from the start.
      if ((await db.reviews.limit(1).primaryKeys()).length > 0) {
        delete stored.lastCardKey;
        await db.meta.put(stored);
        return { done: stored.done, total: stored.total };
      }
    }
    if (rows.length === 0) {
      if (stored) {
        await db.meta.delete(REVLOG_UPGRADE_KEY);
        // Empty already, but a clear is a range delete: Chromium then compacts the store's key range,
        // giving the old rows' space back on disk (single deletes wait for LevelDB to get to them).
        await db.reviews.clear();
      }
      return null;
    }
    const progress: Progress = stored ?? {
      key: REVLOG_UPGRADE_KEY,
      total: await db.reviews.count(),
      done: 0,
      startedAt: now,
    };
    const moving = rows.slice(0, batch);
    const lastKeys = new Set<CardKey>();
    moving.forEach((r, i) => {
      const next = rows[i + 1];
      if (!next || next.cardKey !== r.cardKey) lastKeys.add(r.cardKey);
    });
    // A card's last review left the memory state its card row holds (the row after it in the batch
    // is its next review otherwise). Only when the batch holds all the card's remaining reviews:
    // with rows.length > batch the last card's next review is `rows[batch]`.
    const keys = [...lastKeys];
    const cards = await db.cards.bulkGet(keys);
    const cardAfter = new Map<string, MemoryAfter>();
    keys.forEach((k, i) => {
      const c = cards[i];
      if (c) cardAfter.set(k, { stability: c.stability, difficulty: c.difficulty });
    });
    const out: ReviewRow[] = moving.map((r, i) => {
      const next = rows[i + 1];
      const after =
        next && next.cardKey === r.cardKey
          ? { stability: next.prev.stability, difficulty: next.prev.difficulty }
          : cardAfter.get(r.cardKey);
      return convertLegacyReview(r, r.id ?? 0, after);
    });
    // Put, not add: a batch repeated after a crash that somehow kept both writes stays one row each.
    await db.revlog.bulkPut(out);
    await db.reviews.bulkDelete(moving.map((r) => r.id as number));
    progress.done += moving.length;
    progress.total = Math.max(progress.total, progress.done);
    const lastCard = moving[moving.length - 1]?.cardKey;
    if (lastCard !== undefined) progress.lastCardKey = lastCard;
    await db.meta.put(progress);
    return { done: progress.done, total: progress.total };
  });
}

/**
 * Moves every schema 4 review (see the file comment), calling `onProgress` after each batch and
 * yielding to the page between batches. `signal` stops it between batches (what moved stays moved;
 * the next start goes on). Resolves to how many reviews moved.
 */
export async function upgradeReviewLog(
  db: LecternDb,
  opts: { batch?: number; onProgress?: UpgradeProgress; signal?: AbortSignal } = {},
): Promise<number> {
  let moved = 0;
  for (;;) {
    if (opts.signal?.aborted) return moved;
    const step = await moveReviewBatch(db, opts.batch);
    if (!step) return moved;
    moved = step.done;
    opts.onProgress?.(step.done, step.total);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
