/**
 * Reading what the study queue and the Library need, through the v2 card indexes only (see
 * `db.ts`): due reviews by `[packId+state+dueKey]` in due order up to the pack's reviews left
 * today, learning cards by the same index, and the first new questions in course order — a
 * question with no card row (or a state-0 row that is not suspended) is new, so they are found by
 * walking each chapter's order range against `[packId+chapterId+startedOrder]` and reading only the
 * question chunks that hold new ones. Library counts are index counts per chapter plus
 * `pack.chapterCounts`. No read loads every card row or every question of a pack.
 *
 * Every row read costs here (~40 µs a card row in this Chromium), so a queue can be loaded in two
 * steps: `firstReviews` per pack and the learning cards due now (enough to show the first cards),
 * then the rest in pages (`loadMoreReviews`, `loadLearningBetween`) while the first card is shown.
 *
 * Reads use `toArray`/`count`/`primaryKeys` (IndexedDB getAll/count/getAllKeys) rather than
 * row-by-row cursors, which cost one round trip per row.
 */
import type { DailyLimits, DoneToday, QueueCard } from '../core/queue';
import type { LecternDb } from './db';
import { chunkOf, QUESTION_CHUNK, readQuestionRange } from './question-chunks';
import type { CardKey, CardRow, EpochMs, PackRow, QuestionRow } from './rows';
import { type PackLayout, readPackLayouts, rememberPackLayouts } from './study-pack-layouts';

export { chapterOrderRanges, rememberPackLayouts, sortPacksForStudy } from './study-pack-layouts';

/** Where the due reviews of a pack left off: load the next ones with {@link loadMoreReviews}. */
export interface ReviewsToLoad {
  packId: string;
  /** How many more the pack's limit allows. */
  left: number;
  /** The due of the last review loaded … */
  afterDue: EpochMs;
  /** … and the keys loaded with that due (ties are read again and skipped). */
  keysAtDue: CardKey[];
}

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
  /** `${packId}:${chapterId}` of opened chapters. */
  openedChapters: Set<string>;
  /** Answers already given today, by pack. */
  doneToday: Record<string, DoneToday>;
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
  /** Find `laterLearning` (default true; two index reads per pack). */
  laterLearning?: boolean;
  /**
   * `read` (default): read the card rows of the new questions found (a flagged one, or one whose
   * first answer was undone, has a state-0 row and its rev). `later`: leave that to the caller (one
   * get per question), listing them in `unverified`.
   */
  newRows?: 'read' | 'later';
}

/** Counts of one pack or chapter for the Library. */
export interface StudyCounts {
  /** Learning, relearning and review cards due by the cutoff (not suspended, not removed). */
  due: number;
  /** Questions never studied: no card row, or a state-0 row that is not suspended. */
  new: number;
  /** Live questions (the pack's or chapter's question count). */
  total: number;
}

