/**
 * A stored day's block with its numbers as bytes (`revlogDays` since schema 7's writes): Chromium
 * stores a JS array element by element (a tag and a varint each, nine bytes a double) and a byte
 * array as it is, so the day's numeric columns become one `Uint8Array` of varints, and its card keys
 * lose the pack id the record already lists. Stability and difficulty (ts-fsrs rounds them to 8
 * decimals) are varints of hundred-millionths where that gives every value back exactly, else
 * float64s. Nothing is guessed: a column that cannot be packed exactly keeps its float64s, and a
 * block whose keys do not name a listed pack stays unpacked. Pure; `unpackDayBlock` throws
 * `ReviewBlockError` on bytes it did not write.
 */
import { type ReviewBlock, ReviewBlockError } from '../backup/review-blocks';

/** A packed block: what {@link ReviewBlock} holds, its numbers in `b`. */
export interface PackedDayBlock {
  n: number;
  /** Every numeric column, in {@link NUMERIC} order (see {@link packDayBlock}). */
  b: Uint8Array;
  /** The new keys' packs, as indexes into the record's `packs`. */
  kp?: number[];
  /** The new keys without their `pack:` prefix. */
  kq?: string[];
  tg?: string[];
  rs?: string[];
  og?: string[];
  x?: [number, unknown][];
}

/** The block's numeric columns, in the order they are packed. */
const NUMERIC = ['t', 'f', 'c', 'g', 'i', 'm', 'ms', 'u', 'sc', 's', 'd', 'o'] as const;
type NumericName = (typeof NUMERIC)[number];

const ABSENT = 0;
const VARINT = 1;
const FLOAT64 = 2;
const HUNDRED_MILLIONTHS = 3;
/** Integers packed as zigzag varints stay below this (2⁵²): ×2 stays exact. */
const INT_LIMIT = 2 ** 52;
const SCALE = 1e8;

/** Whether `v` goes in a varint column. */
const isPackableInt = (v: number) =>
  (v | 0) === v ? !Object.is(v, -0) : Number.isSafeInteger(v) && Math.abs(v) < INT_LIMIT;

/** `v` in hundred-millionths when that gives `v` back exactly, else null. */
function scaled(v: number): number | null {
  if (!Number.isFinite(v) || Object.is(v, -0)) return null;
  const k = Math.round(v * SCALE);
  return isPackableInt(k) && k / SCALE === v ? k : null;
}

