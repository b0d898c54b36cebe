/**
 * The rest of a study queue, read after its first cards are shown (see `loadQueueInput`'s
 * `firstReviews`): the next due reviews a page at a time, the learning cards due later, and when the
 * next learning card falls due.
 */
import type { LecternDb } from '../schema/database';
import type { CardRow, EpochMs } from '../schema/rows';
import { firstLearningAfter, type ReviewsToLoad, reviewsCursor, scheduledRange } from './study-index-ranges';

/** The earliest due of a learning or relearning card of `packIds` after `after` (optionally one chapter), or null. */
export async function loadNextLearningDue(
  db: LecternDb,
  packIds: readonly string[],
  after: EpochMs,
  chapterId?: string,
): Promise<EpochMs | null> {
  return db.transaction('r', db.cards, async () => {
    const dues = await Promise.all(packIds.map((p) => firstLearningAfter(db, p, after, chapterId)));
    const found = dues.filter((d): d is number => d !== null);
    return found.length > 0 ? Math.min(...found) : null;
  });
}

/**
 * The next due reviews of a pack after `more` (at most `limit`, and at most `more.left`), in due
 * order, with where they leave off (null when the pack has no more due by `cutoff` or its limit is
 * reached). One read transaction.
 */
export async function loadMoreReviews(
  db: LecternDb,
  more: ReviewsToLoad,
  cutoff: EpochMs,
  limit: number,
): Promise<{ rows: CardRow[]; more: ReviewsToLoad | null }> {
  const want = Math.max(0, Math.min(limit, more.left));
  if (want === 0) return { rows: [], more: null };
  const skip = new Set<string>(more.keysAtDue);
  const read = await db.transaction('r', db.cards, () =>
    scheduledRange(db, more.packId, 2, more.afterDue, cutoff)
      .limit(want + skip.size)
      .toArray(),
  );
  const rows = read.filter((r) => !skip.has(r.key)).slice(0, want);
  const done = read.length < want + skip.size;
  return { rows, more: done ? null : reviewsCursor(more.packId, rows, more.left - rows.length, more) };
}

/**
 * Learning and relearning cards of `packIds` due in (`after`, `until`], optionally of one chapter
 * (the queue's first load takes those due by now; these join as the session goes on).
 */
export async function loadLearningBetween(
  db: LecternDb,
  packIds: readonly string[],
  after: EpochMs,
  until: EpochMs,
  chapterId?: string,
): Promise<CardRow[]> {
  if (!(until > after)) return [];
  return db.transaction('r', db.cards, async () => {
    const ranges = packIds.flatMap((packId) =>
      [1, 3].map((state) =>
        db.cards
          .where('[packId+state+dueKey]')
          .between([packId, state, after], [packId, state, until], false, true)
          .toArray(),
      ),
    );
    const rows = (await Promise.all(ranges)).flat();
    return chapterId === undefined ? rows : rows.filter((c) => c.chapterId === chapterId);
  });
}
