/**
 * Code the bench runs inside the app's page (bundled to one script by `page-bundle.ts` and evaluated
 * through CDP, so the app's CSP does not apply and the app's bundle is untouched): the raw Dexie
 * floor, the core import without the screen (for the profile), seeding a study history, marks and
 * the long-task observer. Exposed as `globalThis.__lecternBench`.
 */
import { readPackFile } from '../../../renderer/src/core/formats';
import { answerHash } from '../../../renderer/src/core/pack/diff';
import type { Pack } from '../../../renderer/src/core/pack/schema';
import { createRng } from '../../../renderer/src/core/random/prng';
import { LecternDb } from '../../../renderer/src/db/db';
import { applyImport } from '../../../renderer/src/db/import-repo';
import { courseOrder, newCardRow, packRowOf, questionRowOf } from '../../../renderer/src/db/packs-repo';
import type { CardRow, PackRow, QuestionRow, ReviewRow } from '../../../renderer/src/db/rows';
import { patchSettings } from '../../../renderer/src/db/settings-repo';

const DAY = 86_400_000;
const FLOOR_DB = 'lectern-bench-floor';
const CORE_DB = 'lectern-bench-core';

interface Rows {
  pack: PackRow;
  questions: QuestionRow[];
  cards: CardRow[];
}

let rows: Rows | null = null;
let longTasks: number[] = [];
let observer: PerformanceObserver | null = null;

/** Turns pack text into the exact rows an import stores (not timed: the floor times only the write). */
function prepareRows(text: string): { questions: number } {
  const read = readPackFile('bench.json', text);
  if (!read.ok) throw new Error(`bench pack does not read: ${read.issues[0]?.message}`);
  const pack: Pack = read.pack;
  const now = Date.now();
  const ordered = courseOrder(pack);
  rows = {
    pack: packRowOf(pack, { origin: 'imported', format: 'lectern', contentHash: 'bench' }, now),
    questions: ordered.map(({ question, chapterId }, i) =>
      questionRowOf(pack.id, question, chapterId, i, answerHash(question)),
    ),
    cards: ordered.map(({ question, chapterId }, i) => newCardRow(pack.id, question.id, chapterId, i, now)),
  };
  return { questions: rows.questions.length };
}

function dropRows(): void {
  rows = null;
}

async function deleteDb(name: string): Promise<void> {
  await new LecternDb(name).delete();
}

/**
 * The floor: a raw Dexie bulkAdd of the same rows (pack, questions, cards) in one rw transaction
 * into an empty database with the app's schema. Returns milliseconds, commit included. `limit`
 * writes only the first rows (a warm-up).
 */
async function runFloor(limit = Number.POSITIVE_INFINITY): Promise<number> {
  if (!rows) throw new Error('prepareRows first');
  const r = { ...rows, questions: rows.questions.slice(0, limit), cards: rows.cards.slice(0, limit) };
  await deleteDb(FLOOR_DB);
  const db = new LecternDb(FLOOR_DB);
  await db.open();
  const t0 = performance.now();
  await db.transaction('rw', [db.packs, db.questions, db.cards], async () => {
    await db.packs.add(r.pack);
    await db.questions.bulkAdd(r.questions);
    await db.cards.bulkAdd(r.cards);
  });
  const ms = performance.now() - t0;
  db.close();
  await deleteDb(FLOOR_DB);
  return ms;
}

/**
 * The import's own work without the screen, for the profile: read (decode, parse, validate) and
 * store (`applyImport` into an empty database), each in milliseconds.
 */
async function runCoreImport(name: string, text: string): Promise<{ read: number; store: number }> {
  await deleteDb(CORE_DB);
  const db = new LecternDb(CORE_DB);
  await db.open();
  const t0 = performance.now();
  const read = readPackFile(name, text);
  const t1 = performance.now();
  if (!read.ok) throw new Error(`bench pack does not read: ${read.issues[0]?.message}`);
  await applyImport(
    db,
    read.pack,
    { origin: 'imported', format: 'lectern', contentHash: 'bench' },
    Date.now(),
  );
  const t2 = performance.now();
  db.close();
  await deleteDb(CORE_DB);
  return { read: t1 - t0, store: t2 - t1 };
}

