/**
 * The sync folder on disk (issue 20). Layout inside the folder the student chose:
 *
 * ```
 * lectern-sync/
 *   devices/<device id>/0000000001.jsonl   one device's journal segments (only that device writes here)
 *   packs/<content hash>.json              pack files, by the hash of their text (write-once)
 * ```
 *
 * Every file is written once, through a temporary name in the same folder and a rename, and never
 * rewritten: a file-sync engine (Syncthing, Dropbox, iCloud Drive, OneDrive) therefore never sees two
 * writers of one file. Temporary names start with a dot, which Syncthing and Dropbox leave alone
 * until the rename. Conflict copies an engine makes anyway are listed as extra segments.
 */
import { randomBytes } from 'node:crypto';
import { type FSWatcher, watch as fsWatch, mkdirSync } from 'node:fs';
import { link, mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';

export const SYNC_ROOT = 'lectern-sync';
/** A segment larger than this is refused unread (a device writes segments of a few MiB at most). */
export const MAX_SEGMENT_BYTES = 64 * 1024 * 1024;
const DEVICE = /^[a-z0-9]{8,32}$/;
const SEGMENT = /^\d{10}.*\.jsonl$/;
const HASH = /^[0-9a-f]{16,64}$/;

/** One segment file found in the folder. */
export interface SegmentFile {
  device: string;
  file: string;
  bytes: number;
  modifiedAt: number;
}

/** A problem with the folder as a whole, in words for the student. */
export class SyncFolderError extends Error {}

function devicesDir(folder: string): string {
  return join(folder, SYNC_ROOT, 'devices');
}

/** Every segment of every device (this one included), by device then file name. */
export async function listSegments(folder: string): Promise<SegmentFile[]> {
  const root = devicesDir(folder);
  let devices: string[];
  try {
    devices = await readdir(root);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      await assertFolder(folder);
      return [];
    }
    throw err;
  }
  const out: SegmentFile[] = [];
  for (const device of devices.filter((d) => DEVICE.test(d)).sort()) {
    let names: string[];
    try {
      names = await readdir(join(root, device));
    } catch {
      continue;
    }
    for (const file of names.filter((n) => SEGMENT.test(n)).sort()) {
      try {
        const s = await stat(join(root, device, file));
        if (s.isFile()) out.push({ device, file, bytes: s.size, modifiedAt: s.mtimeMs });
      } catch {
        // Removed between the listing and the stat (an engine replacing it): the next pass sees it.
      }
    }
  }
  return out;
}

async function assertFolder(folder: string): Promise<void> {
  try {
    if (!(await stat(folder)).isDirectory()) throw new SyncFolderError(`${folder} is not a folder`);
  } catch (err) {
    if (err instanceof SyncFolderError) throw err;
    throw new SyncFolderError(`the sync folder ${folder} cannot be read (${(err as Error).message})`);
  }
}

/** A segment's text. Refuses names outside the layout and files over {@link MAX_SEGMENT_BYTES}. */
export async function readSegment(folder: string, device: string, file: string): Promise<string> {
  if (!DEVICE.test(device) || !SEGMENT.test(file) || file.includes('/') || file.includes('\\'))
    throw new SyncFolderError(`"${device}/${file}" is not a segment name`);
  const path = join(devicesDir(folder), device, file);
  const s = await stat(path);
  if (s.size > MAX_SEGMENT_BYTES)
    throw new SyncFolderError(
      `${device}/${file} is ${s.size} bytes, over the ${MAX_SEGMENT_BYTES} a segment may have`,
    );
  return readFile(path, 'utf8');
}

/**
 * Writes `text` under `dir/name` once: a temporary file, flushed, then linked into place (a link fails
 * when the name exists, so nothing is ever replaced), and the temporary name removed.
 */
async function writeOnce(dir: string, name: string, text: string): Promise<boolean> {
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await link(temp, join(dir, name));
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    if (
      (err as NodeJS.ErrnoException).code === 'EPERM' ||
      (err as NodeJS.ErrnoException).code === 'ENOTSUP'
    ) {
      // File systems without hard links (FAT, some network drives): rename, after checking the name is free.
      try {
        await stat(join(dir, name));
        return false;
      } catch {
        await rename(temp, join(dir, name));
        return true;
      }
    }
    throw err;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

/** Writes this device's segment `file` (never over an existing one: false when the name is taken). */
export async function writeSegment(
  folder: string,
  device: string,
  file: string,
  text: string,
): Promise<boolean> {
  if (!DEVICE.test(device) || !/^\d{10}\.jsonl$/.test(file))
    throw new SyncFolderError(`"${device}/${file}" is not a segment name this device writes`);
  await assertFolder(folder);
  return writeOnce(join(devicesDir(folder), device), file, text);
}

/**
 * Removes one of this device's segments (compaction: its snapshot holds it). Gone already is fine;
 * only plain segment names (no conflict copies, which are other writers' files) are accepted.
 */
export async function removeSegment(folder: string, device: string, file: string): Promise<void> {
  if (!DEVICE.test(device) || !/^\d{10}\.jsonl$/.test(file))
    throw new SyncFolderError(`"${device}/${file}" is not a segment name this device writes`);
  await unlink(join(devicesDir(folder), device, file)).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'ENOENT') throw err;
  });
}

/** Stores a pack file by its content hash (a no-op when it is already there). */
export async function putPackFile(folder: string, hash: string, text: string): Promise<void> {
  if (!HASH.test(hash)) throw new SyncFolderError(`"${hash}" is not a content hash`);
  await assertFolder(folder);
  await writeOnce(join(folder, SYNC_ROOT, 'packs'), `${hash}.json`, text);
}

/** A pack file by its content hash, or null when it has not arrived (yet). */
export async function getPackFile(folder: string, hash: string): Promise<string | null> {
  if (!HASH.test(hash)) throw new SyncFolderError(`"${hash}" is not a content hash`);
  try {
    return await readFile(join(folder, SYNC_ROOT, 'packs', `${hash}.json`), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/**
 * Calls `onChange` (debounced by `delayMs`) when anything under the folder's `lectern-sync/` changes.
 * Falls back to polling the listing when the platform cannot watch recursively. Returns a stop function.
 */
export function watchFolder(folder: string, onChange: () => void, delayMs = 500): () => void {
  let timer: NodeJS.Timeout | null = null;
  const fire = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      onChange();
    }, delayMs);
  };
  let watcher: FSWatcher | null = null;
  let poll: NodeJS.Timeout | null = null;
  try {
    mkdirSync(join(folder, SYNC_ROOT, 'devices'), { recursive: true });
    watcher = fsWatch(join(folder, SYNC_ROOT), { recursive: true }, fire);
    watcher.on('error', () => undefined);
  } catch {
    let last = '';
    poll = setInterval(() => {
      listSegments(folder)
        .then((list) => {
          const now = list.map((s) => `${s.device}/${s.file}:${s.bytes}`).join('|');
          if (now !== last) {
            last = now;
            onChange();
          }
        })
        .catch(() => undefined);
    }, 5_000);
  }
  return () => {
    if (timer) clearTimeout(timer);
    watcher?.close();
    if (poll) clearInterval(poll);
  };
}
