/**
 * Imports a pack's Anki review history: each question's reviews are replayed through the same code an
 * answer in Lectern goes through (`buildAnswer`: ts-fsrs with the pack's settings), giving the review
 * rows and the card's FSRS state; where Anki kept FSRS memory (stability, difficulty) and a due, those
 * are kept, as Anki would schedule the card next. A question that already has progress in Lectern
 * keeps it: history is only written to cards never studied here.
 */
import type { AnkiHistory } from '../core/formats/anki/history';
import type { Pack } from '../core/pack/schema';
import { resolveSchedulingSettings } from '../core/settings';
import { newCardRow, questionRowsOf } from '../db/repos/packs-repo';
import { addReviews } from '../db/repos/revlog-repo';
import { getSettings } from '../db/repos/settings-repo';
import { buildAnswer } from '../db/repos/study-repo';
import { type LecternDb, withCardIndexFields } from '../db/schema/database';
import { type CardRow, cardKey, type ReviewRow } from '../db/schema/rows';
import { rewindExportCursor } from './sync/record';

/** What an imported history wrote. */
export interface HistoryImportCounts {
  cards: number;
  reviews: number;
  /** Questions left alone because they already had progress in Lectern. */
  kept: number;
}

/** Replays `history` into card and review rows for the stored `pack`, in one transaction. */
export async function importAnkiHistory(
  db: LecternDb,
  pack: Pack,
  history: readonly AnkiHistory[],
  now: number,
): Promise<HistoryImportCounts> {
  const settings = resolveSchedulingSettings((await getSettings(db)).settings, pack.id);
  const places = new Map(questionRowsOf(pack).map((q) => [q.id, q]));
  const wanted = history.filter((h) => places.has(h.questionId));
  let oldest: string | null = null;
  const counts = await db.transaction(
    'rw',
    [db.cards, db.revlog, db.revlogDays],
    async (): Promise<HistoryImportCounts> => {
      const existing = await db.cards.bulkGet(wanted.map((h) => cardKey(pack.id, h.questionId)));
      const cards: CardRow[] = [];
      const reviews: ReviewRow[] = [];
      let kept = 0;
      wanted.forEach((h, i) => {
        const place = places.get(h.questionId);
        const stored = existing[i];
        if (!place) return;
        if (stored && (stored.reps > 0 || stored.state !== 0)) {
          kept++;
          return;
        }
        let row = newCardRow(pack.id, h.questionId, place.chapterId, place.order, h.reviews[0]?.at ?? now);
        if (stored) row = { ...row, rev: stored.rev, flagged: stored.flagged };
        row = withCardIndexFields(row);
        for (const r of h.reviews) {
          const written = buildAnswer(
            row,
            {
              key: row.key,
              shownRev: row.rev,
              rating: r.rating,
              grade: { score: r.rating === 1 ? 0 : 1, correct: r.rating !== 1 },
              response: { source: 'anki' },
              responseMs: r.durationMs,
              now: r.at,
              settings,
            },
            JSON.stringify({ source: 'anki' }),
          );
          reviews.push(written.review);
          row = written.card;
        }
        if (h.memory && h.reviews.length > 0)
          row = {
            ...row,
            stability: h.memory.stability,
            difficulty: h.memory.difficulty,
            due: h.memory.dueMs ?? row.due,
          };
        if (h.suspended) row = { ...row, suspended: 1 };
        cards.push(withCardIndexFields(row));
      });
      await db.cards.bulkPut(cards);
      // Fresh ids: none is stored yet. Older days go straight into their records.
      await addReviews(db, reviews, now);
      oldest = reviews.reduce<string | null>((m, r) => (m === null || r.id < m ? r.id : m), null);
      return { cards: cards.length, reviews: reviews.length, kept };
    },
  );
  // Reviews dated in the past: folder sync's export reads the log from its cursor on, so it is told.
  if (oldest !== null) await rewindExportCursor(db, oldest);
  return counts;
}
