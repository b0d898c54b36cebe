/**
 * The record beside the database (`database-record.json` in the user-data folder, outside IndexedDB):
 * main only stores it, checked and atomically (temporary file, then rename); the renderer decides
 * what it means. Main reads it itself for one thing: the automatic backup it names is never pruned.
 */
import { randomUUID } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import {
  AUTO_BACKUP_NAME,
  type DatabaseCounts,
  type DatabaseRecord,
  type DatabaseRecordInput,
} from './contract';
import { HandlerError, type HandlerRegistry } from './handle';

/** The record's file name in the user-data folder. */
export const DATABASE_RECORD_FILE = 'database-record.json';
const COUNT_KEYS: readonly (keyof DatabaseCounts)[] = [
  'packs',
  'questions',
  'cards',
  'reviews',
  'reading',
  'settings',
  'selftests',
];
const ID = /^[A-Za-z0-9-]{1,64}$/;

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

/** The input as a record's fields, or a message saying what is wrong with it. */
export function checkRecordInput(input: unknown): DatabaseRecordInput | string {
  const r = input as Partial<Record<keyof DatabaseRecordInput, unknown>> | null;
  if (!r || typeof r !== 'object') return 'the database record must be an object';
  if (typeof r.databaseId !== 'string' || !ID.test(r.databaseId))
    return 'the database id must be 1–64 letters, digits or "-"';
  const counts = r.counts as Record<string, unknown> | null;
  if (!counts || typeof counts !== 'object' || !COUNT_KEYS.every((k) => isCount(counts[k])))
    return `the counts must be whole numbers ≥ 0 for ${COUNT_KEYS.join(', ')}`;
  const last = r.lastGoodBackup;
  if (last !== null && (typeof last !== 'string' || !AUTO_BACKUP_NAME.test(last)))
    return 'the last good backup must be an automatic backup file name or null';
  return {
    databaseId: r.databaseId,
    counts: Object.fromEntries(COUNT_KEYS.map((k) => [k, counts[k]])) as unknown as DatabaseCounts,
    lastGoodBackup: last,
  };
}

/** The record stored at `file`, or null if there is none or it is not one (a damaged file counts as none). */
export async function readDatabaseRecord(file: string): Promise<DatabaseRecord | null> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return null;
  }
  const checked = checkRecordInput(data);
  const extra = data as { generation?: unknown; writtenAt?: unknown };
  if (typeof checked === 'string' || !isCount(extra.generation) || typeof extra.writtenAt !== 'number')
    return null;
  return { ...checked, generation: extra.generation, writtenAt: extra.writtenAt };
}

/** Replaces the record at `file` (temporary file, then rename): the generation is the stored one + 1. */
export async function writeDatabaseRecord(
  file: string,
  input: DatabaseRecordInput,
  now: number,
): Promise<DatabaseRecord> {
  const before = await readDatabaseRecord(file);
  const record: DatabaseRecord = { ...input, generation: (before?.generation ?? 0) + 1, writtenAt: now };
  const temp = join(dirname(file), `.${basename(file)}.${randomUUID().slice(0, 8)}.tmp`);
  try {
    await writeFile(temp, `${JSON.stringify(record)}\n`, { flush: true });
    await rename(temp, file);
  } catch (err) {
    await rm(temp, { force: true });
    throw new HandlerError('io', `could not write ${file}: ${(err as NodeJS.ErrnoException).code ?? err}`);
  }
  return record;
}

/** The automatic backup the record names as the last good one (pruning keeps it), or null. */
export async function pinnedBackup(file: string): Promise<string | null> {
  return (await readDatabaseRecord(file))?.lastGoodBackup ?? null;
}

/** Registers `db:record-read` and `db:record-write` for the record at `file()`. */
export function registerDatabaseRecordHandlers(
  { handle }: HandlerRegistry,
  file: () => string,
  clock: () => number = Date.now,
): void {
  // One write at a time: each reads the generation the one before it wrote.
  let queue: Promise<unknown> = Promise.resolve();
  handle('db:record-read', () => readDatabaseRecord(file()));
  handle('db:record-write', (_e, input) => {
    const checked = checkRecordInput(input);
    if (typeof checked === 'string') throw new HandlerError('bad-request', checked);
    const next = queue.then(() => writeDatabaseRecord(file(), checked, clock()));
    queue = next.catch(() => {});
    return next;
  });
}
