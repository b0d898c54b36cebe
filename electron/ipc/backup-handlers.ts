/**
 * Backups on disk: automatic ones in the app's data folder (written on quit and daily, newest 10
 * kept), exports to a file the user chooses, and reading automatic ones back, all in parts
 * (`backup-streams.ts`), every write atomic (temporary file, then rename).
 */
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { BrowserWindow, dialog, shell } from 'electron';
import { BackupStreams } from './backup-streams';
import { BackupValidity, createWriteCheck } from './backup-validity';
import {
  AUTO_BACKUP_NAME,
  AUTO_BACKUP_REASONS,
  type AutoBackupReason,
  type BackupFileInfo,
  type BackupWritten,
} from './contract';
import { HandlerError, type HandlerRegistry } from './handle';

export const KEEP_BACKUPS = 10;
const NAME = AUTO_BACKUP_NAME;

/** `lectern-backup-2026-11-27T14-03-05-123Z-quit.json` — sorts by time as text. */
export function backupFileName(now: Date, reason: AutoBackupReason): string {
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

/**
/**
 * The one place automatic backups are deleted. Only whole backups (their own trailer and checksums
 * agree, see backup-validity.ts) count toward the newest `KEEP_BACKUPS` kept: files the page wrote
 * that are not whole backups can never push a real one out, and are removed themselves (nothing
 * could restore them). The backup `pinned` names is never removed, whatever its age: the last backup
 * of the database while it was whole (issue 19: after a damaged database was recreated empty, ten
 * quit backups of it would otherwise push every good one out). Every rule about what must survive
 * belongs here.
 */
export async function pruneBackups(
  dir: string,
  {
    validity = new BackupValidity(),
    pinned = null,
  }: { validity?: BackupValidity; pinned?: string | null } = {},
): Promise<void> {
  const all = await listBackups(dir);
  let kept = 0;
  for (const b of all) {
    if (b.name === pinned) continue;
    const path = join(dir, b.name);
    const whole = await validity.check(path);
    if (whole && kept < KEEP_BACKUPS) kept++;
    else await rm(path, { force: true });
  }
}

async function askSavePath(sender: Electron.WebContents, defaultName: string): Promise<string | null> {
  const win = BrowserWindow.fromWebContents(sender);
  const options: Electron.SaveDialogOptions = {
    title: 'Export backup',
    defaultPath: basename(defaultName),
    filters: [{ name: 'Lectern backup', extensions: ['json'] }],
  };
  const res = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  return res.canceled || !res.filePath ? null : res.filePath;
}

function idOf(req: unknown): string {
  const id = (req as { id?: unknown } | null)?.id;
  if (typeof id !== 'string') throw new HandlerError('bad-request', 'a backup transfer id is needed');
  return id;
}

/**
 * Registers the backup channels; the returned streams tell main whether a backup is being written.
 * `pinned` names the automatic backup pruning keeps whatever its age (see `db-record.ts`).
 */
export function registerBackupHandlers(
  { handle }: HandlerRegistry,
  dir: () => string,
  {
    streams = new BackupStreams(),
    pinned = async () => null,
  }: { streams?: BackupStreams; pinned?: () => Promise<string | null> } = {},
): BackupStreams {
  const validity = new BackupValidity();
  /** Automatic backups being written: their folder-relative name, to prune once renamed. */
  const autoWrites = new Set<string>();

  handle('backup:list', () => listBackups(dir()));
  handle('backup:open-folder', async () => {
    await mkdir(dir(), { recursive: true });
    const err = await shell.openPath(dir());
    if (err) throw new HandlerError('io', err);
    return null;
  });

  handle('backup:write-begin', async (event, target) => {
    if (target?.kind === 'auto') {
      if (!(AUTO_BACKUP_REASONS as readonly string[]).includes(target.reason))
        throw new HandlerError(
          'bad-request',
          'an automatic backup is written on quit, daily or before the first sync merge',
        );
      const folder = dir();
      await mkdir(folder, { recursive: true });
      await streams.removeStaleTemps(folder);
      const id = await streams.beginWrite(
        join(folder, backupFileName(new Date(), target.reason)),
        createWriteCheck(),
      );
      autoWrites.add(id);
      return { id };
    }
    if (target?.kind === 'save' && typeof target.defaultName === 'string') {
      const path = await askSavePath(event.sender, target.defaultName);
      return path ? { id: await streams.beginWrite(path, createWriteCheck()) } : null;
    }
    throw new HandlerError('bad-request', 'backup:write-begin needs an automatic or a save target');
  });
  handle('backup:write-part', async (_e, req) => {
    if (typeof req?.base64 === 'string') await streams.writeBytes(idOf(req), req.base64);
    else await streams.writePart(idOf(req), req?.text);
    return null;
  });
  handle('backup:write-end', async (_e, req): Promise<BackupWritten> => {
    const id = idOf(req);
    // Checked (as it was written) before it replaces anything: a file that is not a whole backup never
    // takes the place of the one the student chose to overwrite, nor counts among the automatic ones.
    const written = await streams.finishWrite(id).catch((err: unknown) => {
      autoWrites.delete(id);
      throw err;
    });
    await validity.remember(written.path, true);
    if (autoWrites.delete(id)) await pruneBackups(dir(), { validity, pinned: await pinned() });
    return { name: basename(written.path), ...written };
  });
  handle('backup:write-abort', async (_e, req) => {
    const id = idOf(req);
    autoWrites.delete(id);
    await streams.abort(id, 'write');
    return null;
  });
  handle('backup:read-begin', async (_e, req) => {
    const name = String(req?.name ?? '');
    if (!NAME.test(name))
      throw new HandlerError('bad-request', `"${name.slice(0, 80)}" is not a backup file name`);
    return streams.beginRead(join(dir(), name), name, req?.raw === true);
  });
  handle('backup:read-part', (_e, req) => streams.readPart(idOf(req)));
  handle('backup:read-end', async (_e, req) => {
    await streams.abort(idOf(req), 'read');
    return null;
  });
  return streams;
}
