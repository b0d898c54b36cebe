/**
 * The review log of a format 4 backup: reviews in blocks, each block one element of `reviews`, its
 * fields in columns and coded against what came before (issue 16: a million reviews in ≤ 15 bytes
 * each once gzip has done its part). Rows are written in id order, so:
 *
 * - `t`: the id's time minus the previous row's (small, ≥ 0); `at` is that time plus `f`/4096 ms
 *   (0 for the whole milliseconds the app writes);
 * - `c`: the card key as an index into a key table that grows as keys first appear (`k` lists the
 *   block's new keys, in order);
 * - `g`, `i`: the rest of the id — `g` 0 for an id upgraded from schema 4 and `i` its old number minus
 *   the card's previous one (usually 1), else `g` the index + 1 of its 6-character tag in a tag table
 *   (`tg` adds new ones) and `i` its counter minus that tag's previous counter;
 * - `m`: the small fields in one number: rating − 1, state before, correct, and bits saying whether
 *   score is other than `correct` (then it is in `sc`), whether stability and difficulty differ from
 *   the card's previous row's (then they are in `s` and `d`, as JSON numbers: exact), whether the due
 *   is in ms rather than whole days after `at` (`u`), and whether a `response` follows (in `rs`);
 * - `ms`: the response time;
 * - `o`: the device a synced review came from, as 0 (answered here) or the index + 1 of its name in an
 *   origin table (`og` adds new ones); both left out of a block without one.
 *
 * Every value is coded exactly: a row that any of these cannot hold exactly (a fraction of a ms the
 * 4096ths do not give back, a −0, a field the row schema does not name…) is written whole in `x`
 * (`[index in the block, row]`) and read back as it is, for the reader's row check to judge. So a
 * restore gives back exactly the rows that were exported (`review-blocks.test.ts`).
 */

import { base36Value } from '../revlog/review-id';

const DAY = 86_400_000;
/** `at` − the id's time is stored in 4096ths of a ms: exact for every time since 2004. */
const FRACTION = 4096;
/** Rows per block (a block is one line of the file, ~10–30 bytes a row before gzip). */
export const REVIEW_BLOCK_ROWS = 4096;
/** …or fewer, once the rows' answers and keys pass about this many characters (4 MB). */
export const REVIEW_BLOCK_TEXT = 4 * 1024 * 1024;

const TIME_WIDTH = 9;
const COUNTER_SPAN = 36 ** 3;

const M_STATE = 2;
const M_CORRECT = 16;
const M_SCORE = 32;
const M_STABILITY = 64;
const M_DIFFICULTY = 128;
const M_DUE_MS = 256;
const M_RESPONSE = 512;

/** Fields of a review row (schema 5's `ReviewRow`) the blocks code; anything else makes a row whole. */
const FIELDS = new Set([
  'id',
  'cardKey',
  'at',
  'rating',
  'score',
  'correct',
  'responseMs',
  'stateBefore',
  'stability',
  'difficulty',
  'dueAfter',
  'response',
  'origin',
]);

/** One block as written (JSON). `n` comes first: main counts a block's rows by it. */
export interface ReviewBlock {
  n: number;
  k?: string[];
  tg?: string[];
  t: number[];
  f?: number[];
  c: number[];
  g: number[];
  i: number[];
  m: number[];
  ms: number[];
  u: number[];
  sc?: number[];
  s?: number[];
  d?: number[];
  rs?: string[];
  og?: string[];
  o?: number[];
  x?: [number, unknown][];
}

/** What the blocks are coded against: shared in order by the writer and the reader of one file. */
export interface ReviewCodecState {
  keys: string[];
  keyIndex: Map<string, number>;
  tags: string[];
  tagIndex: Map<string, number>;
  tagCounter: number[];
  origins: string[];
  originIndex: Map<string, number>;
  /** Per key index: the previous row's old id, stability and difficulty. */
  lastLegacy: number[];
  lastStability: number[];
  lastDifficulty: number[];
  lastTime: number;
}

export function createReviewCodecState(): ReviewCodecState {
  return {
    keys: [],
    keyIndex: new Map(),
    tags: [],
    tagIndex: new Map(),
    tagCounter: [],
    origins: [],
    originIndex: new Map(),
    lastLegacy: [],
    lastStability: [],
    lastDifficulty: [],
    lastTime: 0,
  };
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);
/** A number JSON gives back exactly (finite, not −0). */
const isExactNumber = (v: unknown): v is number =>
  typeof v === 'number' && Number.isFinite(v) && !Object.is(v, -0);

