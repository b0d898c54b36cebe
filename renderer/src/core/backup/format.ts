/**
 * Writing and reading backup files. `parseBackup` is the one entry point for a backup's text: it never
 * throws and refuses anything that is not a complete, unchanged Lectern backup, with messages a
 * student can act on. Rows are stringified and hashed one at a time (no second copy of the whole file).
 */
import type { Diagnostic } from '../pack/diagnostics';
import { CHECKSUM_ALGORITHM, createHasher } from './checksum';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_PRIMARY_KEYS,
  BACKUP_ROW_SCHEMAS,
  BACKUP_TABLES,
  type Backup,
  type BackupCounts,
  type BackupTableName,
  type BackupTables,
  backupHeaderSchema,
} from './schema';

/** The app name written into backups. */
export const BACKUP_APP_NAME = 'Lectern';
/** At most this many row problems are listed; the rest are summed up. */
const MAX_ROW_ISSUES = 20;

/** The outcome of `parseBackup`. */
export type BackupResult =
  | { ok: true; backup: Backup; counts: BackupCounts }
  | { ok: false; issues: Diagnostic[] };

/**
 * Writes a backup table by table, rows in chunks, so a caller reading a large table in chunks never
 * holds all its row objects at once. Tables must be written in `BACKUP_TABLES` order; a table may be
 * fed in several calls.
 */
export interface BackupWriter {
  /** Adds rows to `table` (the current table, or the next one in order). */
  addRows(table: BackupTableName, rows: readonly unknown[]): void;
  /** The file's text. Tables never fed are written empty. */
  finish(): string;
}

/** Creates a backup writer. `createdAt` is epoch ms. */
export function createBackupWriter(meta: { createdAt: number; appVersion: string }): BackupWriter {
  const counts = Object.fromEntries(BACKUP_TABLES.map((t) => [t, 0])) as BackupCounts;
  const hashers = Object.fromEntries(BACKUP_TABLES.map((t) => [t, createHasher()])) as Record<
    BackupTableName,
    ReturnType<typeof createHasher>
  >;
  const parts = Object.fromEntries(BACKUP_TABLES.map((t) => [t, [] as string[]])) as Record<
    BackupTableName,
    string[]
  >;
  let current = 0;
  return {
    addRows(table, rows) {
      const index = BACKUP_TABLES.indexOf(table);
      if (index < current)
        throw new Error(
          `backup tables must be written in order: ${table} came after ${BACKUP_TABLES[current]}`,
        );
      current = index;
      const hasher = hashers[table];
      const out = parts[table];
      for (const row of rows) {
        const json = JSON.stringify(row);
        hasher.update(json);
        hasher.update('\n');
        out.push(json);
      }
      counts[table] += rows.length;
    },
    finish() {
      const checksums = Object.fromEntries(BACKUP_TABLES.map((t) => [t, hashers[t].digest()]));
      const header = {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        createdAt: meta.createdAt,
        app: { name: BACKUP_APP_NAME, version: meta.appVersion },
        counts,
        checksumAlgorithm: CHECKSUM_ALGORITHM,
        checksums,
      };
      const head = JSON.stringify(header, null, 1).slice(0, -2); // without the closing "\n}"
      const bodies = BACKUP_TABLES.map((t) => `${JSON.stringify(t)}:[\n${parts[t].join(',\n')}\n]`);
      return `${head},\n"tables":{\n${bodies.join(',\n')}\n}}\n`;
    },
  };
}

/** Writes a backup file's text from whole tables. `createdAt` is epoch ms; rows are written as given. */
export function serializeBackup(
  tables: BackupTables,
  meta: { createdAt: number; appVersion: string },
): string {
  const writer = createBackupWriter(meta);
  for (const table of BACKUP_TABLES) writer.addRows(table, tables[table]);
  return writer.finish();
}

/**
 * Reads and verifies a backup file: JSON, ours, a version we read, every table complete (row counts),
 * unchanged (checksums), every row well-formed, no duplicate keys. Never throws.
 */
