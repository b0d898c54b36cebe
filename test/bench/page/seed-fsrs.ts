/**
 * Seeds a simulated year of reviews (test/bench/fsrs-sim.ts) into the app's review log for one
 * pack's questions (runs in the page, through the bench script): what the optimizer's e2e test fits.
 * The review row is written in this one place.
 */

import { makeReviewId } from '../../../renderer/src/core/revlog/review-id';
import { newCardRow } from '../../../renderer/src/db/repos/packs-repo';
import { readPackQuestions } from '../../../renderer/src/db/repos/question-chunks';
import { LecternDb, withCardIndexFields } from '../../../renderer/src/db/schema/database';
import type { CardRow, ReviewRow } from '../../../renderer/src/db/schema/rows';
import { simulateHistory } from '../fsrs-sim';

const DAY = 86_400_000;

/** Writes the simulated reviews of one card per question of `packId`, ending the day before `now`. */
export async function seedFsrsHistory(o: {
  packId: string;
  now: number;
  days: number;
  seed: string;
}): Promise<{ cards: number; reviews: number }> {
  const db = new LecternDb();
  const questions = (await readPackQuestions(db, o.packId)).filter((q) => q.removed === 0);
  const sim = simulateHistory({ cards: questions.length, days: o.days, seed: o.seed });
  // Day 0 of the simulation is `days` days ago; each session at 10:00 local time that day.
  const start = new Date(o.now - o.days * DAY);
  start.setHours(10, 0, 0, 0);
  const rows: ReviewRow[] = [];
  const cardRows: CardRow[] = [];
  // Every card's sessions fall on the same instants, and an id's counter wraps after 46,656 ids: past
  // that, two reviews of one instant could get one id (a real log has no thousands of answers in one
  // millisecond). An id already given is made again (the counter moves on).
  const given = new Set<string>();
  const uniqueId = (at: number) => {
    let id = makeReviewId(at);
    while (given.has(id)) id = makeReviewId(at);
    given.add(id);
    return id;
  };
  sim.forEach((reviews, i) => {
    const q = questions[i];
    if (!q) return;
    const card = newCardRow(o.packId, q.id, q.chapterId, q.order, start.getTime());
    reviews.forEach((r, k) => {
      const at = start.getTime() + r.day * DAY + k * 1000;
      // Schema 5's compact row (issue 16): the optimizer reads cardKey, at, rating and stateBefore.
      rows.push({
        id: uniqueId(at),
        cardKey: card.key,
        at,
        rating: r.rating,
        score: r.recalled ? 1 : 0,
        correct: r.recalled ? 1 : 0,
        responseMs: 4000,
        stateBefore: k === 0 ? 0 : 2,
        stability: 0,
        difficulty: 0,
        dueAfter: at + DAY,
      });
    });
    // The card as the default parameters left it: in review, due two days after its last review.
    const last =
      start.getTime() + (reviews[reviews.length - 1]?.day ?? 0) * DAY + (reviews.length - 1) * 1000;
    cardRows.push(
      withCardIndexFields<CardRow>({
        ...card,
        state: 2,
        due: last + 2 * DAY,
        stability: 2,
        difficulty: 5,
        scheduledDays: 2,
        reps: reviews.length,
        lastReview: last,
        rev: 1,
      }),
    );
  });
  await db.revlog.bulkAdd(rows);
  await db.cards.bulkPut(cardRows);
  db.close();
  return { cards: sim.length, reviews: rows.length };
}
