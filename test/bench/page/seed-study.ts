/**
 * Seeding a studied history into the app's database (runs in the page, through the bench script).
 * Its own file because the seed cache (seed-cache.ts) is keyed on it: what it writes is what a
 * cached database holds.
 */
import { createRng } from '../../../renderer/src/core/random/prng';
import { newCardRow } from '../../../renderer/src/db/repos/packs-repo';
import { readPackQuestions } from '../../../renderer/src/db/repos/question-chunks';
import { patchSettings } from '../../../renderer/src/db/repos/settings-repo';
import { LecternDb } from '../../../renderer/src/db/schema/database';
import type { CardRow, LegacyReviewRow } from '../../../renderer/src/db/schema/rows';

const DAY = 86_400_000;

/** Options of {@link seedStudy}. */
export interface SeedOptions {
  packId: string;
  now: number;
  /** Review-log rows per card of the pack (10 gives 1M rows at 100k cards). */
  reviewsPerCard: number;
  /** Review cards due now (the answer bench needs at least as many as it answers). */
  due: number;
  seed?: string;
}

/**
 * Gives the pack a studied history, as a student a year or two in would have: 75 % of the cards in
 * Review (`due` of them due now, the rest due later), 1 % (at most 300) learning, the rest new, and
 * `reviewsPerCard × cards` review-log rows spread over the last two years — in schema 4's shape, as
 * a database from before issue 16 holds them (ids in the order answered): the app moves them into
 * schema 5's log when it opens. Written through Dexie in
 * chunked bulk calls (setup, not timed). Also sets reviews per day to the maximum and lets new cards
 * in without reading, so the queue holds every due card.
 */
export async function seedStudy(o: SeedOptions): Promise<{ cards: number; reviews: number; due: number }> {
  const rng = createRng(o.seed ?? `seed/${o.packId}`);
  const db = new LecternDb();
  // Every question as a new card; only the studied ones are stored (a question without a row is new).
  const cards = (await readPackQuestions(db, o.packId))
    .filter((q) => q.removed === 0)
    .map((q) => newCardRow(o.packId, q.id, q.chapterId, q.order, o.now));
  const n = cards.length;
  const order = cards.map((_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  const reviewCount = Math.max(Math.min(n, o.due), Math.floor(n * 0.75));
  // (Re)learning lasts minutes to a day: a heavy user has a few hundred cards there, not a share.
  const learningCount = Math.min(300, Math.floor(n * 0.01));
  const studied: CardRow[] = [];
  order.forEach((idx, rank) => {
    const c = cards[idx] as CardRow;
    if (rank < reviewCount) {
      const scheduledDays = 1 + Math.floor(rng() * 120);
      // Due now: up to a week overdue. Not due: somewhere inside its interval. The last review is
      // before today either way, so the day starts with nothing done yet.
      const due =
        rank < o.due
          ? o.now - Math.floor(rng() * Math.min(7, scheduledDays) * DAY) - 60_000
          : o.now + (0.02 + 0.96 * rng()) * scheduledDays * DAY;
      Object.assign(c, {
        state: 2,
        due,
        stability: scheduledDays * (0.8 + rng() * 0.6),
        difficulty: 1 + rng() * 9,
        elapsedDays: scheduledDays,
        scheduledDays,
        learningSteps: 0,
        reps: 3 + Math.floor(rng() * 20),
        lapses: Math.floor(rng() * 4),
        lastReview: Math.min(due - scheduledDays * DAY, o.now - 1.5 * DAY),
        rev: 1,
      });
      studied.push(c);
    } else if (rank < reviewCount + learningCount) {
      Object.assign(c, {
        state: 1,
        due: o.now + (10 + rng() * 1440) * 60_000,
        stability: 0.5 + rng() * 2,
        difficulty: 4 + rng() * 4,
        learningSteps: 1,
        reps: 1,
        lastReview: o.now - 1.5 * DAY,
        rev: 1,
      });
      studied.push(c);
    }
  });
  const CHUNK = 20_000;
  for (let i = 0; i < studied.length; i += CHUNK) await db.cards.bulkPut(studied.slice(i, i + CHUNK));

  const total = Math.round(o.reviewsPerCard * n);
  const perCard = Math.floor(total / Math.max(1, studied.length));
  let extra = total - perCard * studied.length;
  // Drawn card by card, then written in the order they were answered: schema 4 gave ids as the
  // answers came (auto-increment), so id order is time order, across cards and within each.
  const at = new Float64Array(total);
  const dueAfter = new Float64Array(total);
  const cardOf = new Uint32Array(total);
  const nth = new Uint16Array(total);
  const ratingOf = new Uint8Array(total);
  const tookMs = new Uint32Array(total);
  let m = 0;
  studied.forEach((c, ci) => {
    const k = perCard + (extra-- > 0 ? 1 : 0);
    const last = c.lastReview ?? o.now - DAY;
    const times: number[] = [];
    for (let r = 0; r < k; r++)
      times.push(last - Math.floor(((k - 1 - r) / Math.max(1, k)) * 700 * DAY * rng()));
    times.sort((a, b) => a - b);
    for (let r = 0; r < k; r++) {
      const rating = (rng() < 0.12 ? 1 : rng() < 0.1 ? 2 : rng() < 0.9 ? 3 : 4) as 1 | 2 | 3 | 4;
      at[m] = times[r] as number;
      cardOf[m] = ci;
      nth[m] = r;
      ratingOf[m] = rating;
      tookMs[m] = 2000 + Math.floor(rng() * 12_000);
      dueAfter[m] = (times[r] as number) + (1 + Math.floor(rng() * 60)) * DAY;
      m++;
    }
  });
  const byTime = Array.from({ length: m }, (_, i) => i).sort(
    (a, b) => (at[a] as number) - (at[b] as number) || a - b,
  );
  let written = 0;
  let batch: LegacyReviewRow[] = [];
  for (const i of byTime) {
    const c = studied[cardOf[i] as number] as CardRow;
    const r = nth[i] as number;
    const rating = ratingOf[i] as 1 | 2 | 3 | 4;
    batch.push({
      cardKey: c.key,
      packId: c.packId,
      chapterId: c.chapterId,
      at: at[i] as number,
      rating,
      score: rating === 1 ? 0 : 1,
      correct: rating === 1 ? 0 : 1,
      response: `{"type":"flashcard","rating":${rating}}`,
      responseMs: tookMs[i] as number,
      stateBefore: r === 0 ? 0 : 2,
      prev: { ...c, state: r === 0 ? 0 : 2, reps: r, rev: r },
      dueAfter: dueAfter[i] as number,
    });
    if (batch.length === CHUNK) {
      await db.reviews.bulkAdd(batch);
      written += batch.length;
      batch = [];
    }
  }
  if (batch.length) await db.reviews.bulkAdd(batch);
  written += batch.length;
  await patchSettings(db, { reviewsPerDay: 99_999, requireReading: false });
  db.close();
  return { cards: n, reviews: written, due: Math.min(n, o.due) };
}
