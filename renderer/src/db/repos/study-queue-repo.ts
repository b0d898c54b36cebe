/**
 * Reading what the study queue and the Library need, through the v2 card indexes only (see
 * `db.ts`): due reviews by `[packId+state+dueKey]` in due order up to the pack's reviews left
 * today, learning cards by the same index, and the first new questions in course order — a
 * question with no card row (or a state-0 row that is not suspended) is new, so they are found by
 * walking each chapter's order range against `[packId+chapterId+startedOrder]` and reading only the
 * question chunks that hold new ones (Library counts: `study-counts-repo.ts`). No read loads every
 * card row or every question of a pack.
 *
 * Every row read costs here (~40 µs a card row in this Chromium), so a queue can be loaded in two
 * steps: `firstReviews` per pack and the learning cards due now (enough to show the first cards),
 * then the rest in pages (`study-queue-rest.ts`) while the first card is shown.
 *
 * Reads use `toArray`/`count`/`primaryKeys` (IndexedDB getAll/count/getAllKeys) rather than
 * row-by-row cursors, which cost one round trip per row.
 */
import type { DailyLimits, DoneToday, QueueCard } from '../../core/queue';
import { reviewIdBound } from '../../core/revlog/review-id';
import type { LecternDb } from '../schema/database';
import { chunkOf, QUESTION_CHUNK } from '../schema/question-chunking';
import { type CardKey, type CardRow, type EpochMs, packOfKey, type QuestionRow } from '../schema/rows';
import { readQuestionRange } from './question-chunks';
import {
  firstLearningAfter,
  MAX,
  MIN,
  type ReviewsToLoad,
  reviewsCursor,
  scheduledRange,
  startedRange,
} from './study-index-ranges';
import { type PackLayout, readPackLayouts } from './study-pack-layouts';

/** What `splitQueue`/`buildQueue` need, loaded in one read transaction. */
export interface QueueInput {
  /**
   * Due reviews (at most each pack's reviews left today, earliest due first), learning and
   * relearning cards due by `learningUntil`, and the first new questions of each pack (at most its
   * new left today) in course order. A new question without a card row is given as what the queue
   * needs of it (state 0, never reviewed); no row is made up for it.
   */
  cards: QueueCard<CardKey>[];
  /** The stored card rows among `cards` (a new question without a row is absent). */
  rows: Map<CardKey, CardRow>;
  /** The questions read while finding the new ones, by key (the caller need not read them again). */
  questions: Map<CardKey, QuestionRow>;
  /** `${packId}:${chapterId}` of opened chapters and of chapters with no text (open from the start). */
  openedChapters: Set<string>;
  /** Answers already given today, by pack (the packs loaded). */
  doneToday: Record<string, DoneToday>;
  /** Answers already given today in every pack (what `doneToday` can be given next time). */
  allDoneToday: Record<string, DoneToday>;
  /** The packs loaded, in the Library's order (bundled first, then by title). */
  packOrder: string[];
  /** The earliest due of a learning card after `learningUntil` (not in `cards`), or null (also when not asked). */
  laterLearning: EpochMs | null;
  /** Packs with due reviews left to load (after `firstReviews`). */
  moreReviews: ReviewsToLoad[];
  /** With `newRows: 'later'`: the new questions whose card row (if any) was not read. */
  unverified: CardKey[];
}

/** Options of {@link loadQueueInput}. */
export interface LoadQueueOptions {
  /** Start of the study day (`computeDayStart`), for what was done today. */
  dayStartMs: EpochMs;
  /** Reviews due up to this time are loaded (default `now`). */
  dueCutoff?: EpochMs;
  /** Learning cards due up to this time are loaded (default: all of them). */
  learningUntil?: EpochMs;
  /** Load new questions only from opened chapters (default true). */
  requireReading?: boolean;
  /** Daily limits by pack id, or a function of the pack id (reviews and new left today = limit − done today). */
  limits?: Readonly<Record<string, DailyLimits>> | ((packId: string) => DailyLimits);
  /** Limits of packs not in `limits` (default 20 new, 200 reviews). */
  defaultLimits?: DailyLimits;
  /** Only this chapter of the packs given. */
  chapterId?: string;
  /** Load at most this many due reviews per pack now (default: all the limit allows); see `moreReviews`. */
  firstReviews?: number;
  /**
   * What was answered today in every pack, when the caller keeps it (then today's review-log rows,
   * which grow with every answer, are not read).
   */
  doneToday?: Readonly<Record<string, DoneToday>>;
  /** Find `laterLearning` (default true; two index reads per pack). */
  laterLearning?: boolean;
  /**
   * `read` (default): read the card rows of the new questions found (a flagged one, or one whose
   * first answer was undone, has a state-0 row and its rev). `later`: leave that to the caller (one
   * get per question), listing them in `unverified`.
   */
  newRows?: 'read' | 'later';
}

