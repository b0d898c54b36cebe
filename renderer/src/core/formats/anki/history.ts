/**
 * Each question's Anki review history: the reviews of the card it stands for (for a cloze note with
 * several cards, the card reviewed most), the card's suspension, and Anki's own FSRS memory and due
 * where Anki kept them. What Lectern replays through ts-fsrs when the student imports the history.
 */
import type { AnkiCard, AnkiCollection } from './collection';

/** One Anki review as Lectern replays it. */
export interface AnkiHistoryReview {
  /** When, epoch ms (Anki's revlog id). */
  at: number;
  /** Again 1, Hard 2, Good 3, Easy 4. */
  rating: 1 | 2 | 3 | 4;
  /** Time spent answering, ms (Anki caps it at 60 s by default). */
  durationMs: number;
}

/** A question's history from Anki. */
export interface AnkiHistory {
  questionId: string;
  reviews: AnkiHistoryReview[];
  suspended: boolean;
  /** Anki's FSRS memory state and when the card is due, when Anki kept them (FSRS on). */
  memory?: { stability: number; difficulty: number; dueMs: number | null };
}

const DAY_MS = 86_400_000;

/** When Anki has the card due, epoch ms, or null for a new card. */
function dueMsOf(card: AnkiCard, crtSecs: number): number | null {
  const due = card.originalDeckId ? card.originalDue || card.due : card.due;
  if (card.queue === 1 || (card.type === 1 && card.queue !== 3)) return due * 1000;
  if (card.type === 2 || card.type === 3 || card.queue === 2 || card.queue === 3)
    return crtSecs * 1000 + due * DAY_MS;
  return null;
}

/** The history of every question whose card was reviewed or suspended in Anki. */
export function historyOf(col: AnkiCollection, cardsOf: Map<string, AnkiCard[]>): AnkiHistory[] {
  const byCard = new Map<number, AnkiHistoryReview[]>();
  for (const r of col.reviews) {
    // ease 0: a manual reschedule, not an answer; type 4 likewise.
    if (r.ease < 1 || r.ease > 4 || r.type === 4) continue;
    const list = byCard.get(r.cardId) ?? [];
    list.push({ at: r.id, rating: r.ease as 1 | 2 | 3 | 4, durationMs: Math.max(0, r.time) });
    byCard.set(r.cardId, list);
  }
  const out: AnkiHistory[] = [];
  for (const [questionId, cards] of cardsOf) {
    let best: AnkiCard | undefined;
    let bestCount = -1;
    for (const c of cards) {
      const n = byCard.get(c.id)?.length ?? 0;
      if (n > bestCount) {
        best = c;
        bestCount = n;
      }
    }
    if (!best) continue;
    const reviews = byCard.get(best.id) ?? [];
    const suspended = best.queue === -1;
    if (reviews.length === 0 && !suspended) continue;
    const h: AnkiHistory = { questionId, reviews, suspended };
    if (best.memory) h.memory = { ...best.memory, dueMs: dueMsOf(best, col.crt) };
    out.push(h);
  }
  return out;
}