interface Coded {
  time: number;
  frac: number;
  key: string;
  legacy: number | null;
  tag: string;
  counter: number;
  m: number;
  ms: number;
  due: number;
  origin: string | null;
}

/** The codes of one row, or null when it must be written whole. Touches no state. */
function codeRow(row: unknown): Coded | null {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return null;
  const r = row as Record<string, unknown>;
  // Only the fields a review has, none of them undefined (JSON would drop it).
  const names = Object.keys(r);
  if (names.length !== 11 + (r.response === undefined ? 0 : 1) + (r.origin === undefined ? 0 : 1))
    return null;
  for (const k of names) if (!FIELDS.has(k) || r[k] === undefined) return null;
  const { id, cardKey, at, rating, score, correct, responseMs, stateBefore, stability, difficulty } = r;
  if (typeof id !== 'string' || typeof cardKey !== 'string' || !isExactNumber(at)) return null;
  // The id's shape (`isReviewId`) and its numbers, read in one pass.
  if (id.length !== 18) return null;
  const time = base36Value(id, 0, TIME_WIDTH);
  if (time < 0) return null;
  const frac = (at - time) * FRACTION;
  if (!Number.isInteger(frac) || frac < 0 || frac >= FRACTION || time + frac / FRACTION !== at) return null;
  let legacy: number | null = null;
  let tag = '';
  let counter = 0;
  if (id.charCodeAt(TIME_WIDTH) === 95 /* _ */) {
    // 8 characters of 0-9a-z come back the same from the number.
    legacy = base36Value(id, TIME_WIDTH + 1, 18);
    if (legacy < 0) return null;
  } else {
    if (base36Value(id, TIME_WIDTH, TIME_WIDTH + 6) < 0) return null;
    tag = id.slice(TIME_WIDTH, TIME_WIDTH + 6);
    counter = base36Value(id, TIME_WIDTH + 6, 18);
    if (counter < 0) return null;
  }
  if (rating !== 1 && rating !== 2 && rating !== 3 && rating !== 4) return null;
  if (stateBefore !== 0 && stateBefore !== 1 && stateBefore !== 2 && stateBefore !== 3) return null;
  if (correct !== 0 && correct !== 1) return null;
  if (!isExactNumber(score) || !isInt(responseMs) || Object.is(responseMs, -0)) return null;
  if (!isExactNumber(stability) || !isExactNumber(difficulty)) return null;
  if (r.response !== undefined && typeof r.response !== 'string') return null;
  if (r.origin !== undefined && typeof r.origin !== 'string') return null;
  const dueAfter = r.dueAfter;
  if (!isExactNumber(dueAfter)) return null;
  let m = (rating - 1) | (stateBefore * 4) | (correct ? M_CORRECT : 0);
  if (score !== correct) m |= M_SCORE;
  if (r.response !== undefined) m |= M_RESPONSE;
  let due: number;
  const delta = dueAfter - at;
  const days = delta / DAY;
  if (Number.isSafeInteger(days) && !Object.is(days, -0) && at + days * DAY === dueAfter) due = days;
  else if (Number.isSafeInteger(delta) && !Object.is(delta, -0) && at + delta === dueAfter) {
    due = delta;
    m |= M_DUE_MS;
  } else return null;
  const origin = typeof r.origin === 'string' ? r.origin : null;
  return { time, frac, key: cardKey, legacy, tag, counter, m, ms: responseMs, due, origin };
}

function legacyIdText(n: number): string {
  return Math.floor(n).toString(36).padStart(8, '0');
}

/** The index of `value` in a growing table, adding it (and noting it in `added`) when new. */
function intern(table: string[], index: Map<string, number>, value: string, added: string[]): number {
  let at = index.get(value);
  if (at === undefined) {
    at = table.length;
    table.push(value);
    index.set(value, at);
    added.push(value);
  }
  return at;
}

