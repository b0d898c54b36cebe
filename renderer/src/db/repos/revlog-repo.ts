/**
 * The review log: answers of today and yesterday as rows of `revlog` (schema 5), older days a record
 * each in `revlogDays` (schema 6, `core/revlog/day-blocks.ts`). Every reader reads both through this
 * module, as one log in id (time) order; every writer that removes reviews removes them from both.
 * Functions join the caller's transaction: its scope must hold `revlog` and `revlogDays`.
 */
import type { Collection } from 'dexie';
import { describeError } from '../../core/describe-error';
import {
  cardKeysOfDay,
  dayIdRange,
  dayLabel,
  dayOf,
  dayOfId,
  decodeReviewDay,
  encodeReviewDay,
  REVIEW_DAY,
  type ReviewDayRow,
} from '../../core/revlog/day-blocks';
import { reviewIdBound, reviewIdTime } from '../../core/revlog/review-id';
import type { LecternDb } from '../schema/database';
import { type EpochMs, keysByPack, packOfKey, type ReviewRow, reviewRowSchema } from '../schema/rows';

/** Beyond every review id (ids are 0-9a-z and `_`). */
const ID_END = '\uffff';

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Reviews answered from the start of yesterday (UTC) on stay rows; older ones go into their day. */
export function rowsKeptFrom(now: EpochMs): EpochMs {
  return dayOf(now) - REVIEW_DAY;
}

/** The review log's record of a day could not be read (named by its date). */
export class ReviewDayError extends Error {}

/**
 * The reviews of a stored day, in id order. Throws a `ReviewDayError` naming the day when its record
 * is not one Lectern wrote (a damaged database): nothing is guessed, and no writer replaces it.
 */
export function reviewsOfDay(row: ReviewDayRow): ReviewRow[] {
  try {
    const rows = decodeReviewDay(row);
    // Rows the columns could not hold come back whole, as stored: they are checked like any row.
    for (const [i] of row.block.x ?? []) {
      const checked = reviewRowSchema.safeParse(rows[i]);
      if (!checked.success)
        throw new Error(`review ${i + 1}: ${checked.error.issues[0]?.message ?? 'not a review'}`);
    }
    return rows as ReviewRow[];
  } catch (err) {
    throw new ReviewDayError(
      `The review log's record of ${dayLabel(row.day)} could not be read (${describeError(err)}).`,
    );
  }
}

/** Both lists in id order, merged (a review in both counts once). */
function mergeById(a: readonly ReviewRow[], b: readonly ReviewRow[]): ReviewRow[] {
  if (a.length === 0) return [...b];
  if (b.length === 0) return [...a];
  const out: ReviewRow[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && x.id < y.id)) {
      out.push(x as ReviewRow);
      i++;
    } else if (x === undefined || y.id < x.id) {
      out.push(y);
      j++;
    } else {
      out.push(x);
      i++;
      j++;
    }
  }
  return out;
}

/**
 * The reviews with ids in `[lo, hi)` (`loOpen`: above `lo`), in id order: one range read of the rows
 * and one of the days it spans (those `skipDay` picks are not decoded).
 */
export async function readReviewsBetween(
  db: LecternDb,
  lo: string,
  hi: string = ID_END,
  loOpen = false,
  skipDay?: (day: ReviewDayRow) => boolean,
): Promise<ReviewRow[]> {
  const fromDay = lo === '' ? 0 : dayOfId(lo);
  const toDay = hi === ID_END ? Number.POSITIVE_INFINITY : dayOfId(hi);
  const [rows, days] = await Promise.all([
    db.revlog.where(':id').between(lo, hi, !loOpen, false).toArray(),
    db.revlogDays
      .where('day')
      .between(Number.isFinite(fromDay) ? fromDay : 0, toDay, true, true)
      .toArray(),
  ]);
  if (days.length === 0) return rows;
  let out = rows;
  for (const d of days) {
    if (skipDay?.(d)) continue;
    const inRange = reviewsOfDay(d).filter((r) => (loOpen ? r.id > lo : r.id >= lo) && r.id < hi);
    out = mergeById(out, inRange);
  }
  return out;
}

