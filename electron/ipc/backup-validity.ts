/**
 * Whether a backup file on disk is whole, by its own trailer: a format 2 backup ends with the row
 * counts and per-table checksums of what it holds (see renderer/src/core/backup/schema.ts), so main
 * can tell a real automatic backup from junk, a cut-off file or an edited one without trusting the page.
 * Read as a stream of lines, the way the writer wrote it (a row per line).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createHasher, type Hasher } from '../../renderer/src/core/backup/checksum';

const TABLE_LINE = /^"([A-Za-z]+)":\[$/;

/** True when the file at `path` is a whole Lectern backup (format 2 checked row by row; format 1 parsed). */
export async function isWholeBackup(path: string): Promise<boolean> {
  const lines = readLines(path);
  const first = await lines.next();
  if (first.done) return false;
  const head = first.value;
  if (head.startsWith('{"format":"lectern-backup","formatVersion":1,')) return isWholeV1(path);
  if (!head.startsWith('{"format":"lectern-backup","formatVersion":2,') || !head.endsWith('"tables":{'))
    return false;
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
    } else if (table !== null && line.startsWith('{')) {
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

async function* readLines(path: string): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let rest = '';
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
      rest += decoder.decode(chunk as Buffer, { stream: true });
      const parts = rest.split('\n');
      rest = parts.pop() ?? '';
      yield* parts;
    }
    rest += decoder.decode();
  } catch {
    yield '\u0000not text';
    return;
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
}