/** What was answered in a time window. */
export interface DoneCounts {
  total: number;
  /** Answers to cards that were new (cards started). */
  newDone: number;
  /** Answers to cards in Review state. */
  reviewsDone: number;
  byPack: Record<string, DoneToday & { total: number }>;
}

const DEFAULT_LIMITS: DailyLimits = { newPerDay: 20, reviewsPerDay: 200 };

/**
 * The first `limit` new questions of `pack` in course order, from the chapters `eligible` lets in,
 * walking each chapter's order range a chunk at a time: the started keys of the window (index keys
 * only), then — only when the window holds a new one — the window's question chunk.
 */
async function loadFirstNewQuestions(
  db: LecternDb,
  pack: PackLayout,
  limit: number,
  eligible: (chapterId: string) => boolean,
): Promise<QuestionRow[]> {
  const out: QuestionRow[] = [];
  if (limit <= 0) return out;
  for (const { chapterId, from, to } of pack.chapters) {
    if (out.length >= limit) break;
    if (to < from || !eligible(chapterId)) continue;
    for (let a = from; a <= to && out.length < limit; ) {
      const b = Math.min(to, (chunkOf(a) + 1) * QUESTION_CHUNK - 1);
      const started = new Set(await startedRange(db, pack.id, chapterId, a, b).primaryKeys());
      if (started.size < b - a + 1) {
        for (const q of await readQuestionRange(db, pack.id, a, b)) {
          if (out.length >= limit) break;
          if (q.removed === 0 && q.chapterId === chapterId && !started.has(q.key)) out.push(q);
        }
      }
      a = b + 1;
    }
  }
  return out;
}

/** What the queue needs of a new question that has no card row. */
function newQueueCard(q: QuestionRow): QueueCard<CardKey> {
  return {
    key: q.key,
    packId: q.packId,
    chapterId: q.chapterId,
    order: q.order,
    state: 0,
    due: 0,
    stability: 0,
    lastReview: null,
    suspended: 0,
    removed: 0,
  };
}

/** Counts answers given from `dayStartMs` to `now` (inclusive), by pack. */
export async function reviewsDoneToday(
  db: LecternDb,
  now: EpochMs,
  dayStartMs: EpochMs,
): Promise<DoneCounts> {
  const out: DoneCounts = { total: 0, newDone: 0, reviewsDone: 0, byPack: {} };
  if (!(now >= dayStartMs)) return out;
  // Ids begin with the answer's time: today's answers are one range of ids.
  // Ids begin with the answer's time: today's answers are one range of ids. Rows only: a review
  // stays a row until the day before yesterday (UTC) is over (`rowsKeptFrom`), and a study day
  // starts at most a day before now, so no answer of today is in a day record.
  const rows = await db.revlog
    .where(':id')
    .between(reviewIdBound(dayStartMs), reviewIdBound(Math.floor(now) + 1), true, false)
    .toArray();
  for (const r of rows) {
    const packId = packOfKey(r.cardKey);
    let pack = out.byPack[packId];
    if (!pack) {
      pack = { total: 0, newDone: 0, reviewsDone: 0 };
      out.byPack[packId] = pack;
    }
    out.total++;
    pack.total++;
    if (r.stateBefore === 0) {
      out.newDone++;
      pack.newDone++;
    } else if (r.stateBefore === 2) {
      out.reviewsDone++;
      pack.reviewsDone++;
    }
  }
  return out;
}

/** The scheduled cards of one pack the queue needs: due reviews (earliest first) and learning cards. */
async function loadScheduled(
  db: LecternDb,
  packId: string,
  reviewsLeft: number,
  firstReviews: number,
  cutoff: EpochMs,
  learningUntil: EpochMs,
  findLater: boolean,
  chapterId: string | undefined,
): Promise<{ reviews: CardRow[]; more: ReviewsToLoad | null; learning: CardRow[]; later: EpochMs | null }> {
  const inScope = (c: CardRow) => chapterId === undefined || c.chapterId === chapterId;
  const reviewsOf = async (): Promise<{ reviews: CardRow[]; more: ReviewsToLoad | null }> => {
    if (reviewsLeft <= 0) return { reviews: [], more: null };
    if (chapterId !== undefined) {
      // A chapter's scheduled cards are few: all of them now, by the chapter index.
      const rows = await db.cards
        .where('[packId+chapterId+dueKey]')
        .between([packId, chapterId, MIN], [packId, chapterId, cutoff], true, true)
        .toArray();
      return { reviews: rows.filter((c) => c.state === 2).slice(0, reviewsLeft), more: null };
    }
    const first = Math.min(reviewsLeft, firstReviews);
    const reviews = await scheduledRange(db, packId, 2, MIN, cutoff).limit(first).toArray();
    const more =
      reviews.length < first ? null : reviewsCursor(packId, reviews, reviewsLeft - reviews.length, null);
    return { reviews, more };
  };
  const [reviews, learning, relearning, later] = await Promise.all([
    reviewsOf(),
    scheduledRange(db, packId, 1, MIN, learningUntil).toArray(),
    scheduledRange(db, packId, 3, MIN, learningUntil).toArray(),
    findLater && learningUntil < MAX ? firstLearningAfter(db, packId, learningUntil, chapterId) : null,
  ]);
  return { ...reviews, learning: [...learning, ...relearning].filter(inScope), later };
}