/**
 * This device's own reviews (no `origin`) with ids above `after`, in id order: what sync's export
 * sends. Stored days holding only other devices' reviews (a merge's) are not decoded.
 */
export async function readOwnReviewsAfter(db: LecternDb, after: string): Promise<ReviewRow[]> {
  const all = await readReviewsBetween(db, after, ID_END, true, (d) => d.foreign === 1);
  return all.filter((r) => r.origin === undefined);
}

/** The reviews answered in `[from, to)` (epoch ms), in id order. */
export function readReviewsAt(db: LecternDb, from: EpochMs, to: EpochMs): Promise<ReviewRow[]> {
  return readReviewsBetween(db, reviewIdBound(from), reviewIdBound(to));
}

/** The first and last review's times (the last day's end for a stored day), or null for no review. */
export async function reviewTimeSpan(db: LecternDb): Promise<{ first: number; last: number } | null> {
  const [firstRow, lastRow, firstDay, lastDay] = await Promise.all([
    db.revlog.orderBy(':id').limit(1).primaryKeys(),
    db.revlog.orderBy(':id').reverse().limit(1).primaryKeys(),
    db.revlogDays.orderBy('day').limit(1).primaryKeys(),
    db.revlogDays.orderBy('day').reverse().limit(1).primaryKeys(),
  ]);
  const firsts: number[] = [];
  const lasts: number[] = [];
  if (firstRow[0] !== undefined) firsts.push(reviewIdTime(firstRow[0]));
  if (lastRow[0] !== undefined) lasts.push(reviewIdTime(lastRow[0]));
  if (firstDay[0] !== undefined) firsts.push(firstDay[0]);
  if (lastDay[0] !== undefined) lasts.push(lastDay[0] + REVIEW_DAY - 1);
  if (firsts.length === 0 || lasts.length === 0) return null;
  return { first: Math.min(...firsts), last: Math.max(...lasts) };
}

/** The review rows of a pack's cards (card keys are `${packId}:${questionId}`); its older days are apart. */
export function packReviewRows(db: LecternDb, packId: string): Collection<ReviewRow, string> {
  return db.revlog.where('cardKey').between(`${packId}:`, `${packId}:\uffff`, true, true);
}

/** The stored days holding reviews of `packId`. */
function packDays(db: LecternDb, packId: string): Promise<ReviewDayRow[]> {
  return db.revlogDays.where('packs').equals(packId).toArray();
}

/** How many reviews the log holds (of one pack). */
export async function countReviews(db: LecternDb, packId?: string): Promise<number> {
  if (packId === undefined) {
    const [rows, days] = await Promise.all([db.revlog.count(), db.revlogDays.toArray()]);
    return days.reduce((n, d) => n + d.n, rows);
  }
  const [rows, days] = await Promise.all([packReviewRows(db, packId).count(), packDays(db, packId)]);
  return days.reduce((n, d) => n + (d.packCounts[d.packs.indexOf(packId)] ?? 0), rows);
}

/** The card keys a pack has reviews of. */
export async function packReviewedKeys(db: LecternDb, packId: string): Promise<Set<string>> {
  const keys = new Set<string>();
  await packReviewRows(db, packId).eachKey((k) => {
    keys.add(String(k));
  });
  const prefix = `${packId}:`;
  for (const d of await packDays(db, packId))
    for (const k of cardKeysOfDay(d)) if (k.startsWith(prefix)) keys.add(k);
  return keys;
}

/**
 * The stored reviews of `keys` (rows, then stored days, in no set order): one key-range read per run
 * of keys of one pack rather than a lookup per key (IndexedDB's per-request cost is what a merge of
 * 100k reviews pays most), and only the days that hold those packs, decoded only where their key
 * table names one of the keys.
 */
