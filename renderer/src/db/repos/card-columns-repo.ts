/**
 * The statistics' reads of the cards through their cached columns (`middleware/card-columns.ts`):
 * the columns, less the cards written since, plus those cards' rows. Functions join the caller's
 * transaction: its scope must hold `cards`, `cardColumns` and `cardsDirty`.
 */
import { Dexie } from 'dexie';
import {
  buildCardColumns,
  type CardColumnChunk,
  isCardColumnChunk,
  readCardColumns,
  type StatsCard,
} from '../../core/stats';
import type { LecternDb } from '../schema/database';
import { ALL_CARDS } from '../schema/middleware/card-columns';
import type { CardKey } from '../schema/rows';

/** The cards the statistics read, and whether the columns are behind the rows (to save after). */
export interface StatsCardsRead {
  cards: StatsCard[];
  stale: boolean;
}

/** Past this share of the cached cards written since, every row is read (a bulk read costs no more). */
const MAX_DIRTY_SHARE = 0.25;

/** The cached columns (null when any record is not one the repo wrote) and the cards named dirty. */
type CardCache = { chunks: CardColumnChunk[] | null; dirty: string[] };

async function readCache(db: LecternDb): Promise<CardCache> {
  const [rows, dirty] = await Promise.all([
    db.cardColumns.toArray() as Promise<unknown[]>,
    db.cardsDirty.toCollection().primaryKeys() as Promise<string[]>,
  ]);
  return { chunks: rows.every(isCardColumnChunk) ? rows : null, dirty };
}

/**
 * Every card's statistics fields (one pack's with `packId`): from the columns where they are up to
 * date, else from the rows.
 */
export async function readStatsCards(db: LecternDb, packId?: string): Promise<StatsCardsRead> {
  return cardsFrom(db, await readCache(db), packId);
}

async function cardsFrom(
  db: LecternDb,
  { chunks, dirty }: CardCache,
  packId?: string,
): Promise<StatsCardsRead> {
  const cached = chunks?.reduce((n, c) => n + c.keys.length, 0) ?? 0;
  if (
    !chunks ||
    chunks.length === 0 ||
    dirty.includes(ALL_CARDS) ||
    dirty.length > Math.max(1000, cached * MAX_DIRTY_SHARE)
  ) {
    const rows =
      packId === undefined
        ? await db.cards.toArray()
        : await db.cards.where('packId').equals(packId).toArray();
    return { cards: rows, stale: true };
  }
  const cards: StatsCard[] = [];
  const skip = new Set(dirty);
  for (const c of chunks) readCardColumns(c, (card) => cards.push(card), skip, packId);
  for (const row of await db.cards.bulkGet(dirty as CardKey[]))
    if (row && (packId === undefined || row.packId === packId)) cards.push(row);
  return { cards, stale: dirty.length > 0 };
}

/**
 * Brings the columns up to date with the rows and clears the dirty names, in one transaction of its
 * own (outside any live query). Writes nothing when they are up to date already. Resolves to whether
 * it wrote.
 */
export function saveCardColumns(db: LecternDb): Promise<boolean> {
  return Dexie.ignoreTransaction(() =>
    db.transaction('rw', [db.cards, db.cardColumns, db.cardsDirty], async () => {
      const [cache, count] = await Promise.all([readCache(db), db.cards.count()]);
      const cached = cache.chunks?.reduce((n, c) => n + c.keys.length, 0) ?? -1;
      if (cache.dirty.length === 0 && cached === count) return false;
      const { cards } = await cardsFrom(db, cache);
      await db.cardColumns.clear();
      await db.cardColumns.bulkPut(buildCardColumns(cards));
      await db.cardsDirty.clear();
      return true;
    }),
  );
}
