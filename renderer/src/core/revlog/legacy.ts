/**
 * A review of schemas 1–4 (a row carrying the card before the answer) as a schema 5 row: the same
 * statistics fields, an id made from its old one (`legacyReviewId`), the FSRS memory state after the
 * answer — known only for the card's latest review (the card row holds it); older reviews keep the
 * state before the *next* answer, which is the state this answer left (the next row's `prev`).
 * Pure: used by the in-place upgrade and by restoring backups of formats 1 and 2.
 */
import type { CardKey } from '../../db/schema/rows';
import { legacyReviewId } from './review-id';

/** The fields of an old row the conversion reads. */
export interface LegacyReviewFields {
  id?: number;
  cardKey: string;
  at: number;
  rating: 1 | 2 | 3 | 4;
  score: number;
  correct: 0 | 1;
  response: string;
  responseMs: number;
  stateBefore: 0 | 1 | 2 | 3;
  dueAfter: number;
}

/** The FSRS memory state after an answer, when known. */
export interface MemoryAfter {
  stability: number;
  difficulty: number;
}

/** A schema 5 review row (as `db/rows.ts` `ReviewRow`). */
export interface CompactReview {
  id: string;
  cardKey: CardKey;
  at: number;
  rating: 1 | 2 | 3 | 4;
  score: number;
  correct: 0 | 1;
  responseMs: number;
  stateBefore: 0 | 1 | 2 | 3;
  stability: number;
  difficulty: number;
  dueAfter: number;
  response?: string;
}

/** Whether an old response says nothing the rating does not (a self-graded flashcard's). */
function sayNothingMore(response: string): boolean {
  if (!response.startsWith('{"type":"flashcard"')) return false;
  try {
    const r = JSON.parse(response) as Record<string, unknown>;
    return Object.keys(r).every((k) => k === 'type' || k === 'rating');
  } catch {
    return false;
  }
}

/**
 * Converts one old row. `after`: the memory state this answer left (the next answer's `prev`, or
 * the card row for its last answer); 0/0 when unknown (the card is gone).
 */
export function convertLegacyReview(
  row: LegacyReviewFields,
  fallbackId: number,
  after: MemoryAfter | undefined,
): CompactReview {
  const out: CompactReview = {
    id: legacyReviewId(row.at, row.id ?? fallbackId),
    cardKey: row.cardKey as CardKey,
    at: row.at,
    rating: row.rating,
    score: row.score,
    correct: row.correct,
    responseMs: row.responseMs,
    stateBefore: row.stateBefore,
    stability: after?.stability ?? 0,
    difficulty: after?.difficulty ?? 0,
    dueAfter: row.dueAfter,
  };
  if (!sayNothingMore(row.response)) out.response = row.response;
  return out;
}

/** An old row with the card it carried (`prev`: the card before the answer). */
export interface LegacyReviewWithPrev extends LegacyReviewFields {
  prev: MemoryAfter;
}

/** Converts the old review rows of a backup as they stream in (id order). */
export interface LegacyReviewConverter {
  /** Converted rows ready to store (each card's latest row waits for its next one). */
  add(rows: readonly LegacyReviewWithPrev[]): CompactReview[];
  /** The restored card rows: their memory state is the one their last answer left. */
  noteCards(cards: readonly ({ key: string } & MemoryAfter)[]): void;
  /** Every row still waiting. */
  finish(): CompactReview[];
}

/** Creates a converter for one backup's review log (see {@link convertLegacyReview}). */
export function createLegacyReviewConverter(): LegacyReviewConverter {
  const waiting = new Map<string, { row: LegacyReviewWithPrev; n: number }>();
  const cards = new Map<string, MemoryAfter>();
  let n = 0;
  return {
    add(rows) {
      const out: CompactReview[] = [];
      for (const row of rows) {
        n++;
        const before = waiting.get(row.cardKey);
        // Files list reviews by id; one out of order is still converted (it precedes the waiting one).
        if (before && (row.id ?? n) < (before.row.id ?? before.n)) {
          out.push(convertLegacyReview(row, n, before.row.prev));
          continue;
        }
        if (before) out.push(convertLegacyReview(before.row, before.n, row.prev));
        waiting.set(row.cardKey, { row, n });
      }
      return out;
    },
    noteCards(list) {
      for (const c of list) cards.set(c.key, { stability: c.stability, difficulty: c.difficulty });
    },
    finish() {
      const out = [...waiting.values()].map((w) => convertLegacyReview(w.row, w.n, cards.get(w.row.cardKey)));
      waiting.clear();
      return out;
    },
  };
}
