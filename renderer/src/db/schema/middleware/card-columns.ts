/**
 * The statistics' columns of the card rows (`cardColumns`, schema 7): the fields the figures read,
 * as typed arrays of a few thousand cards a record. Chromium decodes a whole card row (twenty fields)
 * to give back the ten the statistics use, ~20 µs a card: 10k cards were ~200 ms of every opening,
 * 100k cards seconds. A column record is read in well under a millisecond.
 *
 * - The columns are a snapshot. Every card written since is named in `cardsDirty` (its key; or
 *   {@link ALL_CARDS} for a range delete or a cleared table), by the DBCore middleware below, in the
 *   same transaction as the write — whichever code writes the card. A blind put: an answer pays one
 *   more write beside its card's, no read.
 * - The statistics read the columns, leave out the cards named dirty and read those rows instead
 *   (`db/repos/card-columns-repo.ts`); after their read, apart from it, the snapshot is brought up to
 *   date and the names cleared in one transaction.
 * - Never trusted: a record that is not what the repo writes is read as a cache miss (every row read).
 */
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable } from 'dexie';
import { DexiePromise, transactionHas, widenReadWrite, wrapWrites } from './derived-tables';

/** The columns' table (not in backups: derived from `cards`). */
export const CARD_COLUMNS_TABLE = 'cardColumns';
/** Cards written since the columns were saved, by key (not in backups). */
export const CARDS_DIRTY_TABLE = 'cardsDirty';
/** The dirty name meaning "every card": no card key is empty. */
export const ALL_CARDS = '';

const CARDS_TABLE = 'cards';

/** A record of `cardsDirty`. */
export interface CardDirtyRow {
  key: string;
}

/**
 * Past this many cards in one write, it names {@link ALL_CARDS} instead: a merge, an import or a
 * restore writes thousands, and a record per name would double its writes (the next opening reads
 * every row, as it would have to anyway).
 */
export const MAX_NAMED_PER_WRITE = 100;

/** The card keys a write touches ({@link ALL_CARDS} for a range delete or a large write). */
function keysTouched(req: DBCoreMutateRequest): string[] {
  if (req.type === 'deleteRange') return [ALL_CARDS];
  const keys =
    req.type === 'delete' || req.keys
      ? (req.keys as readonly unknown[])
      : req.values.map((v) => (v as { key?: unknown }).key);
  return keys.length > MAX_NAMED_PER_WRITE ? [ALL_CARDS] : keys.map(String);
}

/** Names every card written as dirty, in the write's transaction (see the file comment). */
export function cardColumnsMiddleware(down: DBCore): DBCore {
  const mutate = (table: DBCoreTable, req: DBCoreMutateRequest) => {
    if (!transactionHas(req.trans, CARDS_DIRTY_TABLE)) return table.mutate(req);
    const keys = keysTouched(req);
    if (keys.length === 0) return table.mutate(req);
    const dirty = down.table(CARDS_DIRTY_TABLE);
    const named = dirty.mutate({
      type: 'put',
      trans: req.trans,
      values: [...new Set(keys)].map((key): CardDirtyRow => ({ key })),
    });
    return DexiePromise.all([table.mutate(req), named]).then(([res]) => res) as Promise<DBCoreMutateResponse>;
  };
  return {
    ...down,
    transaction: widenReadWrite(down, CARDS_TABLE, CARDS_DIRTY_TABLE),
    table: wrapWrites(down, CARDS_TABLE, mutate),
  };
}