export async function readCardReviews(db: LecternDb, keys: readonly string[]): Promise<ReviewRow[]> {
  const wanted = new Set(keys);
  const byPack = keysByPack(keys);
  const out: ReviewRow[] = [];
  if (keys.length <= 50) out.push(...(await db.revlog.where('cardKey').anyOf(keys).toArray()));
  else
    for (const list of byPack.values()) {
      list.sort();
      const rows = await db.revlog
        .where('cardKey')
        .between(list[0] as string, list[list.length - 1] as string, true, true)
        .toArray();
      for (const r of rows) if (wanted.has(r.cardKey)) out.push(r);
    }
  const days = await db.revlogDays
    .where('packs')
    .anyOf([...byPack.keys()])
    .toArray();
  const seen = new Set<number>();
  for (const d of days) {
    if (seen.has(d.day)) continue;
    seen.add(d.day);
    if (!cardKeysOfDay(d).some((k) => wanted.has(k))) continue;
    for (const r of reviewsOfDay(d)) if (wanted.has(r.cardKey)) out.push(r);
  }
  return out;
}

/**
 * Rewrites the stored days in `days` without the reviews `drop` picks (a day left empty is
 * deleted). Resolves to how many reviews were dropped.
 */
async function dropFromDays(
  db: LecternDb,
  days: readonly ReviewDayRow[],
  drop: (r: ReviewRow) => boolean,
): Promise<number> {
  let dropped = 0;
  const put: ReviewDayRow[] = [];
  const del: number[] = [];
  for (const d of days) {
    const rows = reviewsOfDay(d);
    const kept = rows.filter((r) => !drop(r));
    if (kept.length === rows.length) continue;
    dropped += rows.length - kept.length;
    if (kept.length === 0) del.push(d.day);
    else put.push(encodeReviewDay(d.day, kept));
  }
  if (put.length > 0) await db.revlogDays.bulkPut(put);
  if (del.length > 0) await db.revlogDays.bulkDelete(del);
  return dropped;
}

/** Deletes every review of a pack; resolves to how many. */
export async function deletePackReviews(db: LecternDb, packId: string): Promise<number> {
  const prefix = `${packId}:`;
  const rows = await packReviewRows(db, packId).delete();
  return rows + (await dropFromDays(db, await packDays(db, packId), (r) => r.cardKey.startsWith(prefix)));
}

/** Deletes every review of `keys`' cards; resolves to how many. */
export async function deleteCardReviews(db: LecternDb, keys: readonly string[]): Promise<number> {
  if (keys.length === 0) return 0;
  const wanted = new Set(keys);
  const rows = await db.revlog.where('cardKey').anyOf(keys).delete();
  const packs = [...new Set(keys.map(packOfKey))];
  const days = (await db.revlogDays.where('packs').anyOf(packs).toArray()).filter((d) =>
    cardKeysOfDay(d).some((k) => wanted.has(k)),
  );
  return (
    rows +
    (await dropFromDays(db, [...new Map(days.map((d) => [d.day, d])).values()], (r) => wanted.has(r.cardKey)))
  );
}

/** Deletes the reviews with these ids, wherever they are stored. */
export async function deleteReviews(db: LecternDb, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.revlog.bulkDelete([...ids]);
  const byDay = new Set(ids.map(dayOfId).filter(Number.isFinite));
  const days = (await db.revlogDays.bulkGet([...byDay])).filter((d): d is ReviewDayRow => d !== undefined);
  const gone = new Set(ids);
  await dropFromDays(db, days, (r) => gone.has(r.id));
}

/**
 * Adds reviews not stored yet (a merge from another device, a history import): those of today and
 * yesterday as rows, older ones into their day's record (read, joined, written once a day). A
 * review whose id is stored already counts once.
 */
export async function addReviews(db: LecternDb, reviews: readonly ReviewRow[], now: EpochMs): Promise<void> {
  await (await readDaysToJoin(db, reviews, now)).add(reviews);
}

