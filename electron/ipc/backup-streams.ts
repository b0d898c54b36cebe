/**
 * Backup files in parts, for backups too large for one IPC message or one JS string. A write goes to
 * a hidden temporary file beside its destination and is renamed over it only once complete and
 * flushed to disk, so a half-written backup (a crash, a full disk, a quit mid-way) never replaces a
 * good one and never shows in the list. A read hands the file over in parts of decoded text; a
 * multi-byte character split between two parts is decoded whole.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { type FileHandle, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { WriteCheck } from './backup-validity';
import { HandlerError } from './handle';

/** The most characters one written part may hold (the renderer sends 1 Mi). */
export const MAX_WRITE_PART_CHARS = 8 * 1024 * 1024;
/** The most bytes one written binary part may hold (the renderer sends 1 MiB, as base64). */
export const MAX_WRITE_PART_BYTES = 8 * 1024 * 1024;
/** Bytes read from disk per part handed to the renderer. */
export const READ_PART_BYTES = 1024 * 1024;
/** Sessions untouched this long are closed (a renderer that crashed or reloaded mid-way). */
const IDLE_MS = 10 * 60_000;
/** The most transfers (writes and reads) open at once: the page cannot hold hundreds of files open. */
export const MAX_OPEN_SESSIONS = 8;
/** The most bytes one write may hold (a 100k-question course with a million reviews is ~0.5 GB). */
export const MAX_WRITE_BYTES = 4 * 1024 ** 3;
/** Temporary files of interrupted writes: `.NAME.XXXXXXXX.part`. */
export const TEMP_FILE = /^\..+\.[0-9a-f]{8}\.part$/;

/** A full disk or a read-only folder becomes a message naming the file, not a crash. */
export function explainWriteError(path: string, err: unknown): HandlerError {
  const code = (err as NodeJS.ErrnoException).code ?? 'error';
  const why =
    code === 'ENOSPC'
      ? 'the disk is full'
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? 'permission denied'
        : code;
  return new HandlerError('io', `could not write ${path}: ${why}`);
}

interface WriteSession {
  kind: 'write';
  path: string;
  temp: string;
  handle: FileHandle;
  bytes: number;
  /** Parts are appended one after the other even if calls overlap. */
  queue: Promise<void>;
  failed: HandlerError | null;
  touched: number;
  /** Judges what is written as it is written (see backup-validity.ts), if the writer asked. */
  check: WriteCheck | null;
}

interface ReadSession {
  kind: 'read';
  name: string;
  /** Parts are the file's bytes as base64, not decoded text. */
  raw: boolean;
  handle: FileHandle;
  bytes: number;
  position: number;
  decoder: TextDecoder;
  touched: number;
}

/** What `finishWrite` wrote. */
export interface WrittenFile {
  path: string;
  bytes: number;
  modifiedAt: number;
}

/** The open write and read sessions of one window's renderer. */
export class BackupStreams {
  private sessions = new Map<string, WriteSession | ReadSession>();
  private readonly limits: { sessions: number; writeBytes: number };

  /**
   * `journal`: a file where the temporary files of open writes are listed, so those of a write cut
   * short by a crash or a kill (an export anywhere on disk included) are removed on the next start
   * ({@link removeInterruptedWrites}).
   */
  constructor(
    private readonly clock: () => number = Date.now,
    private readonly readPartBytes = READ_PART_BYTES,
    private readonly journal: string | null = null,
    limits: Partial<{ sessions: number; writeBytes: number }> = {},
  ) {
    this.limits = { sessions: MAX_OPEN_SESSIONS, writeBytes: MAX_WRITE_BYTES, ...limits };
  }

  private writeJournal(): void {
    if (!this.journal) return;
    const temps = [...this.sessions.values()].flatMap((s) => (s.kind === 'write' ? [s.temp] : []));
    try {
      if (temps.length === 0) rmSync(this.journal, { force: true });
      else writeFileSync(this.journal, JSON.stringify(temps));
    } catch {
      // The journal only helps clean up after a crash; a write must not fail for it.
    }
  }

  private async reserveSession(): Promise<void> {
    await this.sweep();
    if (this.sessions.size >= this.limits.sessions)
      throw new HandlerError(
        'too-large',
        `${this.sessions.size} backup transfers are already open; finish or cancel one first`,
      );
  }

  /** When a part was last written by a write still open, or null (main can wait for it on quit). */
  lastWriteActivity(): number | null {
    let last: number | null = null;
    for (const s of this.sessions.values()) if (s.kind === 'write') last = Math.max(last ?? 0, s.touched);
    return last;
  }

