/**
 * Folder sync's IO in main (issue 20): which folder (a setting kept beside the database, or
 * `LECTERN_SYNC_DIR` for tests and scripts), its segments and pack files, and a `sync:changed` event
 * when another device's files arrive. Merging is the renderer's (it owns the data); main only moves
 * files, each written once.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { isAbsolute } from 'node:path';
import {
  getPackFile,
  listSegments,
  putPackFile,
  readSegment,
  removeSegment,
  SyncFolderError,
  watchFolder,
  writeSegment,
} from '../sync/folder';
import type { SyncFolderInfo, SyncSegmentFile } from './contract';
import { HandlerError, type HandlerRegistry } from './handle';

/** Where the chosen folder is remembered (a file beside the database, not inside it). */
export const SYNC_SETTING_FILE = 'sync-folder.json';

export interface SyncHandlerOptions {
  /** The remembered-folder file. */
  settingFile: () => string;
  /** `LECTERN_SYNC_DIR`: when set, the folder is this and cannot be changed from the app. */
  fixedFolder?: string | null;
  /** Asks the student for a folder (a dialog); null when they cancel. */
  chooseFolder: () => Promise<string | null>;
  /** Tells the renderer the folder changed on disk. */
  notify: () => void;
}

async function readSetting(file: string): Promise<string | null> {
  try {
    const value = JSON.parse(await readFile(file, 'utf8')) as { folder?: unknown };
    return typeof value.folder === 'string' && isAbsolute(value.folder) ? value.folder : null;
  } catch {
    return null;
  }
}

async function writeSetting(file: string, folder: string | null): Promise<void> {
  const temp = `${file}.tmp`;
  await writeFile(temp, `${JSON.stringify({ folder })}\n`);
  await rename(temp, file);
}

function asHandlerError(err: unknown, subject?: string): never {
  if (err instanceof SyncFolderError) throw new HandlerError('bad-request', err.message, subject);
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT')
    throw new HandlerError('not-found', `${subject ?? 'the file'} is not in the sync folder`, subject);
  if (code === 'ENOSPC') throw new HandlerError('io', 'the disk holding the sync folder is full', subject);
  throw new HandlerError('io', (err as Error).message ?? String(err), subject);
}

export function registerSyncHandlers(
  registry: HandlerRegistry,
  options: SyncHandlerOptions,
): { stop: () => void } {
  const { handle } = registry;
  let stopWatch: (() => void) | null = null;
  let current: string | null = null;

  const folder = async (): Promise<string | null> =>
    options.fixedFolder ?? (await readSetting(options.settingFile()));
  const info = async (): Promise<SyncFolderInfo> => ({
    folder: await folder(),
    fixed: Boolean(options.fixedFolder),
    hostName: hostname(),
  });
  const watch = (f: string | null) => {
    if (f === current) return;
    stopWatch?.();
    stopWatch = null;
    current = f;
    if (f) stopWatch = watchFolder(f, options.notify);
  };
  const need = async (): Promise<string> => {
    const f = await folder();
    if (!f) throw new HandlerError('bad-request', 'no sync folder is chosen');
    watch(f);
    return f;
  };

  handle('sync:info', async () => {
    const i = await info();
    watch(i.folder);
    return i;
  });
  handle('sync:choose-folder', async () => {
    if (options.fixedFolder)
      throw new HandlerError('forbidden', 'the sync folder is set by LECTERN_SYNC_DIR');
    const chosen = await options.chooseFolder();
    if (chosen === null) return null;
    await writeSetting(options.settingFile(), chosen);
    watch(chosen);
    return info();
  });
  handle('sync:stop', async () => {
    if (options.fixedFolder)
      throw new HandlerError('forbidden', 'the sync folder is set by LECTERN_SYNC_DIR');
    await writeSetting(options.settingFile(), null);
    watch(null);
    return info();
  });
  handle('sync:list', async (): Promise<SyncSegmentFile[]> => {
    const f = await need();
    try {
      return await listSegments(f);
    } catch (err) {
      asHandlerError(err, f);
    }
  });
  handle('sync:read', async (_e, req) => {
    const f = await need();
    const subject = `${String(req?.device)}/${String(req?.file)}`;
    try {
      return await readSegment(f, String(req?.device ?? ''), String(req?.file ?? ''));
    } catch (err) {
      asHandlerError(err, subject);
    }
  });
  handle('sync:write', async (_e, req) => {
    const f = await need();
    const subject = `${String(req?.device)}/${String(req?.file)}`;
    if (typeof req?.text !== 'string') throw new HandlerError('bad-request', 'a segment is text', subject);
    try {
      return await writeSegment(f, String(req.device ?? ''), String(req.file ?? ''), req.text);
    } catch (err) {
      asHandlerError(err, subject);
    }
  });
  handle('sync:remove', async (_e, req) => {
    const f = await need();
    const subject = `${String(req?.device)}/${String(req?.file)}`;
    try {
      await removeSegment(f, String(req?.device ?? ''), String(req?.file ?? ''));
      return null;
    } catch (err) {
      asHandlerError(err, subject);
    }
  });
  handle('sync:put-pack', async (_e, req) => {
    const f = await need();
    if (typeof req?.text !== 'string') throw new HandlerError('bad-request', 'a pack file is text');
    try {
      await putPackFile(f, String(req.hash ?? ''), req.text);
      return null;
    } catch (err) {
      asHandlerError(err, String(req.hash));
    }
  });
  handle('sync:get-pack', async (_e, req) => {
    const f = await need();
    try {
      return await getPackFile(f, String(req?.hash ?? ''));
    } catch (err) {
      asHandlerError(err, String(req?.hash));
    }
  });
  return {
    stop: () => {
      stopWatch?.();
      stopWatch = null;
    },
  };
}
