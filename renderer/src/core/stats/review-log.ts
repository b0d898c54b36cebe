/**
 * The review log in columns: the four numbers per review the statistics read, in typed arrays. A million
 * reviews take 18 MB this way instead of a million objects (each carrying the previous card state).
 */

/** Review-log columns; entries `0..length-1` are used, the arrays may be longer (spare capacity). */
export interface ReviewColumns {
  length: number;
  /** When the answer was given (epoch ms). */
  at: Float64Array;
  /** FSRS rating 1–4. */
  rating: Uint8Array;
  /** Card state before the answer: 0 New, 1 Learning, 2 Review, 3 Relearning. */
  stateBefore: Uint8Array;
  /** Time spent answering (ms). */
  responseMs: Float64Array;
}

/** The review fields the statistics read (a `ReviewRow` has them). */
export interface ReviewFields {
  at: number;
  rating: number;
  stateBefore: number;
  responseMs: number;
}

/** Creates empty columns with room for `capacity` reviews (they grow when needed). */
export function createReviewColumns(capacity = 1024): ReviewColumns {
  const n = Math.max(1, Math.floor(capacity));
  return {
    length: 0,
    at: new Float64Array(n),
    rating: new Uint8Array(n),
    stateBefore: new Uint8Array(n),
    responseMs: new Float64Array(n),
  };
}

/** Appends one review, doubling the capacity when full. */
export function appendReview(cols: ReviewColumns, review: ReviewFields): void {
  if (cols.length === cols.at.length) growColumns(cols, cols.at.length * 2);
  const i = cols.length;
  cols.at[i] = review.at;
  cols.rating[i] = review.rating;
  cols.stateBefore[i] = review.stateBefore;
  // A negative, missing or infinite time is a recording fault, not time studied.
  const ms = review.responseMs;
  cols.responseMs[i] = Number.isFinite(ms) && ms > 0 ? ms : 0;
  cols.length = i + 1;
}

/** Builds columns from review rows. */
export function reviewColumnsFrom(reviews: readonly ReviewFields[]): ReviewColumns {
  const cols = createReviewColumns(reviews.length);
  for (const r of reviews) appendReview(cols, r);
  return cols;
}

function growColumns(cols: ReviewColumns, capacity: number): void {
  const at = new Float64Array(capacity);
  at.set(cols.at);
  const rating = new Uint8Array(capacity);
  rating.set(cols.rating);
  const stateBefore = new Uint8Array(capacity);
  stateBefore.set(cols.stateBefore);
  const responseMs = new Float64Array(capacity);
  responseMs.set(cols.responseMs);
  cols.at = at;
  cols.rating = rating;
  cols.stateBefore = stateBefore;
  cols.responseMs = responseMs;
}

/**
 * The statistics' columns of one span of review ids, kept so a later opening of the statistics
 * reads a few typed arrays instead of every review row (see `db/schema/middleware/review-column-cache.ts`). `pack`
 * holds each entry's index into `packIds`.
 */
export interface ReviewColumnChunk {
  /** The first review id of the span (a multiple of the span length). */
  first: number;
  packIds: string[];
  pack: Uint16Array;
  at: Float64Array;
  rating: Uint8Array;
  stateBefore: Uint8Array;
  responseMs: Float64Array;
}

/** The review fields a column chunk keeps (a `ReviewRow` has them). */
export interface ChunkReviewFields extends ReviewFields {
  packId: string;
}

/** Builds the column chunk of the span starting at `first` from its review rows (in id order). */
export function buildReviewColumnChunk(first: number, rows: readonly ChunkReviewFields[]): ReviewColumnChunk {
  const n = rows.length;
  const packIds: string[] = [];
  const index = new Map<string, number>();
  const chunk: ReviewColumnChunk = {
    first,
    packIds,
    pack: new Uint16Array(n),
    at: new Float64Array(n),
    rating: new Uint8Array(n),
    stateBefore: new Uint8Array(n),
    responseMs: new Float64Array(n),
  };
  rows.forEach((r, i) => {
    let p = index.get(r.packId);
    if (p === undefined) {
      p = packIds.length;
      packIds.push(r.packId);
      index.set(r.packId, p);
    }
    chunk.pack[i] = p;
    chunk.at[i] = r.at;
    chunk.rating[i] = r.rating;
    chunk.stateBefore[i] = r.stateBefore;
    const ms = r.responseMs;
    chunk.responseMs[i] = Number.isFinite(ms) && ms > 0 ? ms : 0;
  });
  return chunk;
}

/** Appends a chunk's entries (only `packId`'s when given) to `cols`, as `appendReview` would each. */
export function appendReviewChunk(cols: ReviewColumns, chunk: ReviewColumnChunk, packId?: string): void {
  const only = packId === undefined ? -1 : chunk.packIds.indexOf(packId);
  if (packId !== undefined && only < 0) return;
  const n = chunk.at.length;
  if (cols.length + n > cols.at.length) growColumns(cols, Math.max(cols.at.length * 2, cols.length + n));
  let j = cols.length;
  for (let i = 0; i < n; i++) {
    if (only >= 0 && chunk.pack[i] !== only) continue;
    cols.at[j] = chunk.at[i] as number;
    cols.rating[j] = chunk.rating[i] as number;
    cols.stateBefore[j] = chunk.stateBefore[i] as number;
    cols.responseMs[j] = chunk.responseMs[i] as number;
    j++;
  }
  cols.length = j;
}