/** The stored days some reviews would join, read ahead: {@link addReviews} in two steps. */
export interface DaysToJoin {
  /** Adds reviews (of the days read, or of today and yesterday), as {@link addReviews} does. */
  add(reviews: readonly ReviewRow[]): Promise<void>;
}

/**
 * Reads the stored days that `reviews` (their ids, or a superset's) would join, so that the adding
 * itself reads nothing: a merge reads them before it writes its cards, and codes the days while the
 * card rows are being written (IndexedDB runs requests in order: a read after those writes would
 * wait for all of them). Nothing else may write those days in between (the caller's transaction).
 */
export async function readDaysToJoin(
  db: LecternDb,
  reviews: readonly Pick<ReviewRow, 'id'>[],
  now: EpochMs,
): Promise<DaysToJoin> {
  const cut = reviewIdBound(rowsKeptFrom(now));
  const days = new Set<number>();
  for (const r of reviews) if (r.id < cut) days.add(dayOfId(r.id));
  const list = [...days];
  const rows = list.length > 0 ? await db.revlogDays.bulkGet(list) : [];
  const stored = new Map<number, ReviewDayRow | undefined>(list.map((d, i) => [d, rows[i]]));
  return {
    add: async (adding) => {
      const recent: ReviewRow[] = [];
      const older = new Map<number, ReviewRow[]>();
      for (const r of adding) {
        if (r.id >= cut) {
          recent.push(r);
          continue;
        }
        const day = dayOfId(r.id);
        if (!stored.has(day)) throw new Error(`review ${r.id} is of a day that was not read ahead`);
        const l = older.get(day);
        if (l) l.push(r);
        else older.set(day, [r]);
      }
      const put: ReviewDayRow[] = [];
      for (const [day, rowsOfDay] of older) {
        const sorted = [...rowsOfDay].sort(byId);
        const have = stored.get(day);
        put.push(encodeReviewDay(day, have ? mergeById(reviewsOfDay(have), sorted) : sorted));
      }
      await Promise.all([
        recent.length > 0 ? db.revlog.bulkPut(recent) : undefined,
        put.length > 0 ? db.revlogDays.bulkPut(put) : undefined,
      ]);
    },
  };
}

/** Writes each day's `rows` into its record, joined with what it holds (stored reviews win). */
async function joinDays(db: LecternDb, byDay: Map<number, ReviewRow[]>): Promise<void> {
  const days = [...byDay.keys()];
  const stored = await db.revlogDays.bulkGet(days);
  const put: ReviewDayRow[] = [];
  days.forEach((day, i) => {
    const adding = [...(byDay.get(day) as ReviewRow[])].sort(byId);
    const have = stored[i];
    put.push(encodeReviewDay(day, have ? mergeById(reviewsOfDay(have), adding) : adding));
  });
  await db.revlogDays.bulkPut(put);
}

/** Rows moved into their days per transaction by {@link compactReviewLog}. */
const COMPACT_BATCH = 5000;

/**
 * Moves the rows of days before yesterday into their day's record, oldest first, {@link COMPACT_BATCH}
 * rows a transaction (a reload midway keeps what moved; the rest moves next time). Answers older
 * than `dropAnswersBefore` lose what the student answered on the way. Resolves to the rows moved
 * and how many of them lost their answer.
 */