/** Counts per pack and per chapter (`${packId}:${chapterId}`). */
export interface LibraryCounts {
  packs: Record<string, StudyCounts>;
  chapters: Record<string, StudyCounts>;
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

// Every component of these indexes after the ids is a number, so ±Infinity bound them. (Dexie.maxKey
// is one shared array: using it twice in one compound key reads as a cycle to IndexedDB.)
const MIN = Number.NEGATIVE_INFINITY;
const MAX = Number.POSITIVE_INFINITY;
const DEFAULT_LIMITS: DailyLimits = { newPerDay: 20, reviewsPerDay: 200 };

/** Scheduled cards of `packId` in `state` with due in [from, to]. */
function scheduledRange(db: LecternDb, packId: string, state: number, from: number, to: number) {
  return db.cards
    .where('[packId+state+dueKey]')
    .between([packId, state, from], [packId, state, to], true, true);
}

/** Started (studied or suspended, not removed) cards of a chapter with order in [from, to]. */
function startedRange(db: LecternDb, packId: string, chapterId: string, from: number, to: number) {
  return db.cards
    .where('[packId+chapterId+startedOrder]')
    .between([packId, chapterId, from], [packId, chapterId, to], true, true);
}

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
  const rows = await db.reviews.where('at').between(dayStartMs, now, true, true).toArray();
  for (const r of rows) {
    let pack = out.byPack[r.packId];
    if (!pack) {
      pack = { total: 0, newDone: 0, reviewsDone: 0 };
      out.byPack[r.packId] = pack;
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

/** Where loading `rows` (due reviews in due order, `left` allowed in all) leaves off, or null when done. */
function reviewsCursor(
  packId: string,
  rows: readonly CardRow[],
  left: number,
  before: Pick<ReviewsToLoad, 'afterDue' | 'keysAtDue'> | null,
): ReviewsToLoad | null {
  const last = rows[rows.length - 1];
  if (!last || left <= 0) return null;
  const atDue = rows.filter((r) => r.due === last.due).map((r) => r.key);
  const keysAtDue = before && before.afterDue === last.due ? [...before.keysAtDue, ...atDue] : atDue;
  return { packId, left, afterDue: last.due, keysAtDue };
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

/** The earliest due of a learning or relearning card of `packId` after `after`, or null. */
async function firstLearningAfter(
  db: LecternDb,
  packId: string,
  after: EpochMs,
  chapterId: string | undefined,
): Promise<EpochMs | null> {
  const first = (state: number) => {
    const range = db.cards
      .where('[packId+state+dueKey]')
      .between([packId, state, after], [packId, state, MAX], false, true);
    return chapterId === undefined ? range.first() : range.filter((c) => c.chapterId === chapterId).first();
  };
  const dues = (await Promise.all([first(1), first(3)]))
    .map((c) => c?.due)
    .filter((d): d is number => d !== undefined);
  return dues.length > 0 ? Math.min(...dues) : null;
}

/** The earliest due of a learning or relearning card of `packIds` after `after` (optionally one chapter), or null. */
export async function loadNextLearningDue(
  db: LecternDb,
  packIds: readonly string[],
  after: EpochMs,
  chapterId?: string,
): Promise<EpochMs | null> {
  return db.transaction('r', db.cards, async () => {
    const dues = await Promise.all(packIds.map((p) => firstLearningAfter(db, p, after, chapterId)));
    const found = dues.filter((d): d is number => d !== null);
    return found.length > 0 ? Math.min(...found) : null;
  });
}

/**
 * The next due reviews of a pack after `more` (at most `limit`, and at most `more.left`), in due
 * order, with where they leave off (null when the pack has no more due by `cutoff` or its limit is
 * reached). One read transaction.
 */
export async function loadMoreReviews(
  db: LecternDb,
  more: ReviewsToLoad,
  cutoff: EpochMs,
  limit: number,
): Promise<{ rows: CardRow[]; more: ReviewsToLoad | null }> {
  const want = Math.max(0, Math.min(limit, more.left));
  if (want === 0) return { rows: [], more: null };
  const skip = new Set<string>(more.keysAtDue);
  const read = await db.transaction('r', db.cards, () =>
    scheduledRange(db, more.packId, 2, more.afterDue, cutoff)
      .limit(want + skip.size)
      .toArray(),
  );
  const rows = read.filter((r) => !skip.has(r.key)).slice(0, want);
  const done = read.length < want + skip.size;
  return { rows, more: done ? null : reviewsCursor(more.packId, rows, more.left - rows.length, more) };
}

/**
 * Learning and relearning cards of `packIds` due in (`after`, `until`], optionally of one chapter
 * (the queue's first load takes those due by now; these join as the session goes on).
 */
export async function loadLearningBetween(
  db: LecternDb,
  packIds: readonly string[],
  after: EpochMs,
  until: EpochMs,
  chapterId?: string,
): Promise<CardRow[]> {
  if (!(until > after)) return [];
  return db.transaction('r', db.cards, async () => {
    const ranges = packIds.flatMap((packId) =>
      [1, 3].map((state) =>
        db.cards
          .where('[packId+state+dueKey]')
          .between([packId, state, after], [packId, state, until], false, true)
          .toArray(),
      ),
    );
    const rows = (await Promise.all(ranges)).flat();
    return chapterId === undefined ? rows : rows.filter((c) => c.chapterId === chapterId);
  });
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
  return db.transaction('r', [db.packs, db.cards, db.reading, db.reviews, db.questionChunks], async () => {
    const packs = await readPackLayouts(db, packIds);
    const ids = packs.map((p) => p.id);
    // One read each (reading rows are one per opened chapter: few).
    const wanted = new Set(ids);
    const [reading, done] = await Promise.all([
      db.reading.toArray(),
      reviewsDoneToday(db, now, opts.dayStartMs),
    ]);
    const openedChapters = new Set(
      reading.filter((r) => wanted.has(r.packId)).map((r) => `${r.packId}:${r.chapterId}`),
    );
    const doneToday: Record<string, DoneToday> = {};
    for (const id of ids) {
      const d = done.byPack[id];
      if (d) doneToday[id] = { newDone: d.newDone, reviewsDone: d.reviewsDone };
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
    };
  });
}

/** What {@link countsByPackAndChapter} needs of a pack row. */
export type CountedPack = Pick<
  PackRow,
  'id' | 'origin' | 'title' | 'updatedAt' | 'chapters' | 'chapterCounts'
>;

/**
 * Due and new counts per pack and per chapter for the Library, in one read transaction: per
 * chapter, two index counts (due by `[packId+chapterId+dueKey]`, started by
 * `[packId+chapterId+startedOrder]`); new = the chapter's live questions − started. Pass `packs`
 * when the caller has already read them (the Library has), or every stored pack is counted.
 */
export async function countsByPackAndChapter(
  db: LecternDb,
  now: EpochMs,
  opts: { dueCutoff?: EpochMs; packs?: readonly CountedPack[] } = {},
): Promise<LibraryCounts> {
  const cutoff = opts.dueCutoff ?? now;
  return db.transaction('r', db.packs, db.cards, async () => {
    const packRows: readonly CountedPack[] = opts.packs ?? (await db.packs.toArray());
    // The queue needs these rows' chapter layout too: keep it, so Study does not read them again.
    rememberPackLayouts(db, packRows);
    const out: LibraryCounts = { packs: {}, chapters: {} };
    const perChapter = await Promise.all(
      packRows.flatMap((pack) =>
        pack.chapters.map(async (c) => {
          const [due, started] = await Promise.all([
            db.cards
              .where('[packId+chapterId+dueKey]')
              .between([pack.id, c.id, MIN], [pack.id, c.id, cutoff], true, true)
              .count(),
            startedRange(db, pack.id, c.id, MIN, MAX).count(),
          ]);
          const total = Math.max(0, pack.chapterCounts[c.id] ?? 0);
          return { packId: pack.id, chapterId: c.id, due, new: Math.max(0, total - started), total };
        }),
      ),
    );
    for (const pack of packRows) out.packs[pack.id] = { due: 0, new: 0, total: 0 };
    for (const c of perChapter) {
      out.chapters[`${c.packId}:${c.chapterId}`] = { due: c.due, new: c.new, total: c.total };
      const p = out.packs[c.packId] as StudyCounts;
      p.due += c.due;
      p.new += c.new;
      p.total += c.total;
    }
    return out;
  });
}
