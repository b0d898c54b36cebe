/**
 * The statistics' columns of the review log, cached by day (UTC) of answer (`reviewColumns`, keyed
 * by day since schema 5; by span of numeric ids in schemas 3–4). Chromium decodes a whole row to read
 * the four numbers the statistics use; a day's columns are one record of typed arrays, read in well
 * under a millisecond.
 *
 * - A day is cached only once it is over (before both the newest review and the clock): answers are
 *   added at the current time, so they land in no cached day. Review ids begin with the time
 *   (`core/revlog/review-id.ts`), so a day's reviews are one range of ids.
 * - The statistics build the chunks of the spans they had to read row by row, and save them after
 *   their read ({@link saveReviewColumnChunks}), only if the log's *generation* is still the one
 *   they read.
 * - A DBCore middleware ({@link reviewColumnMiddleware}) keeps them true under every other write to
 *   `reviews`, in the same transaction: deleting reviews (undo, a pack removed or reset, a restore's
 *   clear) or adding rows with given ids (a restore) drops the chunks of the spans touched and bumps
 *   the generation. Adding a review to a day already over (a restore, a merge from another
 *   device, a clock set back) drops that day's chunk the same way.
 * - Writes to `revlogDays` (the log's older days, a record each) drop the chunks of the days written
 *   the same way: moving a day's rows into its record drops that day's chunk once.
 */
import type {
  DBCore,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
} from 'dexie';
import { reviewIdTime } from '../../../core/revlog/review-id';
import type { ReviewColumnChunk } from '../../../core/stats';
import { DexiePromise, transactionHas, widenReadWrite, wrapWrites } from './derived-tables';

/** The cache's table (not in backups: it is derived from `reviews`). */
export const COLUMN_TABLE = 'reviewColumns';
/**
 * A cached span: one UTC day. A chunk is 20 bytes a review, so a day of up to ~3,000 answers stays
 * under the 64 KB above which Chromium stores a value in a file of its own (a busier day is only
 * slower to read).
 */
export const REVIEW_SPAN = 86_400_000;
/** The tables the cache is derived from: the log's rows, and its older days a record each. */
const LOG_TABLE = 'revlog';
const DAYS_TABLE = 'revlogDays';
/** The key of the record holding the generation (spans start at 0 or above). */
export const GENERATION_KEY = -1;

/** The generation record: bumped whenever reviews are deleted or added with given ids. */
export interface ReviewGenerationRow {
  first: typeof GENERATION_KEY;
  generation: number;
}

/** A record of `reviewColumns`: a span's columns, or the generation. */
export type ReviewColumnRow = ReviewColumnChunk | ReviewGenerationRow;

/** The start of the span (day) holding the time `at`. */
export function spanOf(at: number): number {
  return Math.floor(at / REVIEW_SPAN) * REVIEW_SPAN;
}

/**
 * The spans a write touches, or 'all' (a range delete: rare, drop everything). Null: none that can
 * be cached (today's answers, the common case, cost nothing more).
 */
function spansTouched(req: DBCoreMutateRequest, now: number): Set<number> | 'all' | null {
  if (req.type === 'deleteRange') return rangeSpans(req.range.lower, req.range.upper);
  const times: number[] =
    req.type === 'delete'
      ? req.keys.map(timeOfKey)
      : req.values.map((v) =>
          timeOfKey((v as { id?: unknown; day?: unknown }).id ?? (v as { day?: unknown }).day),
        );
  const today = spanOf(now);
  const spans = new Set<number>();
  for (const t of times) if (Number.isFinite(t) && spanOf(t) < today) spans.add(spanOf(t));
  return spans.size > 0 ? spans : null;
}

/** Past this many days a range delete drops the whole cache. */
const MAX_RANGE_SPANS = 400;

/**
 * The spans between two keys of a range delete (the upkeep moves a few days' rows into their day
 * records with one each), or 'all' for a range without both ends (a table cleared) or a long one.
 */
function rangeSpans(lower: unknown, upper: unknown): Set<number> | 'all' {
  const from = timeOfKey(lower);
  const to = timeOfKey(upper);
  if (!Number.isFinite(from) || !Number.isFinite(to) || to < from) return 'all';
  if ((spanOf(to) - spanOf(from)) / REVIEW_SPAN >= MAX_RANGE_SPANS) return 'all';
  const spans = new Set<number>();
  for (let span = spanOf(from); span <= spanOf(to); span += REVIEW_SPAN) spans.add(span);
  return spans;
}

/** A write's time: a review id's, or a day record's key (its day). */
function timeOfKey(key: unknown): number {
  return typeof key === 'number' ? key : reviewIdTime(key);
}