/** Codes `rows` (in id order) as one block, advancing `state`. */
export function encodeReviewBlock(state: ReviewCodecState, rows: readonly unknown[]): ReviewBlock {
  const b: ReviewBlock = { n: rows.length, t: [], c: [], g: [], i: [], m: [], ms: [], u: [] };
  const newKeys: string[] = [];
  const newTags: string[] = [];
  const f: number[] = [];
  const sc: number[] = [];
  const s: number[] = [];
  const d: number[] = [];
  const rs: string[] = [];
  const newOrigins: string[] = [];
  const o: number[] = [];
  const x: [number, unknown][] = [];
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index];
    const coded = codeRow(row);
    if (!coded) {
      x.push([index, row]);
      continue;
    }
    const r = row as Record<string, number | string | undefined>;
    const key = intern(state.keys, state.keyIndex, coded.key, newKeys);
    b.t.push(coded.time - state.lastTime);
    state.lastTime = coded.time;
    f.push(coded.frac);
    b.c.push(key);
    if (coded.legacy !== null) {
      b.g.push(0);
      b.i.push(coded.legacy - (state.lastLegacy[key] ?? 0));
      state.lastLegacy[key] = coded.legacy;
    } else {
      let tag = state.tagIndex.get(coded.tag);
      if (tag === undefined) {
        tag = state.tags.length;
        state.tags.push(coded.tag);
        state.tagIndex.set(coded.tag, tag);
        state.tagCounter.push(0);
        newTags.push(coded.tag);
      }
      b.g.push(tag + 1);
      b.i.push((coded.counter - (state.tagCounter[tag] as number) + COUNTER_SPAN) % COUNTER_SPAN);
      state.tagCounter[tag] = coded.counter;
    }
    let m = coded.m;
    const stability = r.stability as number;
    const difficulty = r.difficulty as number;
    if (!Object.is(state.lastStability[key], stability)) {
      m |= M_STABILITY;
      s.push(stability);
      state.lastStability[key] = stability;
    }
    if (!Object.is(state.lastDifficulty[key], difficulty)) {
      m |= M_DIFFICULTY;
      d.push(difficulty);
      state.lastDifficulty[key] = difficulty;
    }
    if (m & M_SCORE) sc.push(r.score as number);
    if (m & M_RESPONSE) rs.push(r.response as string);
    b.m.push(m);
    b.ms.push(coded.ms);
    b.u.push(coded.due);
    if (coded.origin === null) o.push(0);
    else {
      o.push(intern(state.origins, state.originIndex, coded.origin, newOrigins) + 1);
    }
  }
  if (newKeys.length) b.k = newKeys;
  if (newTags.length) b.tg = newTags;
  if (f.some((v) => v !== 0)) b.f = f;
  if (sc.length) b.sc = sc;
  if (s.length) b.s = s;
  if (d.length) b.d = d;
  if (rs.length) b.rs = rs;
  if (newOrigins.length) b.og = newOrigins;
  if (o.some((v) => v !== 0)) b.o = o;
  if (x.length) b.x = x;
  return b;
}

/** Why a block could not be read. */
export class ReviewBlockError extends Error {}

function list(b: Record<string, unknown>, name: string, length: number | null, optional = false): unknown[] {
  const v = b[name];
  if (v === undefined && optional) return [];
  if (!Array.isArray(v)) throw new ReviewBlockError(`its "${name}" is not a list`);
  if (length !== null && v.length !== length)
    throw new ReviewBlockError(`its "${name}" has ${v.length} values, not ${length}`);
  return v;
}

function int(v: unknown, name: string): number {
  if (!isInt(v)) throw new ReviewBlockError(`its "${name}" holds ${JSON.stringify(v)}, not a whole number`);
  return v;
}

/**
 * The rows of a block, advancing `state` as the writer did. Throws `ReviewBlockError` when the block
 * is not one a writer made (lists of the wrong length, indexes out of range…); rows it gives back are
 * still to be checked with the row schema.
 */
