/**
 * What the middlewares keeping derived tables (`chapter-tallies.ts`, `review-column-cache.ts`) share:
 * a derived table joins every read-write transaction over its source table, and their continuations
 * run on Dexie promises.
 */
import { type DBCore, type DBCoreTransaction, Dexie } from 'dexie';

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

/** A DBCore `transaction` that takes `derived` into every read-write transaction over `source`. */
export function widenReadWrite(down: DBCore, source: string, derived: string): DBCore['transaction'] {
  const exists = down.schema.tables.some((t) => t.name === derived);
  return (stores, mode, options) =>
    down.transaction(
      exists && mode === 'readwrite' && stores.includes(source) && !stores.includes(derived)
        ? [...stores, derived]
        : stores,
      mode,
      options,
    );
}