/** Drops the chunks of `spans` and bumps the generation. */
function invalidate(
  cache: DBCoreTable,
  trans: DBCoreTransaction,
  spans: Set<number> | 'all',
): PromiseLike<unknown> {
  const dropped =
    spans === 'all'
      ? cache.mutate({
          type: 'deleteRange',
          trans,
          // DBCoreRangeType.Range (a const enum Dexie does not export at runtime): every span, not the generation.
          range: { type: 2, lower: 0, lowerOpen: false, upper: Number.POSITIVE_INFINITY, upperOpen: false },
        })
      : cache.mutate({ type: 'delete', trans, keys: [...spans] });
  const bumped = DexiePromise.resolve(cache.get({ trans, key: GENERATION_KEY })).then((row) =>
    cache.mutate({
      type: 'put',
      trans,
      values: [
        {
          first: GENERATION_KEY,
          generation: ((row as ReviewGenerationRow | undefined)?.generation ?? 0) + 1,
        },
      ],
    }),
  );
  return DexiePromise.all([dropped, bumped]);
}

/** Keeps `reviewColumns` true under every write to `reviews` (see the file comment). */
export function reviewColumnMiddleware(down: DBCore): DBCore {
  const mutate = (table: DBCoreTable, req: DBCoreMutateRequest) => {
    const spans = transactionHas(req.trans, COLUMN_TABLE) ? spansTouched(req, Date.now()) : null;
    if (!spans) return table.mutate(req);
    const cache = down.table(COLUMN_TABLE);
    return DexiePromise.all([table.mutate(req), invalidate(cache, req.trans, spans)]).then(
      ([res]) => res,
    ) as Promise<DBCoreMutateResponse>;
  };
  const withRows = wrapWrites(down, LOG_TABLE, mutate);
  const widenRows = widenReadWrite(down, LOG_TABLE, COLUMN_TABLE);
  const widenDays = widenReadWrite(down, DAYS_TABLE, COLUMN_TABLE);
  return {
    ...down,
    transaction: (stores, mode, options) =>
      stores.includes(DAYS_TABLE) ? widenDays(stores, mode, options) : widenRows(stores, mode, options),
    table: (name) => (name === DAYS_TABLE ? wrapWrites(down, DAYS_TABLE, mutate)(name) : withRows(name)),
  };
}

/** More answers than a day can hold (one a second around the clock) mark a chunk as not ours. */
const MAX_CHUNK_REVIEWS = 86_400;

/** Cached spans read per request (~2 MB): one request per chunk would wait on a round trip each. */
export const SPANS_PER_READ = 40;

/**
 * Groups cached spans (any order) into runs of consecutive spans, at most {@link SPANS_PER_READ}
 * each, as [first span, last span]: one read each.
 */
export function groupSpans(spans: Iterable<number>): [number, number][] {
  const sorted = [...spans].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const span of sorted) {
    const run = runs[runs.length - 1];
    if (run && span === run[1] + REVIEW_SPAN && (span - run[0]) / REVIEW_SPAN < SPANS_PER_READ) run[1] = span;
    else runs.push([span, span]);
  }
  return runs;
}

/**
 * Whether a cached record is a span's columns as `buildReviewColumnChunk` makes them (issue 19: a
 * garbage record locked the statistics). A cache is never trusted: the caller reads a broken span's
 * reviews instead. Cheap next to reading the reviews: one pass over the pack column.
 */
export function isReviewColumnChunk(row: unknown): row is ReviewColumnChunk {
  const r = row as Partial<ReviewColumnChunk> | null;
  if (
    !r ||
    typeof r.first !== 'number' ||
    !Number.isSafeInteger(r.first) ||
    r.first < 0 ||
    r.first % REVIEW_SPAN !== 0
  )
    return false;
  if (!Array.isArray(r.packIds) || !r.packIds.every((p) => typeof p === 'string')) return false;
  const { pack, at, rating, stateBefore, responseMs } = r;
  if (
    !(pack instanceof Uint16Array) ||
    !(at instanceof Float64Array) ||
    !(rating instanceof Uint8Array) ||
    !(stateBefore instanceof Uint8Array) ||
    !(responseMs instanceof Float64Array)
  )
    return false;
  const n = pack.length;
  if (
    n > MAX_CHUNK_REVIEWS ||
    at.length !== n ||
    rating.length !== n ||
    stateBefore.length !== n ||
    responseMs.length !== n
  )
    return false;
  const packs = r.packIds.length;
  const end = r.first + REVIEW_SPAN;
  for (let i = 0; i < n; i++) {
    if ((pack[i] as number) >= packs) return false;
    const t = at[i] as number;
    if (!(t >= r.first && t < end)) return false;
  }
  return true;
}
