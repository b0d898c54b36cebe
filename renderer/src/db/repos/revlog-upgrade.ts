/**
 * Moves the review log of schema 4 (`reviews`: every row with the card before the answer) into
 * schema 5's compact log, after the database has opened, in bounded batches: each batch is one
 * read-write transaction that writes its reviews into the new log and deletes them from `reviews`,
 * so at every moment each review is in exactly one of the two. A kill between batches (or during
 * one: the batch rolls back) leaves a database that opens, and the next start resumes where it
 * stopped. The rows move in old-id order (the order they were answered in), so a batch leaves the
 * old table as one key range, and the days before yesterday it brings many reviews of go straight
 * into their day records (`revlogDays`), one write a day, as a merge's do (`addReviews`); the rest
 * stay rows for the log's upkeep, as today's and yesterday's do.
 * The memory state a review left is the next review's `prev` (in the batch, or the card's next row
 * still in the old table), or for a card's last review its card row (`core/revlog/legacy.ts`).
 */

import { dayOfId } from '../../core/revlog/day-blocks';
import { createLegacyReviewConverter, type MemoryAfter } from '../../core/revlog/legacy';
import { reviewIdBound } from '../../core/revlog/review-id';
import type { LecternDb } from '../schema/database';
import type { CardKey, LegacyReviewRow, MetaRow, ReviewRow } from '../schema/rows';
import { addReviews, rowsKeptFrom } from './revlog-repo';

/** Old rows moved per transaction: ~3 MB read; under a second on the loading screen here. */
export const UPGRADE_BATCH = 4000;
/** Reviews of one day a batch must bring for it to write them into the day's record. */
export const DAY_JOIN_MIN = 32;
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
  dayJoinMin = DAY_JOIN_MIN,
): Promise<{ done: number; total: number } | null> {
  return db.transaction('rw', [db.reviews, db.revlog, db.revlogDays, db.cards, db.meta], async () => {
    const stored = (await db.meta.get(REVLOG_UPGRADE_KEY)) as Progress | undefined;
    // From the id the last batch ended with: every row before it has moved. A range that starts
    // there skips the moved rows' tombstones, which LevelDB keeps until it compacts.
    const from = stored?.lastId;
    const rows = (await (from === undefined ? db.reviews.toCollection() : db.reviews.where(':id').above(from))
      .limit(batch)
      .toArray()) as LegacyReviewRow[];
    if (rows.length === 0 && from !== undefined && (await db.reviews.limit(1).primaryKeys()).length > 0) {
      // Nothing after the last id, yet rows before it (none is expected): moved from the start.
      delete (stored as Progress).lastId;
      await db.meta.put(stored as Progress);
      return { done: (stored as Progress).done, total: (stored as Progress).total };
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
    const first = rows[0]?.id as number;
    const last = rows[rows.length - 1]?.id as number;
    // The batch leaves the old table in one range delete (not a delete per row).
    await db.reviews.where(':id').between(first, last, true, true).delete();
    // The memory state each answer left: the card's next answer's `prev` — in this batch (the
    // converter a restore of formats 1 and 2 uses), or the card's next row still in the old table
    // (the first one there: every earlier one has moved) — or, for its last answer, the card row's.
    // (Rows left before the remembered id, which the batches never leave, would take the card row's
    // for an answer whose next one moved first.)
    const convert = createLegacyReviewConverter();
    const out: ReviewRow[] = convert.add(rows);
    const lastIdOf = new Map<CardKey, number>();
    for (const r of rows) lastIdOf.set(r.cardKey, Math.max(lastIdOf.get(r.cardKey) ?? 0, r.id as number));
    const keys = [...lastIdOf.keys()];
    // One request a card: the first row of the card left in the old table (rows before the
    // remembered id are looked past with a filtered walk).
    const nextOf = async (k: CardKey): Promise<LegacyReviewRow | undefined> => {
      const after = lastIdOf.get(k) as number;
      const ofCard = db.reviews.where('cardKey').equals(k);
      const first = (await ofCard.first()) as LegacyReviewRow | undefined;
      if (!first || (first.id as number) > after) return first;
      return (await ofCard.and((r) => (r.id as number) > after).first()) as LegacyReviewRow | undefined;
    };
    const [later, cards] = await Promise.all([Promise.all(keys.map(nextOf)), db.cards.bulkGet(keys)]);
    const known: ({ key: string } & MemoryAfter)[] = [];
    keys.forEach((key, i) => {
      const after = later[i]?.prev ?? cards[i];
      if (after) known.push({ key, stability: after.stability, difficulty: after.difficulty });
    });
    convert.noteCards(known);
    out.push(...convert.finish());
    // A day the batch brings many reviews of goes straight into its record (`addReviews`: one write
    // a day, not a record per review). Reviews of days it brings few of stay rows, for the log's
    // upkeep to move in time order (`compactReviewLog`): old ids in another order than answered (an
    // imported history) would otherwise rewrite hundreds of growing days in every batch.
    const cut = reviewIdBound(rowsKeptFrom(now));
    const byDay = new Map<number, ReviewRow[]>();
    const rowsLeft: ReviewRow[] = [];
    for (const r of out) {
      if (r.id >= cut) {
        rowsLeft.push(r);
        continue;
      }
      const day = dayOfId(r.id);
      const list = byDay.get(day);
      if (list) list.push(r);
      else byDay.set(day, [r]);
    }
    const joining: ReviewRow[] = [];
    for (const list of byDay.values()) (list.length >= dayJoinMin ? joining : rowsLeft).push(...list);
    await Promise.all([
      addReviews(db, joining, now),
      rowsLeft.length > 0 ? db.revlog.bulkPut(rowsLeft) : null,
    ]);
    progress.done += rows.length;
    progress.total = Math.max(progress.total, progress.done);
    progress.lastId = last;
    delete progress.lastCardKey;
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
  opts: { batch?: number; dayJoinMin?: number; onProgress?: UpgradeProgress; signal?: AbortSignal } = {},
): Promise<number> {
  let moved = 0;
  for (;;) {
    if (opts.signal?.aborted) return moved;
    const step = await moveReviewBatch(db, opts.batch, Date.now(), opts.dayJoinMin);
    if (!step) return moved;
    moved = step.done;
    opts.onProgress?.(step.done, step.total);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