export function decodeReviewBlock(state: ReviewCodecState, value: unknown): unknown[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ReviewBlockError('it is not an object');
  const b = value as Record<string, unknown>;
  const n = int(b.n, 'n');
  if (n < 0) throw new ReviewBlockError('its row count is negative');
  const x = list(b, 'x', null, true);
  const whole = new Map<number, unknown>();
  for (const e of x) {
    if (!Array.isArray(e) || e.length !== 2)
      throw new ReviewBlockError('an entry of its "x" is not [index, row]');
    const at = int(e[0], 'x');
    if (at < 0 || at >= n || whole.has(at)) throw new ReviewBlockError(`its "x" names row ${at} wrongly`);
    whole.set(at, e[1]);
  }
  const coded = n - whole.size;
  const [t, c, g, i, m, ms, u] = ['t', 'c', 'g', 'i', 'm', 'ms', 'u'].map((k) => list(b, k, coded)) as [
    unknown[],
    unknown[],
    unknown[],
    unknown[],
    unknown[],
    unknown[],
    unknown[],
  ];
  const f = b.f === undefined ? null : list(b, 'f', coded);
  const o = b.o === undefined ? null : list(b, 'o', coded);
  for (const key of list(b, 'k', null, true)) {
    if (typeof key !== 'string' || state.keyIndex.has(key))
      throw new ReviewBlockError('its key table repeats a key or holds a non-text');
    state.keyIndex.set(key, state.keys.length);
    state.keys.push(key);
  }
  for (const tag of list(b, 'tg', null, true)) {
    if (typeof tag !== 'string' || !/^[0-9a-z]{6}$/.test(tag) || state.tagIndex.has(tag))
      throw new ReviewBlockError('its tag table holds a bad or repeated tag');
    state.tagIndex.set(tag, state.tags.length);
    state.tags.push(tag);
    state.tagCounter.push(0);
  }
  for (const origin of list(b, 'og', null, true)) {
    if (typeof origin !== 'string' || state.originIndex.has(origin))
      throw new ReviewBlockError('its origin table repeats a device or holds a non-text');
    state.originIndex.set(origin, state.origins.length);
    state.origins.push(origin);
  }
  const sc = list(b, 'sc', null, true);
  const s = list(b, 's', null, true);
  const d = list(b, 'd', null, true);
  const rs = list(b, 'rs', null, true);
  let nsc = 0;
  let ns = 0;
  let nd = 0;
  let nrs = 0;
  const take = (from: unknown[], at: number, name: string): unknown => {
    if (at >= from.length) throw new ReviewBlockError(`its "${name}" has too few values`);
    return from[at];
  };
  const out: unknown[] = new Array(n);
  let j = 0;
  for (let row = 0; row < n; row++) {
    if (whole.has(row)) {
      out[row] = whole.get(row);
      continue;
    }
    const key = int(c[j], 'c');
    const cardKey = state.keys[key];
    if (cardKey === undefined) throw new ReviewBlockError(`its card index ${key} is not in the key table`);
    const time = state.lastTime + int(t[j], 't');
    state.lastTime = time;
    const frac = f ? int(f[j], 'f') : 0;
    const at = time + frac / FRACTION;
    const tagNo = int(g[j], 'g');
    const step = int(i[j], 'i');
    let suffix: string;
    if (tagNo === 0) {
      const legacy = (state.lastLegacy[key] ?? 0) + step;
      state.lastLegacy[key] = legacy;
      suffix = `_${legacyIdText(legacy)}`;
    } else {
      const tag = state.tags[tagNo - 1];
      if (tag === undefined) throw new ReviewBlockError(`its tag ${tagNo} is not in the tag table`);
      const counter = ((state.tagCounter[tagNo - 1] as number) + step) % COUNTER_SPAN;
      state.tagCounter[tagNo - 1] = counter;
      suffix = `${tag}${counter.toString(36).padStart(3, '0')}`;
    }
    const bits = int(m[j], 'm');
    if (time < 0 || bits < 0 || bits >= 1024) throw new ReviewBlockError('a row holds a value out of range');
    const correct = bits & M_CORRECT ? 1 : 0;
    const r: Record<string, unknown> = {
      id: `${time.toString(36).padStart(TIME_WIDTH, '0')}${suffix}`,
      cardKey,
      at,
      rating: (bits & 3) + 1,
      score: bits & M_SCORE ? take(sc, nsc++, 'sc') : correct,
      correct,
      responseMs: ms[j],
      stateBefore: (bits >> M_STATE) & 3,
      stability: bits & M_STABILITY ? take(s, ns++, 's') : state.lastStability[key],
      difficulty: bits & M_DIFFICULTY ? take(d, nd++, 'd') : state.lastDifficulty[key],
      dueAfter: 0,
    };
    state.lastStability[key] = r.stability as number;
    state.lastDifficulty[key] = r.difficulty as number;
    const due = int(u[j], 'u');
    r.dueAfter = bits & M_DUE_MS ? at + due : at + due * DAY;
    if (bits & M_RESPONSE) r.response = take(rs, nrs++, 'rs');
    const originNo = o ? int(o[j], 'o') : 0;
    if (originNo !== 0) {
      const origin = state.origins[originNo - 1];
      if (origin === undefined)
        throw new ReviewBlockError(`its origin ${originNo} is not in the origin table`);
      r.origin = origin;
    }
    out[row] = r;
    j++;
  }
  if (nsc !== sc.length || ns !== s.length || nd !== d.length || nrs !== rs.length)
    throw new ReviewBlockError('it holds values no row uses');
  return out;
}
