/** Backup-test helpers shared by the worker's tests: the worker on a MessageChannel, and filling a database. */
import type { Table } from 'dexie';
import { BACKUP_TABLES, type BackupTables } from '../../renderer/src/core/backup';
import type { LecternDb } from '../../renderer/src/db/schema/database';
import { serveBackupWorker } from '../../renderer/src/ops/backup/worker-serve';

/** The backup worker's side, on the other end of a MessageChannel, working on `db` (for `run*` calls). */
export function workerOn(db: LecternDb) {
  return () => {
    const { port1, port2 } = new MessageChannel();
    serveBackupWorker(port2 as never, db);
    return {
      postMessage: (m: unknown) => port1.postMessage(m),
      get onmessage() {
        return port1.onmessage as never;
      },
      set onmessage(fn) {
        port1.onmessage = fn as never;
      },
      close: () => {
        port1.close();
        port2.close();
      },
    };
  };
}

/** The database's table of a backup table (the backup's `reviews` are the `revlog` since schema 5). */
export const tableOf = (d: LecternDb, n: (typeof BACKUP_TABLES)[number]): Table =>
  (n === 'reviews' ? d.revlog : d[n]) as Table;

/** Adds every row of `t` to the database's backup tables, in one transaction. */
export async function fill(d: LecternDb, t: BackupTables): Promise<void> {
  await d.transaction(
    'rw',
    BACKUP_TABLES.map((n) => tableOf(d, n)),
    async () => {
      for (const n of BACKUP_TABLES) await tableOf(d, n).bulkAdd(t[n]);
    },
  );
}
