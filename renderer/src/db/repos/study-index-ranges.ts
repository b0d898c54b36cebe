/**
 * The card index ranges the study queue reads (schema v2, see `db.ts`): scheduled cards by
 * `[packId+state+dueKey]`, started cards by `[packId+chapterId+startedOrder]`, and where a paged
 * read of due reviews left off. Shared by `study-queue-repo`, `study-queue-rest` and the counts.
 */
import type { LecternDb } from '../schema/database';
import type { CardKey, CardRow, EpochMs } from '../schema/rows';

/** Where the due reviews of a pack left off: load the next ones with {@link loadMoreReviews}. */
export interface ReviewsToLoad {
  packId: string;
  /** How many more the pack's limit allows. */
  left: number;
  /** The due of the last review loaded … */
  afterDue: EpochMs;
  /** … and the keys loaded with that due (ties are read again and skipped). */
  keysAtDue: CardKey[];
}

// Every component of these indexes after the ids is a number, so ±Infinity bound them. (Dexie.maxKey
// is one shared array: using it twice in one compound key reads as a cycle to IndexedDB.)
export const MIN = Number.NEGATIVE_INFINITY;
export const MAX = Number.POSITIVE_INFINITY;

/** Scheduled cards of `packId` in `state` with due in [from, to]. */
export function scheduledRange(db: LecternDb, packId: string, state: number, from: number, to: number) {
  return db.cards
    .where('[packId+state+dueKey]')
    .between([packId, state, from], [packId, state, to], true, true);
}

/** Started (studied or suspended, not removed) cards of a chapter with order in [from, to]. */
export function startedRange(db: LecternDb, packId: string, chapterId: string, from: number, to: number) {
  return db.cards
    .where('[packId+chapterId+startedOrder]')
    .between([packId, chapterId, from], [packId, chapterId, to], true, true);
}

/** Where loading `rows` (due reviews in due order, `left` allowed in all) leaves off, or null when done. */
export function reviewsCursor(
  packId: string,
  rows: readonly CardRow[],
  left: number,
  before: Pick<ReviewsToLoad, 'afterDue' | 'keysAtDue'> | null,
): ReviewsToLoad | null {
  const last = rows[rows.length - 1];
  if (!last || left <= 0) return null;
  const atDue = rows.filter((r) => r.due === last.due).map((r) => r.key);
  const keysAtDue = before && before.afterDue === last.due ? [...before.keysAtDue, ...atDue] : atDue;
  return { packId, left, afterDue: last.due, keysAtDue };
}

/** The earliest due of a learning or relearning card of `packId` after `after`, or null. */
export async function firstLearningAfter(
  db: LecternDb,
  packId: string,
  after: EpochMs,
  chapterId: string | undefined,
): Promise<EpochMs | null> {
  const first = (state: number) => {
    const range = db.cards
      .where('[packId+state+dueKey]')
      .between([packId, state, after], [packId, state, MAX], false, true);
    return chapterId === undefined ? range.first() : range.filter((c) => c.chapterId === chapterId).first();
  };
  const dues = (await Promise.all([first(1), first(3)]))
    .map((c) => c?.due)
    .filter((d): d is number => d !== undefined);
  return dues.length > 0 ? Math.min(...dues) : null;
}
