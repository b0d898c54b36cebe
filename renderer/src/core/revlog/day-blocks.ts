/**
 * The review log's older days, stored a day to a record (table `revlogDays`, schema 6; issues 16 and
 * 20). Chromium's IndexedDB spends ~200 µs and ≥ 84 bytes on every record whatever it holds, so a
 * row per review cannot be small or fast in bulk: a day of reviews coded as one block of columns
 * (`core/backup/review-blocks.ts`, with a state of its own, so each day reads alone) costs a few
 * dozen bytes a review and one write for a whole day. Its numbers are stored as bytes (`day-pack.ts`):
 * days written before that read as they are.
 *
 * A review is stored in exactly one place: a row of `revlog` (answers of today and yesterday, where
 * undo and the sync export find them), or its day's block (`db/repos/revlog-repo.ts` moves older rows
 * into their day and reads both as one log). A day's block holds its reviews in id order.
 */
import {
  createReviewCodecState,
  decodeReviewBlock,
  encodeReviewBlock,
  type ReviewBlock,
  ReviewBlockError,
} from '../backup/review-blocks';
import {
  isPackedDayBlock,
  type PackedDayBlock,
  packDayBlock,
  packedDayKeys,
  unpackDayBlock,
} from './day-pack';
import { reviewIdBound, reviewIdTime } from './review-id';

export const REVIEW_DAY = 86_400_000;

/** The start (UTC) of the day holding `at`. */
export function dayOf(at: number): number {
  return Math.floor(at / REVIEW_DAY) * REVIEW_DAY;
}

/** The day a review id belongs to (its time's day), or NaN for a non-id. */
export function dayOfId(id: string): number {
  return dayOf(reviewIdTime(id));
}

/** The first id of `day` and the first of the next: a day's ids are `[lo, hi)`. */
export function dayIdRange(day: number): [string, string] {
  return [reviewIdBound(day), reviewIdBound(day + REVIEW_DAY)];
}

/** A record of `revlogDays`: one day's reviews, coded. */
export interface ReviewDayRow {
  /** The day's start, epoch ms (UTC): the key. */
  day: number;
  /** How many reviews the block holds. */
  n: number;
  /** The packs it holds reviews of (an index: a pack's days are found without reading the others). */
  packs: string[];
  /** How many reviews of each of `packs` (a pack's reviews are counted without decoding the block). */
  packCounts: number[];
  /** 1 when some review still keeps what the student answered (an index: the upkeep's pruning finds them). */
  answered?: 1;
  /** 1 when every review came from another device (sync's export, which sends this device's own, skips the day). */
  foreign?: 1;
  /** The day's reviews coded (`review-blocks.ts`); its numbers packed as bytes when written since schema 7 (`day-pack.ts`). */
  block: ReviewBlock | PackedDayBlock;
}

/** The block of `rows` (reviews of `day`, any order): sorted by id, coded alone. */
export function encodeReviewDay<
  R extends { id: string; cardKey: string; response?: string; origin?: string },
>(day: number, rows: readonly R[]): ReviewDayRow {
  const sorted = [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const packs = new Map<string, number>();
  let answered = false;
  let foreign = sorted.length > 0;
  for (const r of sorted) {
    if (dayOfId(r.id) !== day)
      throw new ReviewBlockError(`review ${r.id} is not of the day ${dayLabel(day)}`);
    const sep = r.cardKey.indexOf(':');
    const pack = sep < 0 ? r.cardKey : r.cardKey.slice(0, sep);
    packs.set(pack, (packs.get(pack) ?? 0) + 1);
    if (r.response !== undefined) answered = true;
    if (r.origin === undefined) foreign = false;
  }
  const row: ReviewDayRow = {
    day,
    n: sorted.length,
    packs: [...packs.keys()],
    packCounts: [...packs.values()],
    block: encodeReviewBlock(createReviewCodecState(), sorted),
  };
  row.block = packDayBlock(row.block as ReviewBlock, row.packs) ?? row.block;
  if (answered) row.answered = 1;
  if (foreign) row.foreign = 1;
  return row;
}

/**
 * The reviews of a stored day (in id order), or a `ReviewBlockError` saying why the record is not
 * one this code wrote. Coded rows come back exactly as written; a row the columns could not hold
 * (kept whole) comes back as it was, for the caller's row check.
 */
export function decodeReviewDay(row: unknown): unknown[] {
  const r = row as Partial<ReviewDayRow> | null;
  if (!r || typeof r !== 'object' || typeof r.day !== 'number' || dayOf(r.day) !== r.day)
    throw new ReviewBlockError('it has no day');
  const block = isPackedDayBlock(r.block)
    ? unpackDayBlock(r.block, Array.isArray(r.packs) ? r.packs : [])
    : r.block;
  const rows = decodeReviewBlock(createReviewCodecState(), block);
  if (rows.length !== r.n) throw new ReviewBlockError(`it holds ${rows.length} reviews, not ${r.n}`);
  return rows;
}

/** The card keys a stored day holds reviews of (its block's key table), without decoding it. */
export function cardKeysOfDay(row: ReviewDayRow): readonly string[] {
  return isPackedDayBlock(row.block) ? packedDayKeys(row.block, row.packs) : (row.block.k ?? []);
}

/** A calendar date for messages: "2026-11-03". */
export function dayLabel(day: number): string {
  return Number.isFinite(day) ? new Date(day).toISOString().slice(0, 10) : String(day);
}
