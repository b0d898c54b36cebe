/** Automatic backups in the app's data folder: written on quit and daily, newest 10 kept. */
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { shell } from 'electron';
import { type BackupFileInfo, MAX_FILE_BYTES } from './contract';
import { writeOrExplain } from './file-handlers';
import { HandlerError, type HandlerRegistry } from './handle';

export const KEEP_BACKUPS = 10;
const NAME = /^lectern-backup-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z-(quit|daily)\.json$/;

/** `lectern-backup-2026-11-27T14-03-05-123Z-quit.json` — sorts by time as text. */
export function backupFileName(now: Date, reason: 'quit' | 'daily'): string {
  return `lectern-backup-${now.toISOString().replace(/[:.]/g, '-')}-${reason}.json`;
}

export async function listBackups(dir: string): Promise<BackupFileInfo[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const infos = await Promise.all(
    names
      .filter((n) => NAME.test(n))
      .map(async (name) => {
        const s = await stat(join(dir, name));
        return { name, bytes: s.size, modifiedAt: s.mtimeMs };
      }),
  );
  return infos.sort((a, b) => (a.name < b.name ? 1 : -1));
}

/** Writes a backup, then removes all but the newest `KEEP_BACKUPS`. */
export async function writeAutoBackup(dir: string, text: string, reason: 'quit' | 'daily', now = new Date()) {
  await mkdir(dir, { recursive: true });
  const name = backupFileName(now, reason);
  await writeOrExplain(join(dir, name), text);
  const all = await listBackups(dir);
  await Promise.all(all.slice(KEEP_BACKUPS).map((b) => rm(join(dir, b.name), { force: true })));
  const s = await stat(join(dir, name));
  return { name, bytes: s.size, modifiedAt: s.mtimeMs };
}

export function registerBackupHandlers({ handle }: HandlerRegistry, dir: () => string): void {
  handle('backup:write-auto', async (_e, req) => {
    if (typeof req?.text !== 'string' || (req.reason !== 'quit' && req.reason !== 'daily')) {
      throw new HandlerError('bad-request', 'backup:write-auto needs text and a reason');
    }
    return writeAutoBackup(dir(), req.text, req.reason);
  });
  handle('backup:list', () => listBackups(dir()));
  handle('backup:read', async (_e, req) => {
    const name = String(req?.name ?? '');
    if (!NAME.test(name))
      throw new HandlerError('bad-request', `"${name.slice(0, 80)}" is not a backup file name`);
    const path = join(dir(), name);
    const s = await stat(path).catch(() => null);
    if (!s) throw new HandlerError('not-found', `backup ${name} no longer exists`);
    if (s.size > MAX_FILE_BYTES * 4)
      throw new HandlerError('too-large', `backup ${name} is too large to read`);
    return readFile(path, 'utf8');
  });
  handle('backup:open-folder', async () => {
    await mkdir(dir(), { recursive: true });
    const err = await shell.openPath(dir());
    if (err) throw new HandlerError('io', err);
    return null;
  });
}