class ByteWriter {
  bytes = new Uint8Array(256);
  length = 0;
  private room(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    const next = new Uint8Array(Math.max(this.bytes.length * 2, this.length + n));
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
  }
  byte(v: number): void {
    this.room(1);
    this.bytes[this.length++] = v;
  }
  /** A non-negative integer below 2⁵³, 7 bits a byte. */
  uint(v: number): void {
    this.room(8);
    let rest = v;
    if (rest < 0x80000000) {
      // Below 2³¹ (nearly every value): shifts, not divisions.
      while (rest >= 128) {
        this.bytes[this.length++] = (rest & 127) | 128;
        rest >>>= 7;
      }
      this.bytes[this.length++] = rest;
      return;
    }
    while (rest >= 128) {
      this.bytes[this.length++] = (rest % 128) | 128;
      rest = Math.floor(rest / 128);
    }
    this.bytes[this.length++] = rest;
  }
  int(v: number): void {
    this.uint(v >= 0 ? v * 2 : -v * 2 - 1);
  }
  float(v: number): void {
    this.room(8);
    new DataView(this.bytes.buffer).setFloat64(this.length, v, true);
    this.length += 8;
  }
  done(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

class ByteReader {
  private at = 0;
  private readonly view: DataView;
  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  private need(n: number): void {
    if (this.at + n > this.bytes.length) throw new ReviewBlockError('its bytes end too soon');
  }
  byte(): number {
    this.need(1);
    return this.bytes[this.at++] as number;
  }
  uint(): number {
    // Most values fit one byte.
    const first = this.bytes[this.at];
    if (first !== undefined && first < 128) {
      this.at++;
      return first;
    }
    let v = 0;
    let scale = 1;
    for (let i = 0; i < 8; i++) {
      const b = this.byte();
      v += (b & 127) * scale;
      if (b < 128) return v;
      scale *= 128;
    }
    throw new ReviewBlockError('its bytes hold a number too long');
  }
  int(): number {
    const z = this.uint();
    return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
  }
  float(): number {
    this.need(8);
    const v = this.view.getFloat64(this.at, true);
    this.at += 8;
    return v;
  }
  get ended(): boolean {
    return this.at === this.bytes.length;
  }
}

/**
 * The block with its numbers packed (see the file comment), or null when its keys do not all begin
 * with one of `packs` and a colon (then it is stored as it is).
 */
export function packDayBlock(block: ReviewBlock, packs: readonly string[]): PackedDayBlock | null {
  const packIndex = new Map(packs.map((p, i) => [p, i]));
  const kp: number[] = [];
  const kq: string[] = [];
  for (const key of block.k ?? []) {
    const sep = key.indexOf(':');
    const pack = sep < 0 ? undefined : packIndex.get(key.slice(0, sep));
    if (pack === undefined) return null;
    kp.push(pack);
    kq.push(key.slice(sep + 1));
  }
  const w = new ByteWriter();
  for (const name of NUMERIC) {
    const column = block[name] as readonly number[] | undefined;
    if (column === undefined) {
      w.byte(ABSENT);
      continue;
    }
    if (column.every(isPackableInt)) {
      w.byte(VARINT);
      w.uint(column.length);
      for (const v of column) w.int(v);
      continue;
    }
    const inScale = column.map(scaled);
    if (inScale.every((k) => k !== null)) {
      w.byte(HUNDRED_MILLIONTHS);
      w.uint(column.length);
      for (const k of inScale) w.int(k as number);
      continue;
    }
    w.byte(FLOAT64);
    w.uint(column.length);
    for (const v of column) w.float(v);
  }
  const out: PackedDayBlock = { n: block.n, b: w.done() };
  if (kq.length > 0) {
    out.kp = kp;
    out.kq = kq;
  }
  if (block.tg) out.tg = block.tg;
  if (block.rs) out.rs = block.rs;
  if (block.og) out.og = block.og;
  if (block.x) out.x = block.x;
  return out;
}

/** Whether a stored block is packed (else it is a {@link ReviewBlock} as the backup writes it). */
export function isPackedDayBlock(block: unknown): block is PackedDayBlock {
  return typeof block === 'object' && block !== null && (block as { b?: unknown }).b instanceof Uint8Array;
}

/** The card keys a packed block adds, whole (`packs` is its record's). */
export function packedDayKeys(block: PackedDayBlock, packs: readonly string[]): string[] {
  const kq = block.kq ?? [];
  const kp = block.kp ?? [];
  if (!Array.isArray(kq) || !Array.isArray(kp) || kq.length !== kp.length)
    throw new ReviewBlockError('its key table and key packs differ in length');
  return kq.map((q, i) => {
    const pack = packs[kp[i] as number];
    if (typeof q !== 'string' || pack === undefined)
      throw new ReviewBlockError('its key table names a pack the record does not list');
    return `${pack}:${q}`;
  });
}

/** The block a packed one was made of, for `decodeReviewBlock` to check and read. */
export function unpackDayBlock(block: PackedDayBlock, packs: readonly string[]): ReviewBlock {
  const r = new ByteReader(block.b);
  const columns: Partial<Record<NumericName, number[]>> = {};
  for (const name of NUMERIC) {
    const mode = r.byte();
    if (mode === ABSENT) continue;
    if (mode !== VARINT && mode !== HUNDRED_MILLIONTHS && mode !== FLOAT64)
      throw new ReviewBlockError(`its "${name}" is coded in an unknown way (${mode})`);
    const count = r.uint();
    if (count > block.b.length) throw new ReviewBlockError(`its "${name}" claims ${count} values`);
    const column = new Array<number>(count);
    if (mode === VARINT) for (let i = 0; i < count; i++) column[i] = r.int();
    else if (mode === HUNDRED_MILLIONTHS) for (let i = 0; i < count; i++) column[i] = r.int() / SCALE;
    else for (let i = 0; i < count; i++) column[i] = r.float();
    columns[name] = column;
  }
  if (!r.ended) throw new ReviewBlockError('its bytes go on after the last column');
  const keys = packedDayKeys(block, packs);
  const out = { n: block.n, ...columns } as ReviewBlock;
  if (keys.length > 0) out.k = keys;
  if (block.tg !== undefined) out.tg = block.tg;
  if (block.rs !== undefined) out.rs = block.rs;
  if (block.og !== undefined) out.og = block.og;
  if (block.x !== undefined) out.x = block.x;
  return out;
}
