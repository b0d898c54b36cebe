/**
 * Reading what the study queue and the Library need, through indexes only: due cards by the
 * `[removed+suspended+state+due]` index, new cards by `[packId+state+order]` a page at a time
 * (stopping at the limit), so a 100k-card pack loads a few hundred rows and never a question body.
 * Reads use `toArray`/`count`/`uniqueKeys` (IndexedDB getAll/count) rather than row-by-row cursors:
 * with a JavaScript filter Dexie falls back to a cursor, one round trip per row (and quadratic in
 * fake-indexeddb), so filters run on the loaded arrays instead.
 */
import type { DoneToday } from '../core/queue';
import type { LecternDb } from './db';
import type { CardRow, EpochMs } from './rows';

/** What `buildQueue` needs, loaded in one read transaction. */
export interface QueueInput {
  /** Due reviews, all learning/relearning cards (also future ones, for `nextLearningDue`), and the first new cards. */
  cards: CardRow[];
  /** `${packId}:${chapterId}` of opened chapters. */
  openedChapters: Set<string>;
  /** Answers already given today, by pack. */
  doneToday: Record<string, DoneToday>;
}

/** Options of {@link loadQueueInput}. */
export interface LoadQueueOptions {
  /** Start of the study day (`computeDayStart`), for what was done today. */
  dayStartMs: EpochMs;
  /** Reviews due up to this time are loaded (default `now`). */
  dueCutoff?: EpochMs;
  /** Load new cards only from opened chapters (default true). */
  requireReading?: boolean;
  /** At most this many new cards per pack (default 1000; pass the pack's new-per-day). */
  newPerPack?: number;
}

