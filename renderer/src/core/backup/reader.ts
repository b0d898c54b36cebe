/**
 * Reading and verifying a backup fed in parts: the one entry point for a backup's text. It never
 * throws on the file's content and refuses anything that is not a complete, unchanged Lectern backup
 * (version 1 to 4; versions 3 and 4's text, once decompressed by `gzip.ts`), with messages that say what is wrong and where. Verified rows can be taken as
 * they come (to restore while reading); a caller that does so must drop them if the file is refused
 * later — e.g. by aborting the transaction they were written in.
 */
import type { Diagnostic } from '../pack/diagnostics';
import { CHECKSUM_ALGORITHM, createHasher, type Hasher } from './checksum';
import { columnsFromNames, decodeRow, type TableColumns } from './columns';
import { createJsonScanner, type JsonPosition, JsonScanError, type JsonScanner } from './json-scan';
import {
  createReviewCodecState,
  decodeReviewBlock,
  ReviewBlockError,
  type ReviewCodecState,
} from './review-blocks';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupOrigin } from './schema';
import { type BackupVersionSpec, versionSpec } from './versions';

/** At most this many row problems are listed; the rest are summed up. */
const MAX_ROW_ISSUES = 20;
/** Rows per batch handed to `takeRows`. */
const BATCH_ROWS = 2000;

/** Verified rows of one table, in file order. */
export interface RowBatch {
  /** The file's format version (1 or 2): version 1 rows need converting before they are stored. */
  version: number;
  table: string;
  rows: unknown[];
}

/** The outcome of reading a whole backup. */
export type BackupCheck =
  | {
      ok: true;
      origin: BackupOrigin;
      /** Rows per table, as in the file. */
      counts: Record<string, number>;
    }
  | { ok: false; issues: Diagnostic[] };

/** Reads one backup. */
export interface BackupReader {
  /** Feeds the next part of the text (split anywhere). */
  push(text: string): void;
  /** Declares the text complete. */
  end(): void;
  /** True once the file is known to be refused: no more rows come, and rows taken must be dropped. */
  readonly refused: boolean;
  /** Rows verified since the last call (only when created with `keepRows`). */
  takeRows(): RowBatch[];
  /** The verdict; call after `end()`. */
  result(): BackupCheck;
}

interface TableState {
  spec: BackupVersionSpec['tables'][string];
  /** Version 3: the columns its array rows follow (from the file's header). */
  columns: TableColumns | null;
  /** Version 4's review log: its elements are blocks of rows, read in order against this state. */
  blocks: ReviewCodecState | null;
  /** Elements read (rows, or blocks of rows). */
  elements: number;
  rows: number;
  hasher: Hasher;
  keys: Map<unknown, number>;
  batch: unknown[];
}

const NOTHING_RESTORED = 'Nothing was restored.';