export async function compactReviewLog(
  db: LecternDb,
  now: EpochMs,
  opts: { dropAnswersBefore?: EpochMs; signal?: AbortSignal } = {},
): Promise<{ moved: number; answersDropped: number }> {
  const cut = reviewIdBound(rowsKeptFrom(now));
  const stripBefore = opts.dropAnswersBefore === undefined ? '' : reviewIdBound(opts.dropAnswersBefore);
  let moved = 0;
  let answersDropped = 0;
  for (;;) {
    if (opts.signal?.aborted) return { moved, answersDropped };
    const n = await db.transaction('rw', db.revlog, db.revlogDays, async () => {
      const rows = await db.revlog.where(':id').below(cut).limit(COMPACT_BATCH).toArray();
      if (rows.length === 0) return 0;
      const byDay = new Map<number, ReviewRow[]>();
      for (const r of rows) {
        const strip = r.response !== undefined && r.id < stripBefore;
        if (strip) answersDropped++;
        const row = strip ? withoutResponse(r) : r;
        const day = dayOfId(r.id);
        const list = byDay.get(day);
        if (list) list.push(row);
        else byDay.set(day, [row]);
      }
      await joinDays(db, byDay);
      const first = (rows[0] as ReviewRow).id;
      const last = (rows[rows.length - 1] as ReviewRow).id;
      // Every row between the first and the last was read (one ordered range): one range delete.
      await db.revlog.where(':id').between(first, last, true, true).delete();
      return rows.length;
    });
    moved += n;
    if (n < COMPACT_BATCH) return { moved, answersDropped };
  }
}

function withoutResponse(r: ReviewRow): ReviewRow {
  const { response: _r, ...rest } = r;
  return rest;
}

/**
 * Rows read per page by {@link forEachReviewPage}: small enough that decoding a page stays a short
 * task (4,000 made tasks of ~120 ms here; 1,500 stay under 80 ms).
 */
const READ_PAGE = 1500;

/**
 * Stored days a walk reads at once, at most: one request for many small days (a day record is
 * ~250 µs of IndexedDB whatever it holds, and each request waits a round trip), but only as many
 * decoded as fill a page.
 */
const DAYS_PER_READ = 64;

/**
 * The next reviews in id order after `after` ('' for the first) and below `before`, in one read
 * transaction: up to `page` rows, or the stored days that fill a page (at least one, with their rows;
 * a day holds a few thousand reviews at most). Empty at the end. A caller walking the log passes the
 * last id it got as `after`, so rows moved into their day between two calls are neither missed nor
 * read twice.
 */
export function nextReviews(
  db: LecternDb,
  after: string,
  before: string = ID_END,
  page = READ_PAGE,
): Promise<ReviewRow[]> {
  return db.transaction('r', db.revlog, db.revlogDays, async () => {
    let lo = after;
    let loOpen = after !== '';
    let fromDay = after === '' ? 0 : dayOfId(after);
    for (;;) {
      const nextDay = (await db.revlogDays.where('day').aboveOrEqual(fromDay).limit(1).primaryKeys())[0] as
        | number
        | undefined;
      const [dayLo] = nextDay === undefined ? [ID_END] : dayIdRange(nextDay);
      const rowsHi = dayLo < before ? dayLo : before;
      if (lo < rowsHi) {
        const rows = await db.revlog.where(':id').between(lo, rowsHi, !loOpen, false).limit(page).toArray();
        if (rows.length > 0) return rows;
      }
      if (nextDay === undefined || dayLo >= before) return [];
      // The days from `nextDay` on, as many as fill a page, and every row among them (rows not yet
      // moved, or answers merged in): all of the log in [dayLo, hi).
      const stored = await db.revlogDays
        .where('day')
        .aboveOrEqual(nextDay)
        .limit(Math.max(2, Math.min(DAYS_PER_READ, Math.ceil(page / 100))))
        .toArray();
      const days: ReviewDayRow[] = [];
      let count = 0;
      for (const d of stored) {
        if (days.length > 0 && (count >= page || dayIdRange(d.day)[0] >= before)) break;
        days.push(d);
        count += d.n;
      }
      const lastDayHi = dayIdRange((days[days.length - 1] as ReviewDayRow).day)[1];
      let hi = lastDayHi < before ? lastDayHi : before;
      const fromDayLo = lo < dayLo;
      const rows = await db.revlog
        .where(':id')
        .between(fromDayLo ? dayLo : lo, hi, fromDayLo || !loOpen, false)
        .limit(page)
        .toArray();
      // Rows enough to fill a page on their own: the page ends at the last of them.
      if (rows.length === page) hi = `${(rows[rows.length - 1] as ReviewRow).id}\u0000`;
      const fromDays: ReviewRow[] = [];
      for (const d of days) for (const r of reviewsOfDay(d)) fromDays.push(r);
      const all = mergeById(fromDays, rows).filter((r) => (loOpen ? r.id > lo : r.id >= lo) && r.id < hi);
      if (all.length > 0) return all;
      // All of those days were read already: on from the next.
      lo = hi;
      loOpen = false;
      fromDay = dayOfId(hi) + (hi === lastDayHi ? 0 : REVIEW_DAY);
    }
  });
}

