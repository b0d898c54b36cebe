/**
 * The statistics' fields of many cards as one record of typed arrays (`cardColumns`, see
 * `db/schema/middleware/card-columns.ts`): what `computeCardStats` reads, nothing else. Pure.
 */
import type { StatsCard } from './card-stats';

/** Cards per record: ~40 bytes a card, so a record stays well under a megabyte. */
export const CARD_COLUMN_CHUNK = 5000;

const SUSPENDED = 1;
const REMOVED = 2;
const FLAGGED = 4;
/** The records' layout: 2 since `flags` holds {@link FLAGGED} (records of 1 are rebuilt). */
const FORMAT = 2;

/** One record: `keys.length` cards, each field a column. */
export interface CardColumnChunk {
  chunk: number;
  format: typeof FORMAT;
  keys: string[];
  /** Pack ids, indexed by `pack`. */
  packIds: string[];
  pack: Uint16Array;
  /** Chapter ids, indexed by `chapter`. */
  chapterIds: string[];
  chapter: Uint32Array;
  order: Float64Array;
  state: Uint8Array;
  /** 1 suspended, 2 removed, 4 flagged. */
  flags: Uint8Array;
  due: Float64Array;
  stability: Float64Array;
  /** NaN for a card never reviewed (null). */
  lastReview: Float64Array;
  lapses: Float64Array;
}

function interned(list: string[], index: Map<string, number>, value: string): number {
  let at = index.get(value);
  if (at === undefined) {
    at = list.length;
    list.push(value);
    index.set(value, at);
  }
  return at;
}

/** Cards as records of {@link CARD_COLUMN_CHUNK}, numbered from 0. */
export function buildCardColumns(cards: readonly StatsCard[]): CardColumnChunk[] {
  const out: CardColumnChunk[] = [];
  for (let from = 0; from < cards.length; from += CARD_COLUMN_CHUNK) {
    const part = cards.slice(from, from + CARD_COLUMN_CHUNK);
    const n = part.length;
    const c: CardColumnChunk = {
      chunk: out.length,
      format: FORMAT,
      keys: new Array<string>(n),
      packIds: [],
      pack: new Uint16Array(n),
      chapterIds: [],
      chapter: new Uint32Array(n),
      order: new Float64Array(n),
      state: new Uint8Array(n),
      flags: new Uint8Array(n),
      due: new Float64Array(n),
      stability: new Float64Array(n),
      lastReview: new Float64Array(n),
      lapses: new Float64Array(n),
    };
    const packIndex = new Map<string, number>();
    const chapterIndex = new Map<string, number>();
    part.forEach((card, i) => {
      c.keys[i] = card.key;
      c.pack[i] = interned(c.packIds, packIndex, card.packId);
      c.chapter[i] = interned(c.chapterIds, chapterIndex, card.chapterId);
      c.order[i] = card.order;
      c.state[i] = card.state;
      c.flags[i] =
        (card.suspended ? SUSPENDED : 0) | (card.removed ? REMOVED : 0) | (card.flagged ? FLAGGED : 0);
      c.due[i] = card.due;
      c.stability[i] = card.stability;
      c.lastReview[i] = card.lastReview ?? Number.NaN;
      c.lapses[i] = card.lapses;
    });
    out.push(c);
  }
  return out;
}

/**
 * The cards of a record, as `computeCardStats` reads them, handed to `take` (those `skip` names are
 * left out, and with `packId` only that pack's).
 */
export function readCardColumns(
  c: CardColumnChunk,
  take: (card: StatsCard) => void,
  skip?: ReadonlySet<string>,
  packId?: string,
): void {
  const pack = packId === undefined ? -1 : c.packIds.indexOf(packId);
  if (packId !== undefined && pack < 0) return;
  for (let i = 0; i < c.keys.length; i++) {
    if (pack >= 0 && c.pack[i] !== pack) continue;
    const key = c.keys[i] as string;
    if (skip?.has(key)) continue;
    const flags = c.flags[i] as number;
    const last = c.lastReview[i] as number;
    take({
      key,
      packId: c.packIds[c.pack[i] as number] as string,
      chapterId: c.chapterIds[c.chapter[i] as number] as string,
      order: c.order[i] as number,
      state: c.state[i] as number,
      due: c.due[i] as number,
      stability: c.stability[i] as number,
      lastReview: Number.isNaN(last) ? null : last,
      lapses: c.lapses[i] as number,
      suspended: flags & SUSPENDED ? 1 : 0,
      flagged: flags & FLAGGED ? 1 : 0,
      removed: flags & REMOVED ? 1 : 0,
    });
  }
}

/** Whether a stored record is one {@link buildCardColumns} makes (a cache is never trusted). */
export function isCardColumnChunk(row: unknown): row is CardColumnChunk {
  const r = row as Partial<CardColumnChunk> | null;
  if (!r || typeof r !== 'object' || !Number.isSafeInteger(r.chunk) || (r.chunk as number) < 0) return false;
  if (r.format !== FORMAT) return false;
  if (!Array.isArray(r.keys) || !r.keys.every((k) => typeof k === 'string')) return false;
  if (!Array.isArray(r.packIds) || !r.packIds.every((k) => typeof k === 'string')) return false;
  if (!Array.isArray(r.chapterIds) || !r.chapterIds.every((k) => typeof k === 'string')) return false;
  const n = r.keys.length;
  const typed: [unknown, new (...args: never[]) => { length: number }][] = [
    [r.pack, Uint16Array],
    [r.chapter, Uint32Array],
    [r.order, Float64Array],
    [r.state, Uint8Array],
    [r.flags, Uint8Array],
    [r.due, Float64Array],
    [r.stability, Float64Array],
    [r.lastReview, Float64Array],
    [r.lapses, Float64Array],
  ];
  if (!typed.every(([v, T]) => v instanceof T && (v as { length: number }).length === n)) return false;
  const packs = r.packIds.length;
  const chapters = r.chapterIds.length;
  for (let i = 0; i < n; i++)
    if (
      ((r.pack as Uint16Array)[i] as number) >= packs ||
      ((r.chapter as Uint32Array)[i] as number) >= chapters
    )
      return false;
  return true;
}