/** Creates a reader. With `keepRows`, verified rows are kept for `takeRows`. */
export function createBackupReader(opts: { keepRows?: boolean } = {}): BackupReader {
  const keepRows = opts.keepRows ?? false;
  const issues: Diagnostic[] = [];
  let fatal = false;
  let ended = false;
  let rowIssues = 0;
  const header: Record<string, unknown> = {};
  let spec: BackupVersionSpec | null = null;
  const tables = new Map<string, TableState | null>();
  /** The table being read (null while reading one that is unknown or written twice). */
  let current: TableState | null = null;
  const ready: RowBatch[] = [];

  const stop = (message: string, place: Partial<Diagnostic> = {}): never => {
    issues.push({ message, ...place });
    throw new Stop();
  };
  const ours = () => header.format === BACKUP_FORMAT;

  const scanner: JsonScanner = createJsonScanner({
    member(key, value, at) {
      if (key in header) stop(`The backup's header names "${key}" twice: the file was edited.`, placeOf(at));
      header[key] = value;
      if (key === 'format' && value !== BACKUP_FORMAT) {
        if (value === 'lectern-pack')
          stop('This is a Lectern pack, not a backup: import it with File ▸ Import pack… instead.');
        stop('This is not a Lectern backup: its "format" field is not "lectern-backup".', {
          path: ['format'],
        });
      }
      if (key === 'formatVersion') {
        if (typeof value === 'number' && value > BACKUP_FORMAT_VERSION)
          stop(
            `This backup was written by a newer Lectern (backup format ${value}); this version reads formats 1 to ${BACKUP_FORMAT_VERSION}. Update Lectern to restore it.`,
            { path: ['formatVersion'] },
          );
        spec = versionSpec(value);
        if (!spec)
          stop(`The backup's header is damaged: "formatVersion" is ${JSON.stringify(value)}.`, {
            path: ['formatVersion'],
          });
      }
      if (key === 'checksumAlgorithm' && value !== CHECKSUM_ALGORITHM)
        stop(`The backup uses an unknown checksum (${JSON.stringify(value)}).`, {
          path: ['checksumAlgorithm'],
        });
    },
    tableStart(name, at) {
      if (!ours())
        stop('This is not a Lectern backup: it has tables but no "format": "lectern-backup" before them.');
      if (!spec) stop('The backup\'s header is damaged: "formatVersion" does not come before the tables.');
      const s = spec as BackupVersionSpec;
      const tableSpec = s.tables[name];
      current = null;
      if (tables.has(name)) {
        issues.push({
          message: `The ${name} table appears twice: the file was edited.`,
          path: ['tables', name],
          ...placeOf(at),
        });
        return;
      }
      if (!tableSpec) {
        issues.push({
          message: `Unknown table "${name}": the backup is not one this Lectern wrote.`,
          path: ['tables', name],
          ...placeOf(at),
        });
        tables.set(name, null);
        return;
      }
      const named = s.version >= 3 ? (header.columns as Record<string, unknown> | undefined)?.[name] : null;
      const columns =
        Array.isArray(named) && named.every((c) => typeof c === 'string')
          ? columnsFromNames(named as string[], tableSpec.schema)
          : null;
      const blocks = s.version >= 4 && name === 'reviews' ? createReviewCodecState() : null;
      current = {
        spec: tableSpec,
        columns,
        blocks,
        elements: 0,
        rows: 0,
        hasher: createHasher(),
        keys: new Map(),
        batch: [],
      };
      tables.set(name, current);
    },
    row(table, _index, written, text, at) {
      const t = current;
      if (!t) return;
      t.elements++;
      // The checksum covers each element's text exactly as written (JSON.stringify of the stored row
      // or block): a row re-spaced by an editor counts as changed.
      t.hasher.update(text);
      t.hasher.update('\n');
      if (!t.blocks) {
        checkRow(table, t, t.columns ? decodeRow(t.columns, written) : written, at);
        return;
      }
      let rows: unknown[] = [];
      try {
        rows = decodeReviewBlock(t.blocks, written);
      } catch (error) {
        if (!(error instanceof ReviewBlockError)) throw error;
        // Later blocks are coded against this one: nothing after it can be read.
        stop(`Invalid ${table} block ${t.elements} (after row ${thousands(t.rows)}): ${error.message}.`, {
          path: ['tables', table, t.elements - 1],
          ...placeOf(at),
        });
      }
      for (const row of rows) checkRow(table, t, row, at);
    },
    tableEnd(table) {
      if (current) flush(table, current);
      current = null;
    },
  });

  function checkRow(table: string, t: TableState, value: unknown, at: JsonPosition): void {
    const index = t.rows++;
    const parsed = t.spec.schema.safeParse(value);
    if (!parsed.success) {
      rowIssues++;
      if (rowIssues <= MAX_ROW_ISSUES) {
        const first = parsed.error.issues[0];
        const sub = first?.path.filter((p): p is string | number => typeof p !== 'symbol') ?? [];
        issues.push({
          message: `Invalid ${table} row ${index + 1}: ${first?.message ?? 'malformed'}.`,
          path: ['tables', table, index, ...sub],
          ...placeOf(at),
        });
      }
      return;
    }
    const key = t.spec.keyOf(value);
    const before = t.keys.get(key);
    if (before !== undefined) {
      issues.push({
        message: `Duplicate ${t.spec.keyName} ${JSON.stringify(key)} in ${table} (rows ${before + 1} and ${index + 1}).`,
        path: ['tables', table, index, t.spec.keyName],
        ...placeOf(at),
      });
      return;
    }
    t.keys.set(key, index);
    if (keepRows && issues.length === 0) {
      t.batch.push(value);
      if (t.batch.length >= BATCH_ROWS) flush(table, t);
    }
  }

  function flush(table: string, t: TableState): void {
    if (t.batch.length === 0) return;
    if (issues.length === 0)
      ready.push({ version: (spec as BackupVersionSpec).version, table, rows: t.batch });
    t.batch = [];
  }

  function handle(error: unknown): void {
    fatal = true;
    if (error instanceof Stop) return;
    if (!(error instanceof JsonScanError)) throw error;
    issues.push(describeScanFault(error, ours()));
  }

  function verifyEnd(): void {
    const s = spec as BackupVersionSpec | null;
    if (!ours() || !s) {
      issues.push(
        'format' in header
          ? {
              message: 'The backup\'s header is damaged: it has no "formatVersion".',
              path: ['formatVersion'],
            }
          : {
              message: 'This is not a Lectern backup: it has no "format": "lectern-backup" field.',
              path: ['format'],
            },
      );
      return;
    }
    const parsed = s.header.safeParse(header);
    if (!parsed.success) {
      for (const i of parsed.error.issues)
        issues.push({
          message: `The backup's header is damaged: ${i.message} (${i.path.join('.')}).`,
          path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
        });
      return;
    }
    const counts = header.counts as Record<string, number>;
    const checksums = header.checksums as Record<string, string>;
    for (const name of s.names) {
      const t = tables.get(name);
      // A table the version lets a file leave out (format 3's media) is missing only if counted.
      if (!tables.has(name) && s.optional?.includes(name) && !(name in counts)) continue;
      if (!t) {
        if (!tables.has(name))
          issues.push({
            message: `The ${name} table is missing: the backup is truncated or damaged.`,
            path: ['tables', name],
          });
        continue;
      }
      if (t.rows !== counts[name]) {
        issues.push({
          message: `The ${name} table has ${t.rows} rows but the backup says ${counts[name]}: the file is incomplete or was edited.`,
          path: ['tables', name],
        });
      } else if (t.hasher.digest() !== checksums[name]) {
        issues.push({
          message: `The ${name} table does not match its checksum: the file was changed or damaged after it was written.`,
          path: ['tables', name],
        });
      }
    }
    if (rowIssues > MAX_ROW_ISSUES)
      issues.push({ message: `… and ${rowIssues - MAX_ROW_ISSUES} more invalid rows.` });
  }

  return {
    push(text) {
      if (fatal || ended) return;
      try {
        scanner.push(text);
      } catch (error) {
        handle(error);
      }
    },
    end() {
      if (ended) return;
      ended = true;
      if (fatal) return;
      try {
        scanner.end();
      } catch (error) {
        handle(error);
        return;
      }
      verifyEnd();
    },
    get refused() {
      return fatal || issues.length > 0;
    },
    takeRows() {
      return issues.length > 0 ? [] : ready.splice(0);
    },
    result() {
      if (!ended) throw new Error('result() before end()');
      if (issues.length > 0) return { ok: false, issues: [...issues] };
      const counts = Object.fromEntries([...tables].map(([name, t]) => [name, t?.rows ?? 0]));
      const origin: BackupOrigin = {
        formatVersion: header.formatVersion as number,
        createdAt: header.createdAt as number,
        app: header.app as BackupOrigin['app'],
      };
      return { ok: true, origin, counts };
    },
  };
}