/**
 * Loads the queue input for `packIds` (or every pack) at `now`, in one read transaction: for each
 * pack, its due reviews and learning cards and its first new questions (only from opened chapters
 * unless `requireReading` is false), limited to what today's limits leave; plus the opened
 * chapters and today's counts.
 */
export async function loadQueueInput(
  db: LecternDb,
  packIds: readonly string[] | 'all',
  now: EpochMs,
  opts: LoadQueueOptions,
): Promise<QueueInput> {
  const cutoff = opts.dueCutoff ?? now;
  const learningUntil = opts.learningUntil ?? MAX;
  const requireReading = opts.requireReading ?? true;
  const { limits } = opts;
  const limitsOf = (packId: string) =>
    (typeof limits === 'function'
      ? limits(packId)
      : limits && Object.hasOwn(limits, packId)
        ? limits[packId]
        : undefined) ??
    opts.defaultLimits ??
    DEFAULT_LIMITS;
  const left = (limit: number, done: number) =>
    Math.max(0, (Number.isFinite(limit) ? Math.floor(limit) : 0) - done);
  const firstReviews = Math.max(1, Math.floor(opts.firstReviews ?? MAX));
  return db.transaction('r', [db.packs, db.cards, db.reading, db.revlog, db.questionChunks], async () => {
    // All at once (reading rows are one per opened chapter: few).
    const [packs, reading, done] = await Promise.all([
      readPackLayouts(db, packIds),
      db.reading.toArray(),
      opts.doneToday ? null : reviewsDoneToday(db, now, opts.dayStartMs),
    ]);
    const ids = packs.map((p) => p.id);
    const wanted = new Set(ids);
    // A chapter with no text to read is open from the start.
    const openedChapters = new Set([
      ...reading.filter((r) => wanted.has(r.packId)).map((r) => `${r.packId}:${r.chapterId}`),
      ...packs.flatMap((p) => p.textless.map((c) => `${p.id}:${c}`)),
    ]);
    const allDoneToday: Record<string, DoneToday> = {};
    const source = opts.doneToday ?? done?.byPack ?? {};
    for (const [id, d] of Object.entries(source))
      allDoneToday[id] = { newDone: d.newDone, reviewsDone: d.reviewsDone };
    const doneToday: Record<string, DoneToday> = {};
    for (const id of ids) {
      const d = allDoneToday[id];
      if (d) doneToday[id] = { ...d };
    }
    const perPack = await Promise.all(
      packs.map(async (pack) => {
        const limits = limitsOf(pack.id);
        const d = doneToday[pack.id] ?? { newDone: 0, reviewsDone: 0 };
        const eligible = (chapterId: string) =>
          (opts.chapterId === undefined || chapterId === opts.chapterId) &&
          (!requireReading || openedChapters.has(`${pack.id}:${chapterId}`));
        const [scheduled, fresh] = await Promise.all([
          loadScheduled(
            db,
            pack.id,
            left(limits.reviewsPerDay, d.reviewsDone),
            firstReviews,
            cutoff,
            learningUntil,
            opts.laterLearning ?? true,
            opts.chapterId,
          ),
          loadFirstNewQuestions(db, pack, left(limits.newPerDay, d.newDone), eligible),
        ]);
        return { ...scheduled, fresh };
      }),
    );
    const fresh = perPack.flatMap((p) => p.fresh);
    // A new question may have a state-0 row (flagged, or an undone first answer): its rev counts.
    const readRows = (opts.newRows ?? 'read') === 'read';
    const freshRows = readRows ? await db.cards.bulkGet(fresh.map((q) => q.key)) : [];
    const rows = new Map<CardKey, CardRow>();
    const cards: QueueCard<CardKey>[] = [];
    for (const c of perPack.flatMap((p) => [...p.reviews, ...p.learning])) {
      rows.set(c.key, c);
      cards.push(c);
    }
    fresh.forEach((q, i) => {
      const row = freshRows[i];
      if (row) rows.set(q.key, row);
      cards.push(row ?? newQueueCard(q));
    });
    const later = perPack.map((p) => p.later).filter((d): d is number => d !== null);
    return {
      cards,
      rows,
      questions: new Map(fresh.map((q) => [q.key, q])),
      openedChapters,
      doneToday,
      packOrder: ids,
      laterLearning: later.length > 0 ? Math.min(...later) : null,
      moreReviews: perPack.map((p) => p.more).filter((m): m is ReviewsToLoad => m !== null),
      unverified: readRows ? [] : fresh.map((q) => q.key),
      allDoneToday,
    };
  });
}
