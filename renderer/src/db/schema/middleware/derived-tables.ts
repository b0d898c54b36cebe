/**
 * What the database's middlewares share (the card index fields in `db.ts`, and the derived tables of
 * `chapter-tallies.ts` and `review-column-cache.ts`): each wraps the writes of one table, a derived
 * table joins every read-write transaction over its source table, and continuations run on Dexie
 * promises.
 */
import {
  type DBCore,
  type DBCoreMutateRequest,
  type DBCoreMutateResponse,
  type DBCoreTable,
  type DBCoreTransaction,
  Dexie,
} from 'dexie';

/**
 * Dexie's own middlewares below read the transaction from Dexie's zone, which a native `await` loses:
 * every continuation of a middleware is chained on a Dexie promise, which restores that zone.
 */
export const DexiePromise = Dexie.Promise;

/** Whether the IndexedDB transaction under `trans` has the table `name` (during an upgrade to an older version, a newer table does not exist yet). */
export function transactionHas(trans: DBCoreTransaction, name: string): boolean {
  const names = (trans as unknown as IDBTransaction).objectStoreNames;
  return names?.contains(name) ?? false;
}

/** A DBCore `transaction` that takes the `derived` tables into every read-write transaction over `source`. */
export function widenReadWrite(
  down: DBCore,
  source: string,
  derived: string | readonly string[],
): DBCore['transaction'] {
  const names = (typeof derived === 'string' ? [derived] : derived).filter((d) =>
    down.schema.tables.some((t) => t.name === d),
  );
  return (stores, mode, options) => {
    const missing =
      mode === 'readwrite' && stores.includes(source) ? names.filter((d) => !stores.includes(d)) : [];
    return down.transaction(missing.length > 0 ? [...stores, ...missing] : stores, mode, options);
  };
}

/**
 * A DBCore `table` whose table `name` has its writes go through `mutate` (given the table below);
 * every other table, and every read, is left as it is.
 */
export function wrapWrites(
  down: DBCore,
  name: string,
  mutate: (table: DBCoreTable, req: DBCoreMutateRequest) => Promise<DBCoreMutateResponse>,
): DBCore['table'] {
  return (tableName) => {
    const table = down.table(tableName);
    if (tableName !== name) return table;
    return { ...table, mutate: (req) => mutate(table, req) };
  };
}