/** Thrown by a handler to stop reading once the file is refused. */
class Stop extends Error {}

function placeOf(at: JsonPosition): Pick<Diagnostic, 'line' | 'column'> {
  return { line: at.line, column: at.column };
}

/** 1,234,567 */
function thousands(n: number): string {
  return n.toLocaleString('en-US');
}

function describeScanFault(e: JsonScanError, ours: boolean): Diagnostic {
  const place = placeOf(e.at);
  const where =
    e.table !== null
      ? e.rowsRead === 0
        ? ` (in the ${e.table} table, before its first row)`
        : ` (in the ${e.table} table, after row ${thousands(e.rowsRead)})`
      : e.lastTable !== null
        ? ` (after the ${e.lastTable} table)`
        : '';
  const lineText = `line ${thousands(e.at.line)}`;
  switch (e.fault) {
    case 'empty':
      return { message: 'The file is empty: it is not a Lectern backup.' };
    case 'not-object':
      return { message: 'This is not a Lectern backup: the file is not a JSON object.', ...place };
    case 'truncated':
      return ours
        ? {
            message: `This Lectern backup is truncated: it ends at ${lineText}${where} before the data does — an interrupted copy or a full disk? ${NOTHING_RESTORED}`,
            ...place,
          }
        : { message: 'This is not a Lectern backup: the file is not JSON (it ends too early).', ...place };
    case 'too-large':
      return {
        message: `This backup holds a value far larger than any Lectern writes, at ${lineText}${where}: it is damaged or not ours. ${NOTHING_RESTORED}`,
        ...place,
      };
    case 'syntax':
      return ours
        ? {
            message: `This Lectern backup is damaged at ${lineText}, column ${thousands(e.at.column)}${where}: ${e.detail}. ${NOTHING_RESTORED}`,
            ...place,
          }
        : {
            message: `This is not a Lectern backup: the file is not JSON (${lineText}: ${e.detail}).`,
            ...place,
          };
  }
}

/** A whole backup read from one text: its verdict and, when accepted, its rows by table (as in the file). */
export type BackupText =
  | (Extract<BackupCheck, { ok: true }> & { tables: Record<string, unknown[]> })
  | Extract<BackupCheck, { ok: false }>;

/** Reads and verifies a whole backup given as one text (small files and tests; the app reads in parts). */
export function readBackupText(text: string): BackupText {
  const reader = createBackupReader({ keepRows: true });
  reader.push(text);
  reader.end();
  const result = reader.result();
  if (!result.ok) return result;
  const tables: Record<string, unknown[]> = {};
  for (const name of Object.keys(result.counts)) tables[name] = [];
  for (const batch of reader.takeRows()) (tables[batch.table] ?? []).push(...batch.rows);
  return { ...result, tables };
}
