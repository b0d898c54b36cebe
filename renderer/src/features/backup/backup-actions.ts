/** Writing backups from the app: the file's text, saving it where the user chooses, and automatic ones. */
import type { BackupFileInfo } from '../../../../electron/ipc/contract';
import { exportBackup } from '../../db/backup-repo';
import type { LecternDb } from '../../db/db';
import { invoke } from '../../platform/bridge';

let version: Promise<string> | null = null;

/** The app's version for the backup header (asked of main once). */
export function getAppVersion(): Promise<string> {
  version ??= invoke('app:info').then((r) => (r.ok ? r.value.version : 'unknown'));
  return version;
}

/** `lectern-backup-2026-03-15.json` in local time. */
export function suggestBackupName(now: number): string {
  const d = new Date(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `lectern-backup-${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}.json`;
}

/** Exports everything and asks where to save it; the saved path, or null when the user cancelled. */
export async function saveBackupAs(db: LecternDb, now: number): Promise<string | null> {
  const text = await exportBackup(db, now, await getAppVersion());
  const res = await invoke('files:save', {
    defaultName: suggestBackupName(now),
    text,
    filter: { name: 'Lectern backup', extensions: ['json'] },
  });
  if (!res.ok) throw new Error(res.error.message);
  return res.value;
}

/**
 * Whether the database holds anything of the student's (reviews, reading, self-tests, settings or an
 * imported pack). An automatic backup of a fresh or wiped database is skipped: written on every quit,
 * empty backups would push the student's real ones out of the ten that are kept.
 */
export async function hasUserData(db: LecternDb): Promise<boolean> {
  return db.transaction('r', [db.reviews, db.reading, db.selftests, db.settings, db.packs], async () => {
    if ((await db.reviews.count()) > 0) return true;
    if ((await db.reading.count()) > 0) return true;
    if ((await db.selftests.count()) > 0) return true;
    if ((await db.settings.count()) > 0) return true;
    return (await db.packs.where('origin').equals('imported').count()) > 0;
  });
}

/** Writes an automatic backup into the app's data folder (main keeps the newest 10). */
export async function writeAutoBackup(
  db: LecternDb,
  reason: 'quit' | 'daily',
  now: number,
): Promise<BackupFileInfo | null> {
  if (!(await hasUserData(db))) return null;
  const text = await exportBackup(db, now, await getAppVersion());
  const res = await invoke('backup:write-auto', { text, reason });
  if (!res.ok) throw new Error(res.error.message);
  return res.value;
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