  /**
   * Starts writing `path` (through a temporary file beside it); returns the session id. With `check`,
   * every part is also fed to it, and `finishWrite` renames the file into place only if it finds the
   * whole a complete backup.
   */
  async beginWrite(path: string, check: WriteCheck | null = null): Promise<string> {
    await this.reserveSession();
    const id = randomUUID();
    const temp = join(dirname(path), `.${basename(path)}.${id.slice(0, 8)}.part`);
    let handle: FileHandle;
    try {
      handle = await open(temp, 'wx');
    } catch (err) {
      throw explainWriteError(path, err);
    }
    this.sessions.set(id, {
      kind: 'write',
      path,
      temp,
      handle,
      bytes: 0,
      queue: Promise.resolve(),
      failed: null,
      touched: this.clock(),
      check,
    });
    this.writeJournal();
    return id;
  }

  /** Appends one part. A part must not cut a character in two (a UTF-16 surrogate pair). */
  async writePart(id: string, text: unknown): Promise<void> {
    const s = this.session(id, 'write');
    if (typeof text !== 'string' || text.length > MAX_WRITE_PART_CHARS)
      throw new HandlerError(
        'bad-request',
        `a backup part must be text of at most ${MAX_WRITE_PART_CHARS} characters`,
      );
    const first = text.charCodeAt(0);
    const last = text.charCodeAt(text.length - 1);
    if ((first >= 0xdc00 && first <= 0xdfff) || (last >= 0xd800 && last <= 0xdbff))
      throw new HandlerError('bad-request', 'a backup part must not cut a character in two');
    await this.append(id, s, text, Buffer.byteLength(text));
  }

  /** Appends one part of bytes given as base64 (a compressed backup). */
  async writeBytes(id: string, base64: unknown): Promise<void> {
    const s = this.session(id, 'write');
    if (typeof base64 !== 'string' || base64.length > (MAX_WRITE_PART_BYTES / 3) * 4 + 4)
      throw new HandlerError(
        'bad-request',
        `a backup part must be base64 of at most ${MAX_WRITE_PART_BYTES} bytes`,
      );
    const bytes = Buffer.from(base64, 'base64');
    await this.append(id, s, bytes, bytes.length);
  }

  private async append(id: string, s: WriteSession, data: string | Buffer, size: number): Promise<void> {
    s.bytes += size;
    if (s.bytes > this.limits.writeBytes) {
      await this.abort(id);
      throw new HandlerError(
        'too-large',
        `a backup may hold at most ${(this.limits.writeBytes / 1024 ** 3).toFixed(0)} GiB; ${s.path} was not written`,
      );
    }
    s.touched = this.clock();
    s.check?.push(data);
    s.queue = s.queue.then(async () => {
      if (s.failed) return;
      try {
        if (typeof data === 'string') await s.handle.write(data);
        else await s.handle.write(data);
      } catch (err) {
        s.failed = explainWriteError(s.path, err);
      }
    });
    await s.queue;
    if (s.failed) {
      await this.abort(id);
      throw s.failed;
    }
  }

  /**
   * Flushes the temporary file to disk and renames it over the destination. A write begun with a check
   * is refused (its file deleted, the destination as it was) unless the check finds it whole.
   */
  async finishWrite(id: string): Promise<WrittenFile> {
    const s = this.session(id, 'write');
    this.sessions.delete(id);
    await s.queue;
    // Removed from the journal only once renamed or deleted below (the finally).
    try {
      if (s.failed) throw s.failed;
      await s.handle.sync();
      await s.handle.close();
      if (s.check && !(await s.check.whole()))
        throw new HandlerError(
          'bad-request',
          `${s.path} was not written: what was written is not a whole Lectern backup (its rows do not match its own counts and checksums, or its compressed data is damaged)`,
        );
      await rename(s.temp, s.path);
    } catch (err) {
      await s.handle.close().catch(() => {});
      await rm(s.temp, { force: true });
      throw err instanceof HandlerError ? err : explainWriteError(s.path, err);
    } finally {
      this.writeJournal();
    }
    const st = await stat(s.path);
    return { path: s.path, bytes: st.size, modifiedAt: st.mtimeMs };
  }

