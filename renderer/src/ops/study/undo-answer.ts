/**
 * Taking back an answer of the running session from what the session kept of it (the card row the
 * answer started from, the review row's id and the due it set): nothing is read from the stored
 * review row but its removal, so the review log need not keep a copy of the card in every row.
 */

import type { StudyResult } from '../../db/repos/study-repo';
import { type LecternDb, withCardIndexFields } from '../../db/schema/database';
import type { CardKey, CardRow, ReviewRow } from '../../db/schema/rows';
import { noteUndoneReview } from '../sync/record';

/** A stored review row's id. */
export type ReviewId = NonNullable<ReviewRow['id']>;

/** What undoing an answer needs, kept by the session when the answer was written. */
export interface AnswerUndo {
  /** The card row as it was before the answer (a question never studied: its new row, rev 0). */
  before: CardRow;
  /** The review row the answer added. */
  reviewId: ReviewId;
  /** The due the answer set: a card whose due moved since was changed by something else. */
  dueAfter: number;
}

/**
 * Puts the card back as it was before the answer and deletes the answer's review row, in one
 * transaction. The scheduling fields come back exactly; `suspended`/`flagged`/`removed` keep their
 * current values (they are not part of an answer) and `rev` moves forward (rev + 1), so a view of
 * the card from before the undo cannot answer it. Undoing a question's first answer leaves a state-0
 * row (still new) rather than no row, for that reason.
 */
export async function undoAnswer(
  db: LecternDb,
  key: CardKey,
  undo: AnswerUndo,
): Promise<StudyResult<CardRow>> {
  const result = await db.transaction(
    'rw',
    db.cards,
    db.revlog,
    db.undo,
    async (): Promise<StudyResult<CardRow>> => {
      const [card, review] = await Promise.all([db.cards.get(key), db.revlog.get(undo.reviewId)]);
      if (!card) return { ok: false, error: { code: 'missing', message: `No card ${key}.` } };
      // A pack update that started the card over (or moved its due) since that answer: putting the
      // card back as it was before the answer would bring back progress the update took away.
      if (card.due !== undo.dueAfter || !review || review.cardKey !== key)
        return {
          ok: false,
          error: {
            code: 'stale',
            message: 'This card changed since that answer (its pack was updated): nothing was undone.',
          },
        };
      const restored = withCardIndexFields<CardRow>({
        ...undo.before,
        // Where the question is now (an update may have moved it), not where it was.
        chapterId: card.chapterId,
        order: card.order,
        suspended: card.suspended,
        flagged: card.flagged,
        removed: card.removed,
        rev: card.rev + 1,
      });
      await Promise.all([
        db.cards.put(restored),
        db.revlog.delete(undo.reviewId),
        // The answer's snapshot in `undo` (schema 5) goes with it.
        db.undo.delete(undo.reviewId),
      ]);
      return { ok: true, value: restored };
    },
  );
  // Folder sync tells the other devices when the answer had gone out already.
  if (result.ok) await noteUndoneReview(db, undo.reviewId, key);
  return result;
}
