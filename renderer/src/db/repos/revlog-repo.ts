/**
 * The review log (schema 5, table `revlog`): the reads other repositories share, and keeping what
 * the student answered only for the days the settings say.
 */
import type { Collection } from 'dexie';
import { reviewIdBound } from '../../core/revlog/review-id';
import type { LecternDb } from '../schema/database';
import type { EpochMs, ReviewRow } from '../schema/rows';

/** The review rows of a pack's cards (card keys are `${packId}:${questionId}`). */
export function packReviews(db: LecternDb, packId: string): Collection<ReviewRow, string> {
  return db.revlog.where('cardKey').between(`${packId}:`, `${packId}:\uffff`, true, true);
}

/**
 * Rows read per page by {@link forEachReviewPage}: small enough that decoding a page stays a short
 * task (4,000 made tasks of ~120 ms here; 1,500 stay under 80 ms).
 */
const READ_PAGE = 1500;

/**
 * Reads the whole review log in pages of rows in id (time) order, handing each page to `fn` and
 * yielding to the page between them: bulk reads (one request a page, not one a row as a cursor
 * makes: 97k reviews in ~3 s here against 5.4 s), and no long task however long the log.
 */
export async function forEachReviewPage(
  db: LecternDb,
  fn: (rows: ReviewRow[]) => void,
  page = READ_PAGE,
): Promise<void> {
  let after: string | null = null;
  for (;;) {
    const rows: ReviewRow[] = await (after === null
      ? db.revlog.orderBy(':id')
      : db.revlog.where(':id').above(after)
    )
      .limit(page)
      .toArray();
    if (rows.length === 0) return;
    fn(rows);
    after = rows[rows.length - 1]?.id ?? null;
    if (rows.length < page || after === null) return;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** Rows rewritten per transaction while dropping old answers. */
const PRUNE_BATCH = 2000;

/**
 * Drops what the student answered from reviews answered before `before` (the "keep answers" setting),
 * in short transactions of {@link PRUNE_BATCH} rows, oldest first; the numbers stay. Resolves to how
 * many rows lost their answer. Cheap when nothing is left to drop: one key-range read.
 */
export async function pruneOldResponses(db: LecternDb, before: EpochMs): Promise<number> {
  let pruned = 0;
  let after = '';
  for (;;) {
    const { count, last } = await db.transaction('rw', db.revlog, async () => {
      const rows = await db.revlog
        .where(':id')
        .between(after, reviewIdBound(before), false, false)
        .limit(PRUNE_BATCH)
        .toArray();
      const stripped = rows.filter((r) => r.response !== undefined).map(({ response: _r, ...rest }) => rest);
      if (stripped.length > 0) await db.revlog.bulkPut(stripped);
      return {
        count: stripped.length,
        last: rows.length === PRUNE_BATCH ? rows[rows.length - 1]?.id : undefined,
      };
    });
    pruned += count;
    if (last === undefined) return pruned;
    after = last;
  }
}