export function parseBackup(text: string): BackupResult {
  const fail = (message: string, path?: (string | number)[]): BackupResult => ({
    ok: false,
    issues: [path ? { message, path } : { message }],
  });
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (source.trim() === '') return fail('The file is empty: it is not a Lectern backup.');
  const looksOurs = /^\s*\{\s*"format"\s*:\s*"lectern-backup"/.test(source);
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    if (!looksOurs) return fail('This is not a Lectern backup: the file is not JSON.');
    // V8 says "Unexpected end of JSON input" or names a position: at the very end means cut short.
    const message = String(error);
    const position = /position (\d+)/.exec(message);
    const truncated =
      /end of (JSON|data)/i.test(message) ||
      (position !== null && Number(position[1]) >= source.trimEnd().length);
    return fail(
      truncated
        ? 'This Lectern backup is truncated: the file ends before the data does (an interrupted copy or a full disk?). Nothing was restored.'
        : 'This Lectern backup is damaged: it is no longer valid JSON. Nothing was restored.',
    );
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return fail('This is not a Lectern backup: it does not hold a backup object.');
  }
  const record = data as Record<string, unknown>;
  if (record.format !== BACKUP_FORMAT) {
    if (record.format === 'lectern-pack') {
      return fail('This is a Lectern pack, not a backup: import it with File ▸ Import pack… instead.');
    }
    return fail('This is not a Lectern backup: its "format" field is not "lectern-backup".', ['format']);
  }
  if (typeof record.formatVersion === 'number' && record.formatVersion > BACKUP_FORMAT_VERSION) {
    return fail(
      `This backup was written by a newer Lectern (backup format ${record.formatVersion}); this version reads format ${BACKUP_FORMAT_VERSION}. Update Lectern to restore it.`,
      ['formatVersion'],
    );
  }
  const header = backupHeaderSchema.safeParse(record);
  if (!header.success) {
    return {
      ok: false,
      issues: header.error.issues.map((i) => ({
        message: `The backup's header is damaged: ${i.message}.`,
        path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
      })),
    };
  }
  if (header.data.checksumAlgorithm !== CHECKSUM_ALGORITHM) {
    return fail(`The backup uses an unknown checksum ("${header.data.checksumAlgorithm}").`, [
      'checksumAlgorithm',
    ]);
  }
  const tablesValue = record.tables;
  if (typeof tablesValue !== 'object' || tablesValue === null || Array.isArray(tablesValue)) {
    return fail('The backup has no tables: it is truncated or damaged.', ['tables']);
  }
  const rawTables = tablesValue as Record<string, unknown>;
  const issues: Diagnostic[] = [];
  for (const name of Object.keys(rawTables)) {
    if (!(BACKUP_TABLES as readonly string[]).includes(name)) {
      issues.push({
        message: `Unknown table "${name}": the backup is not one this Lectern wrote.`,
        path: ['tables', name],
      });
    }
  }
  let rowIssues = 0;
  const tables = {} as Record<BackupTableName, unknown[]>;
  for (const table of BACKUP_TABLES) {
    const rows = rawTables[table];
    if (!Array.isArray(rows)) {
      issues.push({
        message: `The ${table} table is missing: the backup is truncated or damaged.`,
        path: ['tables', table],
      });
      continue;
    }
    const expected = header.data.counts[table];
    if (rows.length !== expected) {
      issues.push({
        message: `The ${table} table has ${rows.length} rows but the backup says ${expected}: the file is incomplete or was edited.`,
        path: ['tables', table],
      });
      continue;
    }
    const hasher = createHasher();
    for (const row of rows) {
      hasher.update(JSON.stringify(row));
      hasher.update('\n');
    }
    if (hasher.digest() !== header.data.checksums[table]) {
      issues.push({
        message: `The ${table} table does not match its checksum: the file was changed or damaged after it was written.`,
        path: ['tables', table],
      });
      continue;
    }
    const schema = BACKUP_ROW_SCHEMAS[table];
    const keyField = BACKUP_PRIMARY_KEYS[table];
    const seen = new Map<unknown, number>();
    for (let i = 0; i < rows.length; i++) {
      const result = schema.safeParse(rows[i]);
      if (!result.success) {
        rowIssues++;
        if (rowIssues <= MAX_ROW_ISSUES) {
          const first = result.error.issues[0];
          const sub = first?.path.filter((p): p is string | number => typeof p !== 'symbol') ?? [];
          issues.push({
            message: `Invalid ${table} row: ${first?.message ?? 'malformed'}.`,
            path: ['tables', table, i, ...sub],
          });
        }
        continue;
      }
      const key = (rows[i] as Record<string, unknown>)[keyField];
      const before = seen.get(key);
      if (before !== undefined) {
        issues.push({
          message: `Duplicate ${keyField} ${JSON.stringify(key)} in ${table} (rows ${before} and ${i}).`,
          path: ['tables', table, i, keyField],
        });
      } else seen.set(key, i);
    }
    tables[table] = rows;
  }
  if (rowIssues > MAX_ROW_ISSUES)
    issues.push({ message: `… and ${rowIssues - MAX_ROW_ISSUES} more invalid rows.` });
  if (issues.length > 0) return { ok: false, issues };
  const backup: Backup = { ...header.data, tables: tables as unknown as BackupTables };
  return { ok: true, backup, counts: { ...header.data.counts } };
}
