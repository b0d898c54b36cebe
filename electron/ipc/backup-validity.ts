/**
 * Whether a backup file on disk is whole, by its own trailer: a format 2 to 4 backup ends with the row
 * counts and per-table checksums of what it holds (see renderer/src/core/backup/schema.ts), so main
 * can tell a real automatic backup from junk, a cut-off file or an edited one without trusting the page.
 * Read as a stream of lines, the way the writer wrote it (a row per line); a gzip-compressed file
 * (format 3) is decompressed on the way, and one whose compressed data is damaged is not whole.
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { createHasher, type Hasher } from '../../renderer/src/core/backup/checksum';

const TABLE_LINE = /^"([A-Za-z]+)":\[$/;
const HEAD = /^\{"format":"lectern-backup","formatVersion":([234]),/;
/** A format 4 review block's line begins with its row count (`review-blocks.ts`). */
const BLOCK_ROWS = /^\{"n":(\d+),/;

/** Judges a backup fed line by line (lines without their "\n"). */
export interface LineCheck {
  line(text: string): void;
  /** Whether everything fed is a whole backup. */
  whole(): boolean;
}

/**
 * Formats 2 to 4 checked row by row against their trailer (format 4's review log block by block, each
 * counting the rows it says it holds); format 1 (header first) must parse.
 */
export function createLineCheck(): LineCheck {
  let state: 'head' | 'rows' | 'v1' | 'bad' = 'head';
  let version = 0;
  const v1: string[] = [];
  const hashers = new Map<string, Hasher>();
  const counts = new Map<string, number>();
  let table: string | null = null;
  const trailer: string[] = [];
  return {
    line(line) {
      if (state === 'bad') return;
      if (state === 'v1') {
        v1.push(line);
        return;
      }
      if (state === 'head') {
        if (line.startsWith('{"format":"lectern-backup","formatVersion":1,')) {
          state = 'v1';
          v1.push(line);
        } else {
          const head = HEAD.exec(line);
          version = Number(head?.[1] ?? 0);
          state = head && line.endsWith('"tables":{') ? 'rows' : 'bad';
        }
        return;
      }
      if (trailer.length > 0 || line.startsWith('"counts":')) {
        trailer.push(line);
        return;
      }
      const open = TABLE_LINE.exec(line);
      if (open && table === null) {
        table = open[1] as string;
        if (hashers.has(table)) state = 'bad';
        hashers.set(table, createHasher());
        counts.set(table, 0);
      } else if (table !== null && (line === ']' || line === '],' || line === ']},')) {
        table = null;
      } else if (table !== null && (line.startsWith('{') || line.startsWith('['))) {
        const row = line.endsWith(',') ? line.slice(0, -1) : line;
        const h = hashers.get(table) as Hasher;
        h.update(row);
        h.update('\n');
        let rows = 1;
        if (version >= 4 && table === 'reviews') {
          const n = BLOCK_ROWS.exec(row);
          if (!n) state = 'bad';
          rows = Number(n?.[1] ?? 0);
        }
        counts.set(table, (counts.get(table) ?? 0) + rows);
      } else state = 'bad';
    },
    whole() {
      if (state === 'v1') return isWholeV1(v1);
      if (state !== 'rows') return false;
      const lines = trailer.filter((l) => l !== '');
      if (lines.length !== 2) return false;
      try {
        const written = JSON.parse(`{${lines.join('\n')}`) as {
          counts?: Record<string, unknown>;
          checksums?: Record<string, unknown>;
        };
        const names = Object.keys(written.checksums ?? {});
        if (names.length === 0 || names.length !== hashers.size) return false;
        return names.every(
          (t) => hashers.get(t)?.digest() === written.checksums?.[t] && counts.get(t) === written.counts?.[t],
        );
      } catch {
        return false;
      }
    },
  };
}

/** True when the file at `path` is a whole Lectern backup (formats 2 and 3 checked row by row; 1 parsed). */
export async function isWholeBackup(path: string): Promise<boolean> {
  const check = createLineCheck();
  for await (const line of readLines(path)) check.line(line);
  return check.whole();
}

function isWholeV1(lines: readonly string[]): boolean {
  // Version 1 (before database schema 2) is one JSON document with its header first; whole = parses.
  try {
    const doc = JSON.parse(lines.join('\n')) as { format?: unknown; tables?: unknown };
    return doc.format === 'lectern-backup' && typeof doc.tables === 'object' && doc.tables !== null;
  } catch {
    return false;
  }
}

/** Judges a backup as it is written, part by part: text, or bytes (gzip or UTF-8 text). */
export interface WriteCheck {
  push(part: string | Buffer): void;
  /** Whether all that was pushed is a whole backup. */
  whole(): Promise<boolean>;
}

/**
 * Checks a backup while it is written, so the check costs nothing after the last part: gzip is
 * inflated by zlib off main's thread as the parts arrive, and each row is hashed as its line completes
 * (on main's thread, beside the renderer's work on the other core).
 */
export function createWriteCheck(): WriteCheck {
  const lines = createLineCheck();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let rest = '';
  let failed = false;
  let mode: 'gzip' | 'text' | null = null;
  let pending: Buffer | null = null;
  let gunzip: ReturnType<typeof createGunzip> | null = null;
  let ended: Promise<void> = Promise.resolve();

  const text = (s: string) => {
    rest += s;
    const parts = rest.split('\n');
    rest = parts.pop() ?? '';
    for (const p of parts) lines.line(p);
  };
  const bytes = (b: Buffer) => {
    if (failed) return;
    try {
      text(decoder.decode(b, { stream: true }));
    } catch {
      failed = true;
    }
  };
  const start = (b: Buffer) => {
    mode = b[0] === 0x1f && b[1] === 0x8b ? 'gzip' : 'text';
    if (mode === 'text') return bytes(b);
    const z = createGunzip({ chunkSize: 1 << 20 });
    gunzip = z;
    z.on('data', bytes);
    ended = new Promise((resolve) => {
      z.on('end', resolve);
      z.on('error', () => {
        failed = true;
        resolve();
      });
    });
    z.write(b);
  };

  return {
    push(part) {
      if (failed) return;
      if (typeof part === 'string') {
        if (mode === 'gzip') failed = true;
        mode = 'text';
        text(part);
        return;
      }
      if (mode === null) {
        const b: Buffer = pending ? Buffer.concat([pending, part]) : part;
        pending = null;
        if (b.length < 2) pending = b;
        else start(b);
      } else if (mode === 'gzip') gunzip?.write(part);
      else bytes(part);
    },
    async whole() {
      if (mode === null && pending) start(pending);
      if (gunzip) {
        gunzip.end();
        await ended;
      }
      if (failed) return false;
      try {
        text(decoder.decode());
      } catch {
        return false;
      }
      lines.line(rest);
      return lines.whole();
    },
  };
}

/** Whether the file starts with gzip's magic number. */
async function isGzip(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    return bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

async function* readLines(path: string): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let rest = '';
  const file = createReadStream(path, { highWaterMark: 1 << 20 });
  try {
    let source: Readable = file;
    if (await isGzip(path)) {
      const gunzip = createGunzip({ chunkSize: 1 << 20 });
      file.on('error', (err) => gunzip.destroy(err));
      source = file.pipe(gunzip);
    }
    for await (const chunk of source) {
      rest += decoder.decode(chunk as Buffer, { stream: true });
      const parts = rest.split('\n');
      rest = parts.pop() ?? '';
      yield* parts;
    }
    rest += decoder.decode();
  } catch {
    yield '\u0000not text';
    return;
  } finally {
    // Also when the reader stops early (a line that shows the file is not whole).
    file.destroy();
  }
  yield rest;
}

/** Remembers verdicts by name, size and time, so a kept backup is read once, not at every prune. */
export class BackupValidity {
  private known = new Map<string, boolean>();

  async check(path: string): Promise<boolean> {
    let key: string;
    try {
      const s = await stat(path);
      key = `${path}\u0000${s.size}\u0000${s.mtimeMs}`;
    } catch {
      return false;
    }
    const cached = this.known.get(key);
    if (cached !== undefined) return cached;
    const whole = await isWholeBackup(path).catch(() => false);
    this.known.set(key, whole);
    return whole;
  }

  /** Records a verdict already reached (a backup checked before it was renamed into place). */
  async remember(path: string, whole: boolean): Promise<void> {
    try {
      const s = await stat(path);
      this.known.set(`${path}\u0000${s.size}\u0000${s.mtimeMs}`, whole);
    } catch {
      // Gone already: nothing to remember.
    }
  }
}