/** Options of {@link seedStudy}. */
interface SeedOptions {
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
 * `reviewsPerCard × cards` review-log rows spread over the last two years. Written through Dexie in
 * chunked bulk calls (setup, not timed). Also sets reviews per day to the maximum and lets new cards
 * in without reading, so the queue holds every due card.
 */
async function seedStudy(o: SeedOptions): Promise<{ cards: number; reviews: number; due: number }> {
  const rng = createRng(o.seed ?? `seed/${o.packId}`);
  const db = new LecternDb();
  const cards = await db.cards.where('packId').equals(o.packId).toArray();
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
  for (let i = 0; i < n; i += CHUNK) await db.cards.bulkPut(cards.slice(i, i + CHUNK));

  const total = Math.round(o.reviewsPerCard * n);
  let written = 0;
  let batch: ReviewRow[] = [];
  const perCard = Math.floor(total / Math.max(1, studied.length));
  let extra = total - perCard * studied.length;
  for (const c of studied) {
    const k = perCard + (extra-- > 0 ? 1 : 0);
    const last = c.lastReview ?? o.now - DAY;
    for (let r = 0; r < k; r++) {
      const at = last - Math.floor(((k - 1 - r) / Math.max(1, k)) * 700 * DAY * rng());
      const rating = (rng() < 0.12 ? 1 : rng() < 0.1 ? 2 : rng() < 0.9 ? 3 : 4) as 1 | 2 | 3 | 4;
      batch.push({
        cardKey: c.key,
        packId: c.packId,
        chapterId: c.chapterId,
        at,
        rating,
        score: rating === 1 ? 0 : 1,
        correct: rating === 1 ? 0 : 1,
        response: `{"type":"flashcard","rating":${rating}}`,
        responseMs: 2000 + Math.floor(rng() * 12_000),
        stateBefore: r === 0 ? 0 : 2,
        prev: { ...c, state: r === 0 ? 0 : 2, reps: r, rev: r },
        dueAfter: at + (1 + Math.floor(rng() * 60)) * DAY,
      });
      if (batch.length === CHUNK) {
        await db.reviews.bulkAdd(batch);
        written += batch.length;
        batch = [];
      }
    }
  }
  if (batch.length) await db.reviews.bulkAdd(batch);
  written += batch.length;
  await patchSettings(db, { reviewsPerDay: 99_999, requireReading: false });
  db.close();
  return { cards: n, reviews: written, due: Math.min(n, o.due) };
}

/**
 * Removes every imported pack's rows straight from the database (between import runs; the page is
 * then reloaded, so the app reads the database afresh). Returns the ids removed.
 */
async function removeImportedPacks(): Promise<string[]> {
  const db = new LecternDb();
  const ids = (await db.packs.toArray()).filter((p) => p.origin === 'imported').map((p) => p.id);
  await db.transaction('rw', [db.packs, db.questions, db.cards, db.reviews], async () => {
    for (const packId of ids) {
      await db.packs.delete(packId);
      await db.questions.where('packId').equals(packId).delete();
      await db.cards.where('packId').equals(packId).delete();
      await db.reviews.where('[packId+at]').between([packId, -Infinity], [packId, Infinity]).delete();
    }
  });
  db.close();
  return ids;
}

/** Starts recording long tasks (> 50 ms) from now. */
function startLongTasks(): void {
  longTasks = [];
  observer?.disconnect();
  observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push(e.duration);
  });
  observer.observe({ type: 'longtask' });
}

/** Stops recording and returns the long tasks' durations (ms). */
function stopLongTasks(): number[] {
  if (observer) {
    for (const e of observer.takeRecords()) longTasks.push(e.duration);
    observer.disconnect();
  }
  observer = null;
  return longTasks;
}

/** The bench's in-page API. */
export const benchApi = {
  prepareRows,
  dropRows,
  runFloor,
  runCoreImport,
  seedStudy,
  removeImportedPacks,
  startLongTasks,
  stopLongTasks,
};

export type BenchApi = typeof benchApi;

(globalThis as { __lecternBench?: BenchApi }).__lecternBench = benchApi;
