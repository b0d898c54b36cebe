/**
 * Review ids (schema 5): globally unique, ordered by time, the same on every device that ever holds
 * the review — the sync between machines (issue 20) applies reviews idempotently by this id.
 *
 * An id is 18 characters of base 36 (`0-9a-z`, so code-unit order is time order):
 * - 9: the answer's time in epoch ms (to the year 5138);
 * - 6: a tag drawn at random once per running app (36⁶ ≈ 2.2 billion): two devices share one only
 *   by chance, and then must also answer in the same millisecond;
 * - 3: a counter of the ids this app made (wraps at 46,656, far more than one millisecond holds).
 *
 * Reviews upgraded from schema 4 keep their old numeric id instead of tag and counter: the time,
 * then `_` (never in a tag) and the old id in base 36, 8 characters — the same id however often an
 * interrupted upgrade runs.
 */

const TIME_WIDTH = 9;
const TAG_WIDTH = 6;
const COUNTER_WIDTH = 3;
const COUNTER_SPAN = 36 ** COUNTER_WIDTH;
const LEGACY_WIDTH = 8;
/** The largest time an id can hold (36⁹ − 1 ms). */
export const MAX_ID_TIME = 36 ** TIME_WIDTH - 1;

function base36(n: number, width: number): string {
  return Math.floor(n).toString(36).padStart(width, '0');
}

function clampTime(at: number): number {
  return Number.isFinite(at) ? Math.min(MAX_ID_TIME, Math.max(0, Math.floor(at))) : 0;
}

/** A fresh random tag (crypto when there is one). */
function randomTag(): string {
  const buf = new Uint32Array(2);
  if (globalThis.crypto?.getRandomValues) globalThis.crypto.getRandomValues(buf);
  else for (let i = 0; i < 2; i++) buf[i] = Math.floor(Math.random() * 2 ** 32);
  return base36(((buf[0] as number) * 2 ** 21 + ((buf[1] as number) >>> 11)) % 36 ** TAG_WIDTH, TAG_WIDTH);
}

/** Makes review ids for one running app: one tag, one counter. */
export function createReviewIdMaker(tag: string = randomTag()): (at: number) => string {
  if (!/^[0-9a-z]{6}$/.test(tag)) throw new Error(`A review-id tag is 6 of 0-9a-z, not "${tag}".`);
  let counter = 0;
  return (at) => {
    const id = `${base36(clampTime(at), TIME_WIDTH)}${tag}${base36(counter, COUNTER_WIDTH)}`;
    counter = (counter + 1) % COUNTER_SPAN;
    return id;
  };
}

/** The app's id maker. */
export const makeReviewId: (at: number) => string = createReviewIdMaker();

/** The id a schema 4 review (numeric id `legacyId`, answered at `at`) gets in schema 5. */
export function legacyReviewId(at: number, legacyId: number): string {
  return `${base36(clampTime(at), TIME_WIDTH)}_${base36(legacyId, LEGACY_WIDTH)}`;
}

/**
 * The number `text[from, to)` writes in base 36 (`0-9a-z` only), or −1 when another character is
 * there: what `parseInt(text.slice(from, to), 36)` gives after the pattern check, without the slice
 * (ids are read a hundred thousand at a time by a merge or a backup). Exact up to 10 digits.
 */
export function base36Value(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) value = value * 36 + (c - 48);
    else if (c >= 97 && c <= 122) value = value * 36 + (c - 87);
    else return -1;
  }
  return value;
}

/** The time an id was made at (epoch ms); NaN when `id` is not a review id. */
export function reviewIdTime(id: unknown): number {
  if (typeof id !== 'string' || id.length < TIME_WIDTH) return Number.NaN;
  const time = base36Value(id, 0, TIME_WIDTH);
  return time < 0 ? Number.NaN : time;
}

/**
 * The lowest possible id at `at` or later: ids of reviews answered in `[from, to)` are exactly those
 * in `[reviewIdBound(from), reviewIdBound(to))`.
 */
export function reviewIdBound(at: number): string {
  return base36(clampTime(Math.ceil(at)), TIME_WIDTH);
}

/** Whether `id` has the shape of a review id (new or upgraded). */
export function isReviewId(id: unknown): id is string {
  return typeof id === 'string' && /^[0-9a-z]{9}(?:[0-9a-z]{9}|_[0-9a-z]{8})$/.test(id);
}
