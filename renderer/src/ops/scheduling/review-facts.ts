/**
 * The one place the scheduler's optimizer and rescheduling read stored reviews: only what FSRS
 * needs of a review (card, time, rating, state before), so a change to the stored review row is a
 * change to this file alone.
 */
import type { ReviewFact } from '../../core/scheduler';
import { isRating } from '../../core/scheduler';
import { packReviews } from '../../db/repos/revlog-repo';
import type { LecternDb } from '../../db/schema/database';

/** The reviews of `packIds` (every pack's when null), in no particular order. */
export async function readReviewFacts(
  db: LecternDb,
  packIds: readonly string[] | null,
): Promise<ReviewFact[]> {
  const out: ReviewFact[] = [];
  const keep = (r: { cardKey: string; at: number; rating: number; stateBefore: number }) => {
    if (!isRating(r.rating) || !Number.isFinite(r.at)) return;
    const s = r.stateBefore;
    out.push({
      cardKey: r.cardKey,
      at: r.at,
      rating: r.rating,
      stateBefore: s === 1 || s === 2 || s === 3 ? s : 0,
    });
  };
  if (packIds === null) {
    await db.revlog.each(keep);
    return out;
  }
  for (const packId of packIds) {
    // Schema 5's log (issue 16): a pack's reviews are a range of the card-key index.
    await packReviews(db, packId).each(keep);
  }
  return out;
}
