/**
 * Is the database the one the student last used? (Issue 19: after its files were damaged on disk,
 * the browser recreated it empty and Lectern opened with nothing in it, saying nothing.)
 *
 * The database carries an id in its `meta` table (not in backups, so a restore keeps it), and main
 * keeps a record beside it, outside IndexedDB (`db:record-read` / `db:record-write`): that id, what
 * the database held when last backed up, and the newest automatic backup written of it while it was
 * whole. At start-up, a database without the recorded id, where the record says the student had
 * data, was damaged or lost: the app says so and offers that backup ({@link restoreLastGoodBackup}).
 * Until the student restores or keeps what is there, automatic backups of the database are not
 * recorded as good, so main's pruning keeps the last good one however many others are written.
 */

import type { BackupSummary } from '../core/backup';
import { db as appDb, type LecternDb } from '../db/schema/database';
import type { MetaRow } from '../db/schema/rows';
import {
  type BackupFileInfo,
  type BackupWritten,
  type DatabaseCounts,
  type DatabaseRecord,
  invoke,
} from '../platform/bridge';
import type { OnFraction } from './backup/runner';

/** The key of the database's id in `meta`. */
export const DATABASE_ID_KEY = 'database-id' as const;

/** What the start-up check found. */
export type DatabaseHealth =
  | { status: 'ok' }
  | {
      status: 'replaced';
      /** What the database held when last recorded. */
      record: DatabaseRecord;
      /** The automatic backup to offer, or null when none is left. */
      backup: BackupFileInfo | null;
    };

/** Whether the recorded database held anything of the student's. */
export function heldUserData(record: DatabaseRecord): boolean {
  const c = record.counts;
  return c.cards + c.reviews + c.reading + c.settings + c.selftests > 0 || record.lastGoodBackup !== null;
}

/**
 * What to do with the database's id and the record: `ok` (the recorded database), `replaced` (not the
 * recorded one, which held the student's data), or `stamp` (a new install, or a record of nothing:
 * record this database).
 */
export function judgeDatabase(
  storedId: string | undefined,
  record: DatabaseRecord | null,
): 'ok' | 'replaced' | 'stamp' {
  if (record && storedId === record.databaseId) return 'ok';
  if (record && heldUserData(record)) return 'replaced';
  return 'stamp';
}

/** The backup to offer: the last good one if it is still there, else the newest. */
export function chooseBackup(
  backups: readonly BackupFileInfo[],
  record: DatabaseRecord,
): BackupFileInfo | null {
  return backups.find((b) => b.name === record.lastGoodBackup) ?? backups[0] ?? null;
}

/** The database's id once the check found it whole (or the student settled it); null meanwhile. */
let whole: string | null = null;

function countsOf(s: BackupSummary): DatabaseCounts {
  const { packs, questions, cards, reviews, reading, settings, selftests } = s;
  return { packs, questions, cards, reviews, reading, settings, selftests };
}

async function storedIdOf(db: LecternDb): Promise<string | undefined> {
  const row = await db.meta.get(DATABASE_ID_KEY);
  return row?.key === 'database-id' && typeof row.id === 'string' ? row.id : undefined;
}

/** The database's id, stamping a new one if it has none. */
async function ensureId(db: LecternDb): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const id = await storedIdOf(db);
    if (id) return id;
    const fresh = crypto.randomUUID();
    const row: MetaRow = { key: DATABASE_ID_KEY, id: fresh, createdAt: Date.now() };
    await db.meta.put(row);
    return fresh;
  });
}

async function writeRecord(id: string, counts: DatabaseCounts, lastGoodBackup: string | null) {
  const res = await invoke('db:record-write', { databaseId: id, counts, lastGoodBackup });
  if (!res.ok) throw new Error(`Could not record the database's state: ${res.error.message}`);
}

/** Stamps the database if needed and records it as it is now, keeping the last good backup named. */
async function settle(db: LecternDb, summary?: BackupSummary): Promise<void> {
  const id = await ensureId(db);
  const before = await invoke('db:record-read');
  // The backup repository (and the backup format's code) loads only when counts must be taken: a
  // start-up that finds the recorded database does not.
  const counts = countsOf(summary ?? (await (await import('../db/repos/backup-repo')).summarizeDatabase(db)));
  await writeRecord(id, counts, before.ok ? (before.value?.lastGoodBackup ?? null) : null);
  whole = id;
}

/** The start-up check (see the file comment). */
export async function checkDatabase(db: LecternDb = appDb): Promise<DatabaseHealth> {
  whole = null;
  const [storedId, res] = await Promise.all([storedIdOf(db), invoke('db:record-read')]);
  // Main cannot be asked: nothing to compare with, and nothing is recorded this session.
  if (!res.ok) return { status: 'ok' };
  const verdict = judgeDatabase(storedId, res.value);
  if (verdict === 'ok') {
    whole = storedId ?? null;
    return { status: 'ok' };
  }
  if (verdict === 'stamp' || !res.value) {
    await settle(db);
    return { status: 'ok' };
  }
  const list = await invoke('backup:list');
  return {
    status: 'replaced',
    record: res.value,
    backup: chooseBackup(list.ok ? list.value : [], res.value),
  };
}

/**
 * After an automatic backup: while the database is whole, the backup becomes the last good one (main
 * never prunes it) and the record takes the counts it holds. Otherwise nothing is recorded.
 */
export async function noteAutoBackup(written: BackupWritten, summary: BackupSummary): Promise<void> {
  if (whole === null) return;
  await writeRecord(whole, countsOf(summary), written.name);
}

/** After a restore the student asked for: the database is theirs again, as the backup holds it. */
export async function noteRestored(summary: BackupSummary, db: LecternDb = appDb): Promise<void> {
  await settle(db, summary);
}

/** The student keeps the database as it is now (the recorded one is given up). */
export async function keepCurrentDatabase(db: LecternDb = appDb): Promise<void> {
  await settle(db);
}

/**
 * Restores `backup` through the same path as Settings ▸ Backups (checked whole first, then one
 * transaction), and records the database as the student's again. The summary restored.
 */
export async function restoreLastGoodBackup(
  backup: BackupFileInfo,
  label: string,
  onProgress?: OnFraction,
): Promise<BackupSummary> {
  const [{ runVerify }, { autoBackupSource }] = await Promise.all([
    import('./backup/runner'),
    import('./backup/sources'),
  ]);
  const verdict = await runVerify('restore', autoBackupSource(backup.name, backup.bytes, label), onProgress);
  if (!verdict.ok) throw new Error(verdict.issues.map((i) => i.message).join(' '));
  await noteRestored(verdict.summary);
  return verdict.summary;
}
