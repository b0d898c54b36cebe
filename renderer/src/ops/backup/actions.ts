/** Writing backups from the app: exports saved where the user chooses, and automatic ones. */

import { db as appDb, type LecternDb } from '../../db/schema/database';
import type { AutoBackupReason, BackupFileInfo, BackupWritten } from '../../platform/bridge';
import { invoke } from '../../platform/bridge';
import { formatLocalDate } from '../../ui/format';
import { noteAutoBackup } from '../database-health';
import { type OnFraction, runExport } from './runner';

let version: Promise<string> | null = null;

/** The app's version for the backup header (asked of main once). */
export function getAppVersion(): Promise<string> {
  version ??= invoke('app:info').then((r) => (r.ok ? r.value.version : 'unknown'));
  return version;
}

/** `lectern-backup-2026-03-15.json` in local time. */
export function suggestBackupName(now: number): string {
  return `lectern-backup-${formatLocalDate(now)}.json`;
}

/**
 * Asks where to save, then exports everything there in parts (in the backup worker); the saved path,
 * or null when the user cancelled.
 */
export async function saveBackupAs(now: number, onProgress?: OnFraction): Promise<string | null> {
  const done = await runExport(
    { kind: 'save', defaultName: suggestBackupName(now) },
    { now, appVersion: await getAppVersion() },
    onProgress,
  );
  return done?.written.path ?? null;
}

/**
 * Whether the database holds anything of the student's (reviews, reading, self-tests, settings or an
 * imported pack). An automatic backup of a fresh or wiped database is skipped: written on every quit,
 * empty backups would push the student's real ones out of the ten that are kept.
 */
export async function hasUserData(db: LecternDb): Promise<boolean> {
  return db.transaction(
    'r',
    [db.revlog, db.revlogDays, db.reviews, db.reading, db.selftests, db.settings, db.packs],
    async () => {
      // The review log, and schema 4's rows not yet moved by the upgrade.
      if ((await db.revlog.count()) > 0 || (await db.revlogDays.count()) > 0) return true;
      if ((await db.reviews.count()) > 0) return true;
      if ((await db.reading.count()) > 0) return true;
      if ((await db.selftests.count()) > 0) return true;
      if ((await db.settings.count()) > 0) return true;
      return (await db.packs.where('origin').equals('imported').count()) > 0;
    },
  );
}

/**
 * Writes an automatic backup into the app's data folder (main keeps the newest 10, and the last good
 * one: see `ops/database-health.ts`); null if skipped.
 */
export async function writeAutoBackup(
  db: LecternDb,
  reason: AutoBackupReason,
  now: number,
): Promise<BackupWritten | null> {
  if (!(await hasUserData(db))) return null;
  const done = await runExport({ kind: 'auto', reason }, { now, appVersion: await getAppVersion() });
  if (done) await noteAutoBackup(done.written, done.summary);
  return done?.written ?? null;
}

/** Midnight (local time) of the day containing `now`. */
export function startOfLocalDay(now: number): number {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** Whether none of the listed automatic backups was written today (local time). */
export function isDailyBackupDue(backups: readonly BackupFileInfo[], now: number): boolean {
  const start = startOfLocalDay(now);
  return !backups.some((b) => b.modifiedAt >= start && b.modifiedAt <= now + 60_000);
}

/**
 * Main asked for a backup before quitting (`backup:request`): write one, then let main quit
 * (`app:quit-ready`) whatever happened — main gives up waiting after 5 s.
 */
export async function backupOnQuit(now: number): Promise<void> {
  try {
    await writeAutoBackup(appDb, 'quit', now);
  } catch (err) {
    console.error('automatic backup on quit failed:', err);
  } finally {
    void invoke('app:quit-ready');
  }
}

/**
 * Writes the daily automatic backup if none was written today; null if not due (or no longer
 * `wanted` once the list of backups is read). Rejects when the backup failed.
 */
export async function writeDailyBackupIfDue(
  wanted: () => boolean = () => true,
): Promise<BackupWritten | null> {
  const list = await invoke('backup:list');
  if (!wanted() || !list.ok || !isDailyBackupDue(list.value, Date.now())) return null;
  return writeAutoBackup(appDb, 'daily', Date.now());
}
