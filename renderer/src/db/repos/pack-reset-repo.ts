/**
 * Starting a pack over (Settings ▸ a pack ▸ Reset progress): its cards and its review log. Apart from
 * the settings repository, which start-up loads: this one reaches the review log's day records and
 * their codec, loaded with the Settings screen.
 */
import type { LecternDb } from '../schema/database';
import type { CardRow, EpochMs } from '../schema/rows';
import { newCardRow } from './packs-repo';
import { countReviews, deletePackReviews } from './revlog-repo';

/** What `resetPackProgress` did. */
export interface ResetProgressResult {
  /** Questions in the pack that had progress (studied, not removed) and lost it. */
  cards: number;
  /** Of those, the ones that are new again (the suspended ones stay suspended). */
  newAgain: number;
  /** Review-log rows deleted. */
  reviews: number;
}

/**
 * Starts a pack over, in one transaction. A question without a card row is new, so the pack's card
 * rows are deleted — except the student's own marks: a suspended or flagged question keeps a New
 * (state 0) row with its mark, due `now`, rev + 1 (a suspended one stays out of the queue and is not
 * counted as new). Rows of questions removed from the pack go too (their history is deleted with the
 * log). The pack's review-log rows are deleted, so statistics start over too — a reset that kept the
 * log would leave mastery, retention and streaks describing progress that no longer exists. Kept:
 * reading progress (the chapters were read) and self-test history.
 */
export async function resetPackProgress(
  db: LecternDb,
  packId: string,
  now: EpochMs,
): Promise<ResetProgressResult> {
  return db.transaction('rw', [db.cards, db.revlog, db.revlogDays, db.undo], async () => {
    const cards = await db.cards.where('packId').equals(packId).toArray();
    const kept: CardRow[] = cards
      .filter((c) => !c.removed && (c.suspended || c.flagged))
      .map((c) => ({
        ...newCardRow(c.packId, c.key.slice(c.packId.length + 1), c.chapterId, c.order, now),
        suspended: c.suspended,
        flagged: c.flagged,
        rev: c.rev + 1,
      }));
    const studied = cards.filter((c) => !c.removed && c.state !== 0);
    await db.cards.where('packId').equals(packId).delete();
    await db.cards.bulkAdd(kept);
    const reviews = await deletePackReviews(db, packId);
    await db.undo.where('cardKey').between(`${packId}:`, `${packId}:\uffff`).delete();
    return { cards: studied.length, newAgain: studied.filter((c) => !c.suspended).length, reviews };
  });
}

/** What resetting a pack would do, from index counts alone (for the confirmation). */
export interface ResetImpact {
  /** Studied questions, not suspended, that would be new again. */
  newAgain: number;
  reviews: number;
}

/**
 * Counts what `resetPackProgress` would reset: the pack's scheduled cards from index counts alone
 * (states 1–3 in the due index, which holds exactly the studied, not suspended, not removed ones), and
 * its reviews (an index count of its rows, and its stored days, found by their pack index).
 */
export async function measureResetImpact(db: LecternDb, packId: string): Promise<ResetImpact> {
  return db.transaction('r', db.cards, db.revlog, db.revlogDays, async () => ({
    newAgain: await db.cards
      .where('[packId+state+dueKey]')
      .between([packId, 1, -Infinity], [packId, 3, Infinity], true, true)
      .count(),
    reviews: await countReviews(db, packId),
  }));
}