  /**
   * Drops a write (its temporary file is deleted; the destination is untouched) or closes a read;
   * with `kind`, only a session of that kind. An unknown id is ignored (it may have timed out).
   */
  async abort(id: string, kind?: 'write' | 'read'): Promise<void> {
    const s = this.sessions.get(id);
    if (!s || (kind && s.kind !== kind)) return;
    this.sessions.delete(id);
    if (s.kind === 'write') await s.queue;
    await s.handle.close().catch(() => {});
    if (s.kind === 'write') {
      await rm(s.temp, { force: true });
      this.writeJournal();
    }
  }

  /**
   * Opens `path` for reading in parts; `name` is how messages call it. `raw` parts are the file's
   * bytes as base64 (the page decompresses and decodes them), others its text.
   */
  async beginRead(path: string, name: string, raw = false): Promise<{ id: string; bytes: number }> {
    await this.reserveSession();
    let handle: FileHandle;
    try {
      handle = await open(path, 'r');
    } catch {
      throw new HandlerError('not-found', `the backup ${name} no longer exists`);
    }
    const bytes = (await handle.stat()).size;
    const id = randomUUID();
    this.sessions.set(id, {
      kind: 'read',
      name,
      raw,
      handle,
      bytes,
      position: 0,
      decoder: new TextDecoder('utf-8', { fatal: true }),
      touched: this.clock(),
    });
    return { id, bytes };
  }

  /** The next part of the file as text; `done` with the last one (the session is then closed). */
  async readPart(id: string): Promise<{ text?: string; base64?: string; bytesRead: number; done: boolean }> {
    const s = this.session(id, 'read');
    s.touched = this.clock();
    const buffer = Buffer.allocUnsafe(this.readPartBytes);
    const { bytesRead } = await s.handle.read(buffer, 0, buffer.length, s.position);
    const start = s.position;
    s.position += bytesRead;
    const done = bytesRead === 0 || s.position >= s.bytes;
    if (s.raw) {
      if (done) await this.abort(id);
      return { base64: buffer.subarray(0, bytesRead).toString('base64'), bytesRead: s.position, done };
    }
    let text: string;
    try {
      text = s.decoder.decode(buffer.subarray(0, bytesRead), { stream: !done });
    } catch {
      await this.abort(id);
      throw new HandlerError(
        'encoding',
        `${s.name} is not UTF-8 text (bytes ${start}–${s.position}): it is not a Lectern backup`,
      );
    }
    if (done) await this.abort(id);
    return { text, bytesRead: s.position, done };
  }

  /** Deletes temporary files of writes that never finished (none of them open now) in `dir`. */
  async removeStaleTemps(dir: string): Promise<void> {
    const open = new Set([...this.sessions.values()].flatMap((s) => (s.kind === 'write' ? [s.temp] : [])));
    const names = await readdir(dir).catch(() => [] as string[]);
    await Promise.all(
      names
        .filter((n) => TEMP_FILE.test(n) && !open.has(join(dir, n)))
        .map((n) => rm(join(dir, n), { force: true })),
    );
  }

  private session<K extends 'write' | 'read'>(
    id: unknown,
    kind: K,
  ): K extends 'write' ? WriteSession : ReadSession {
    const s = typeof id === 'string' ? this.sessions.get(id) : undefined;
    if (!s || s.kind !== kind)
      throw new HandlerError(
        'not-found',
        `no backup ${kind} in progress with this id (it may have timed out)`,
      );
    return s as K extends 'write' ? WriteSession : ReadSession;
  }

  private async sweep(): Promise<void> {
    const now = this.clock();
    const idle = [...this.sessions].filter(([, s]) => now - s.touched > IDLE_MS).map(([id]) => id);
    await Promise.all(idle.map((id) => this.abort(id)));
  }
}

/**
 * On start: deletes the temporary files that writes cut short by a crash or a kill left behind — those
 * listed in `journal` (exports go beside the file the user chose) and any in the backups folder — and
 * the journal itself. Only names of our temporary-file form are ever deleted.
 */
export function removeInterruptedWrites(journal: string, backupsDir: string): void {
  // Synchronous on purpose: it runs once at start, before any handler can open a new write.
  let listed: unknown = [];
  try {
    listed = JSON.parse(readFileSync(journal, 'utf8'));
  } catch {
    listed = [];
  }
  const temps = Array.isArray(listed) ? listed.filter((p): p is string => typeof p === 'string') : [];
  for (const p of temps) if (TEMP_FILE.test(basename(p))) rmSync(p, { force: true });
  let names: string[] = [];
  try {
    names = readdirSync(backupsDir);
  } catch {
    names = [];
  }
  for (const n of names) if (TEMP_FILE.test(n)) rmSync(join(backupsDir, n), { force: true });
  rmSync(journal, { force: true });
}
