/**
 * The statistics' columns of the review log, cached by span of review ids (schema v3,
 * `reviewColumns`). Every review row carries the card as it was before the answer (for undo), and
 * Chromium decodes all of it to read the four numbers the statistics use: 16 s at a million reviews
 * here. A span's columns are one record of typed arrays, read in well under a millisecond.
 *
 * - A span is cached only once it is complete (the log has ids past its end): answers are added
 *   with ids above every existing one, so they never land in a cached span.
 * - The statistics build the chunks of the spans they had to read row by row, and save them after
 *   their read ({@link saveReviewColumnChunks}), only if the log's *generation* is still the one
 *   they read.
 * - A DBCore middleware ({@link reviewColumnMiddleware}) keeps them true under every other write to
 *   `reviews`, in the same transaction: deleting reviews (undo, a pack removed or reset, a restore's
 *   clear) or adding rows with given ids (a restore) drops the chunks of the spans touched and bumps
 *   the generation.
 */
import {
  type DBCore,
  type DBCoreMutateRequest,
  type DBCoreMutateResponse,
  type DBCoreTable,
  type DBCoreTransaction,
  Dexie,
} from 'dexie';
import type { ReviewColumnChunk } from '../../../core/stats';
import { DexiePromise, transactionHas, widenReadWrite, wrapWrites } from './derived-tables';

/** The cache's table (not in backups: it is derived from `reviews`). */
export const COLUMN_TABLE = 'reviewColumns';
/**
 * Review ids per cached span: a chunk is 20 bytes a review, so 2,500 keep it under the 64 KB above
 * which Chromium stores a value in a file of its own (and reads it back far more slowly).
 */
export const REVIEW_SPAN = 2500;
/** The key of the record holding the generation (spans start at 0 or above). */
export const GENERATION_KEY = -1;

/** The generation record: bumped whenever reviews are deleted or added with given ids. */
export interface ReviewGenerationRow {
  first: typeof GENERATION_KEY;
  generation: number;
}

/** A record of `reviewColumns`: a span's columns, or the generation. */
export type ReviewColumnRow = ReviewColumnChunk | ReviewGenerationRow;

/** The first id of the span holding `id`. */
export function spanOf(id: number): number {
  return Math.floor(id / REVIEW_SPAN) * REVIEW_SPAN;
}

/** The spans a write touches, or 'all' (a range delete: rare, drop everything). Null: none. */
function spansTouched(req: DBCoreMutateRequest): Set<number> | 'all' | null {
  if (req.type === 'deleteRange') return 'all';
  const ids: unknown[] = req.type === 'delete' ? req.keys : req.values.map((v) => (v as { id?: unknown }).id);
  const spans = new Set<number>();
  for (const id of ids) if (typeof id === 'number' && Number.isFinite(id)) spans.add(spanOf(id));
  return spans.size > 0 ? spans : null;
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
  return {
    ...down,
    transaction: widenReadWrite(down, 'reviews', COLUMN_TABLE),
    table: wrapWrites(down, 'reviews', (table, req) => {
      const spans = transactionHas(req.trans, COLUMN_TABLE) ? spansTouched(req) : null;
      if (!spans) return table.mutate(req);
      const cache = down.table(COLUMN_TABLE);
      return DexiePromise.all([table.mutate(req), invalidate(cache, req.trans, spans)]).then(
        ([res]) => res,
      ) as Promise<DBCoreMutateResponse>;
    }),
  };
}

/** Cached spans read per request (2 MB): one request per chunk would wait on a round trip each. */
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
  if (!r || typeof r.first !== 'number' || !Number.isSafeInteger(r.first) || r.first % REVIEW_SPAN !== 0)
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
    n > REVIEW_SPAN ||
    at.length !== n ||
    rating.length !== n ||
    stateBefore.length !== n ||
    responseMs.length !== n
  )
    return false;
  const packs = r.packIds.length;
  for (let i = 0; i < n; i++) if ((pack[i] as number) >= packs) return false;
  return true;
}
