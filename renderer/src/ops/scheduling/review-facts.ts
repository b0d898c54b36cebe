/**
 * The one place the scheduler's optimizer and rescheduling read stored reviews: only what FSRS
 * needs of a review (card, time, rating, state before), so a change to the stored review row is a
 * change to this file alone.
 */
import type { ReviewFact } from '../../core/scheduler';
import { isRating } from '../../core/scheduler';
import { forEachReviewPage } from '../../db/repos/revlog-repo';
import type { LecternDb } from '../../db/schema/database';
import { packOfKey } from '../../db/schema/rows';

/**
 * The reviews of `packIds` (every pack's when null), in time order. Read in pages of the whole log
 * (bulk reads, the page kept responsive between them), the other packs' rows left out.
 */
export async function readReviewFacts(
  db: LecternDb,
  packIds: readonly string[] | null,
): Promise<ReviewFact[]> {
  const wanted = packIds === null ? null : new Set(packIds);
  const out: ReviewFact[] = [];
  await forEachReviewPage(db, (rows) => {
    for (const r of rows) {
      if (!isRating(r.rating) || !Number.isFinite(r.at)) continue;
      if (wanted && !wanted.has(packOfKey(r.cardKey))) continue;
      const s = r.stateBefore;
      out.push({
        cardKey: r.cardKey,
        at: r.at,
        rating: r.rating,
        stateBefore: s === 1 || s === 2 || s === 3 ? s : 0,
      });
    }
  });
  return out;
}