/**
 * Reads the whole review log in id (time) order, handing each page of {@link nextReviews} to `fn`
 * and yielding to the page between them: bulk reads (one request a page, not one a row as a cursor
 * makes: 97k reviews in ~3 s here against 5.4 s), and no long task however long the log.
 */
export async function forEachReviewPage(
  db: LecternDb,
  fn: (rows: ReviewRow[]) => void,
  page = READ_PAGE,
): Promise<void> {
  let after = '';
  for (;;) {
    const rows = await nextReviews(db, after, ID_END, page);
    const last = rows[rows.length - 1];
    if (!last) return;
    fn(rows);
    after = last.id;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/**
 * The exclusive upper id of every review stored now (a backup's snapshot of the log): answers given
 * later have later ids. Null for an empty log.
 */
export async function reviewsEnd(db: LecternDb): Promise<string | null> {
  const [lastRow, lastDay] = await Promise.all([
    db.revlog.orderBy(':id').reverse().limit(1).primaryKeys(),
    db.revlogDays.orderBy('day').reverse().limit(1).primaryKeys(),
  ]);
  const ends: string[] = [];
  if (lastRow[0] !== undefined) ends.push(`${lastRow[0]}\u0000`);
  if (lastDay[0] !== undefined) ends.push(dayIdRange(lastDay[0] as number)[1]);
  // Strings: the later of the two in code-unit order (the ids' time order).
  return ends.sort().at(-1) ?? null;
}

/** Rows rewritten per transaction while dropping old answers. */
const PRUNE_BATCH = 2000;

/**
 * Drops what the student answered from reviews answered before `before` (the "keep answers" setting),
 * in short transactions of {@link PRUNE_BATCH} rows, oldest first, then from the stored days that
 * still keep answers (found by their index); the numbers stay. Resolves to how many reviews lost
 * their answer. Cheap when nothing is left to drop: two key-range reads.
 */
export async function pruneOldResponses(db: LecternDb, before: EpochMs): Promise<number> {
  let pruned = 0;
  let after = '';
  for (;;) {
    const { count, last } = await db.transaction('rw', db.revlog, async () => {
      const rows = await db.revlog
        .where(':id')
        .between(after, reviewIdBound(before), false, false)
        .limit(PRUNE_BATCH)
        .toArray();
      const stripped = rows.filter((r) => r.response !== undefined).map(({ response: _r, ...rest }) => rest);
      if (stripped.length > 0) await db.revlog.bulkPut(stripped);
      return {
        count: stripped.length,
        last: rows.length === PRUNE_BATCH ? rows[rows.length - 1]?.id : undefined,
      };
    });
    pruned += count;
    if (last === undefined) break;
    after = last;
  }
  const answeredDays = (await db.revlogDays.where('answered').equals(1).primaryKeys()) as number[];
  const cut = reviewIdBound(before);
  for (const day of answeredDays) {
    if (dayIdRange(day)[0] >= cut) continue;
    pruned += await db.transaction('rw', db.revlogDays, async () => {
      const stored = await db.revlogDays.get(day);
      if (!stored) return 0;
      const rows = reviewsOfDay(stored);
      let n = 0;
      const kept = rows.map((r) => {
        if (r.response === undefined || r.id >= cut) return r;
        n++;
        return withoutResponse(r);
      });
      if (n > 0) await db.revlogDays.put(encodeReviewDay(day, kept));
      return n;
    });
  }
  return pruned;
}