/** Counts of one pack or chapter for the Library. */
export interface StudyCounts {
  /** Learning, relearning and review cards due by the cutoff. */
  due: number;
  /** Cards never studied (not suspended, not removed). */
  new: number;
  /** All cards, suspended and removed ones too. */
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

// Every component of these indexes is a number, so ±Infinity bound them. (Dexie.maxKey is one shared
// array: using it twice in one compound key reads as a cycle to IndexedDB and throws DataError.)
const MIN = Number.NEGATIVE_INFINITY;
const MAX = Number.POSITIVE_INFINITY;

/** Active (not removed, not suspended) cards in `state` with due in [from, to]. */
function activeByStateAndDue(db: LecternDb, state: number, from: number, to: number) {
  return db.cards
    .where('[removed+suspended+state+due]')
    .between([0, 0, state, from], [0, 0, state, to], true, true);
}

const NEW_PAGE = 500;

/**
 * The first `limit` new cards of a pack in course order that pass `usable`, read a page at a time
 * from the `[packId+state+order]` index. After each full page, every card sharing the page's last
 * `order` is read too, so the next page can start strictly after that value.
 */
async function loadFirstNewCards(
  db: LecternDb,
  packId: string,
  limit: number,
  usable: (c: CardRow) => boolean,
): Promise<CardRow[]> {
  const out: CardRow[] = [];
  const seen = new Set<string>();
  const take = (rows: CardRow[]) => {
    for (const c of rows) {
      if (out.length >= limit) return;
      if (seen.has(c.key)) continue;
      seen.add(c.key);
      if (usable(c)) out.push(c);
    }
  };
  const range = (from: number, to: number, fromIncluded: boolean) =>
    db.cards.where('[packId+state+order]').between([packId, 0, from], [packId, 0, to], fromIncluded, true);
  let from = MIN;
  let fromIncluded = true;
  while (out.length < limit) {
    const page = await range(from, MAX, fromIncluded).limit(NEW_PAGE).toArray();
    take(page);
    const last = page[page.length - 1];
    if (page.length < NEW_PAGE || !last) break;
    take(await range(last.order, last.order, true).toArray());
    from = last.order;
    fromIncluded = false;
  }
  return out;
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

/**
 * Loads the queue input for `packIds` (or every pack) at `now`, in one read transaction: due
 * reviews, every learning card, the first new cards of each pack in course order (only from opened
 * chapters unless `requireReading` is false), the opened chapters and today's counts.
 */
export async function loadQueueInput(
  db: LecternDb,
  packIds: readonly string[] | 'all',
  now: EpochMs,
  opts: LoadQueueOptions,
): Promise<QueueInput> {
  const cutoff = opts.dueCutoff ?? now;
  const requireReading = opts.requireReading ?? true;
  const newPerPack = Math.max(0, Math.floor(opts.newPerPack ?? 1000));
  return db.transaction('r', db.cards, db.reading, db.reviews, db.packs, async () => {
    const ids =
      packIds === 'all' ? ((await db.packs.toCollection().primaryKeys()) as string[]) : [...packIds];
    const wanted = new Set(ids);
    const reading = await db.reading.where('packId').anyOf(ids).toArray();
    const openedChapters = new Set(reading.map((r) => `${r.packId}:${r.chapterId}`));
    const [reviews, learning, relearning] = await Promise.all([
      activeByStateAndDue(db, 2, MIN, cutoff).toArray(),
      activeByStateAndDue(db, 1, MIN, MAX).toArray(),
      activeByStateAndDue(db, 3, MIN, MAX).toArray(),
    ]);
    const usable = (c: CardRow) =>
      !c.suspended && !c.removed && (!requireReading || openedChapters.has(`${c.packId}:${c.chapterId}`));
    const fresh = await Promise.all(ids.map((packId) => loadFirstNewCards(db, packId, newPerPack, usable)));
    const done = await reviewsDoneToday(db, now, opts.dayStartMs);
    const doneToday: Record<string, DoneToday> = {};
    for (const [packId, d] of Object.entries(done.byPack)) {
      if (wanted.has(packId)) doneToday[packId] = { newDone: d.newDone, reviewsDone: d.reviewsDone };
    }
    const due = [...reviews, ...learning, ...relearning].filter((c) => wanted.has(c.packId));
    return { cards: [...due, ...fresh.flat()], openedChapters, doneToday };
  });
}

function bump(map: Record<string, StudyCounts>, key: string, field: keyof StudyCounts, by = 1): void {
  let c = map[key];
  if (!c) {
    c = { due: 0, new: 0, total: 0 };
    map[key] = c;
  }
  c[field] += by;
}

/**
 * Due and new counts per pack and per chapter for the Library, in one read transaction. Totals come
 * from index counts per chapter, due counts from the due rows only; for the new counts it loads
 * whichever is smaller — the new cards or the studied ones — and derives the other from the totals.
 */
export async function countsByPackAndChapter(
  db: LecternDb,
  now: EpochMs,
  opts: { dueCutoff?: EpochMs } = {},
): Promise<LibraryCounts> {
  const cutoff = opts.dueCutoff ?? now;
  return db.transaction('r', db.cards, async () => {
    const packs: Record<string, StudyCounts> = {};
    const chapters: Record<string, StudyCounts> = {};
    const add = (c: Pick<CardRow, 'packId' | 'chapterId'>, field: keyof StudyCounts, by = 1) => {
      bump(packs, c.packId, field, by);
      bump(chapters, `${c.packId}:${c.chapterId}`, field, by);
    };
    const chapterKeys = (await db.cards.orderBy('[packId+chapterId]').uniqueKeys()) as unknown as Array<
      [string, string]
    >;
    const totals = await Promise.all(
      chapterKeys.map((ck) => db.cards.where('[packId+chapterId]').equals(ck).count()),
    );
    for (const [i, [packId, chapterId]] of chapterKeys.entries())
      add({ packId, chapterId }, 'total', totals[i] ?? 0);

    const dueRows = await Promise.all(
      [1, 2, 3].map((s) => activeByStateAndDue(db, s, MIN, cutoff).toArray()),
    );
    for (const c of dueRows.flat()) add(c, 'due');

    const index = '[removed+suspended+state+due]';
    const newRange = () => activeByStateAndDue(db, 0, MIN, MAX);
    const studiedRange = () => db.cards.where(index).between([0, 0, 1, MIN], [0, 0, 3, MAX], true, true);
    const [newCount, studiedCount] = await Promise.all([newRange().count(), studiedRange().count()]);
    if (newCount <= studiedCount) {
      for (const c of await newRange().toArray()) add(c, 'new');
    } else {
      // new = total − studied − inactive (suspended or removed, in any state)
      for (const [i, [packId, chapterId]] of chapterKeys.entries())
        add({ packId, chapterId }, 'new', totals[i] ?? 0);
      const [studied, suspended, removed] = await Promise.all([
        studiedRange().toArray(),
        db.cards.where(index).between([0, 1, MIN, MIN], [0, 1, MAX, MAX], true, true).toArray(),
        db.cards.where(index).between([1, MIN, MIN, MIN], [1, MAX, MAX, MAX], true, true).toArray(),
      ]);
      for (const c of [...studied, ...suspended, ...removed]) add(c, 'new', -1);
    }
    return { packs, chapters };
  });
}
