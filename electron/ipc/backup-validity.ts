/**
 * Whether a backup file on disk is whole, by its own trailer: a format 2 or 3 backup ends with the row
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
const HEAD = /^\{"format":"lectern-backup","formatVersion":([23]),/;

/** True when the file at `path` is a whole Lectern backup (formats 2 and 3 checked row by row; 1 parsed). */
export async function isWholeBackup(path: string): Promise<boolean> {
  const lines = readLines(path);
  const first = await lines.next();
  if (first.done) return false;
  const head = first.value;
  if (head.startsWith('{"format":"lectern-backup","formatVersion":1,')) return isWholeV1(path);
  if (!HEAD.test(head) || !head.endsWith('"tables":{')) return false;
  const hashers = new Map<string, Hasher>();
  const counts = new Map<string, number>();
  let table: string | null = null;
  let trailer: string[] = [];
  for await (const line of lines) {
    if (trailer.length > 0 || line.startsWith('"counts":')) {
      trailer.push(line);
      continue;
    }
    const open = TABLE_LINE.exec(line);
    if (open && table === null) {
      table = open[1] as string;
      if (hashers.has(table)) return false;
      hashers.set(table, createHasher());
      counts.set(table, 0);
    } else if (table !== null && (line === ']' || line === '],' || line === ']},')) {
      table = null;
    } else if (table !== null && (line.startsWith('{') || line.startsWith('['))) {
      const row = line.endsWith(',') ? line.slice(0, -1) : line;
      const h = hashers.get(table) as Hasher;
      h.update(row);
      h.update('\n');
      counts.set(table, (counts.get(table) ?? 0) + 1);
    } else return false;
  }
  trailer = trailer.filter((l) => l !== '');
  if (trailer.length !== 2) return false;
  try {
    const written = JSON.parse(`{${trailer.join('\n')}`) as {
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
}

async function isWholeV1(path: string): Promise<boolean> {
  // Version 1 (before database schema 2) is one JSON document with its header first; whole = parses.
  const chunks: string[] = [];
  for await (const line of readLines(path)) chunks.push(line);
  try {
    const doc = JSON.parse(chunks.join('\n')) as { format?: unknown; tables?: unknown };
    return doc.format === 'lectern-backup' && typeof doc.tables === 'object' && doc.tables !== null;
  } catch {
    return false;
  }
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
