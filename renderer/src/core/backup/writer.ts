/**
 * Writing backup files in parts: rows are stringified and hashed one at a time and handed on as text
 * pieces, and `createPartSplitter` cuts that text into parts of bounded length, so no string ever
 * holds the whole file (a million reviews are several hundred MB: more than one JS string can hold).
 * The text is format 4's (rows as arrays, see `columns.ts`; reviews in blocks of columns, see
 * `review-blocks.ts`) before it is compressed (`gzip.ts`).
 */
import { CHECKSUM_ALGORITHM, createHasher, type Hasher } from './checksum';
import { columnsOf, encodeRow, type TableColumns } from './columns';
import { BACKUP_MEDIA_TABLES, type BackupMediaTableName } from './media';
import {
  createReviewCodecState,
  encodeReviewBlock,
  REVIEW_BLOCK_ROWS,
  REVIEW_BLOCK_TEXT,
} from './review-blocks';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_ROW_SCHEMAS,
  BACKUP_TABLES,
  type BackupCounts,
  type BackupTableName,
  type BackupTables,
} from './schema';

/** The app name written into backups. */
export const BACKUP_APP_NAME = 'Lectern';

/** A table a backup can hold: one of `BACKUP_TABLES`, or (format 3) a media table. */
export type BackupWrittenTable = BackupTableName | BackupMediaTableName;

const OPTIONAL = new Set<string>(BACKUP_MEDIA_TABLES);

/**
 * The columns of each table written as arrays in format 3 (tables not listed keep object rows). The
 * media tables keep object rows: a few rows, each mostly its file's bytes, and a file without media
 * stays exactly what it was before backups carried media (its header names the same columns).
 */
export const BACKUP_COLUMNS: Partial<Record<BackupWrittenTable, TableColumns>> = Object.fromEntries(
  BACKUP_TABLES.flatMap((t) => {
    const columns = columnsOf(BACKUP_ROW_SCHEMAS[t]);
    return columns ? [[t, columns]] : [];
  }),
);

/** Writes one backup, table by table, rows in any number of calls. */
export interface BackupWriter {
  /**
   * Adds rows to `table`: the current table or a later one (tables in `BACKUP_TABLES` order, then
   * format 3's media tables, which are written only when given rows).
   */
  addRows(table: BackupWrittenTable, rows: readonly unknown[]): void;
  /**
   * Ends the file (tables of `BACKUP_TABLES` never fed are written empty) and returns the rows written
   * per table (a media table only when written).
   */
  finish(): BackupCounts & Partial<Record<BackupMediaTableName, number>>;
}

/**
 * Creates a writer that hands the file's text to `write` piece by piece: the header at once, then a
 * line per row (format 4: a line per block of reviews). `createdAt` is epoch ms. `formatVersion` 2 writes
 * every row as an object, as Lectern did before format 3, and 3 every review as an array (for tests and
 * tools that need such files); the app writes 4.
 */
export function createBackupWriter(
  meta: { createdAt: number; appVersion: string },
  write: (text: string) => void,
  opts: { formatVersion?: 2 | 3 | 4 } = {},
): BackupWriter {
  const version = opts.formatVersion ?? BACKUP_FORMAT_VERSION;
  // Format 4 writes the review log in blocks of columns (`review-blocks.ts`), the rest as format 3.
  const blocks = version >= 4;
  const columns: Partial<Record<BackupWrittenTable, TableColumns>> =
    version >= 3
      ? Object.fromEntries(Object.entries(BACKUP_COLUMNS).filter(([t]) => !blocks || t !== 'reviews'))
      : {};
  const codec = createReviewCodecState();
  /** Format 4: reviews waiting to fill a block. */
  let pendingReviews: unknown[] = [];
  const names: readonly BackupWrittenTable[] =
    version >= 3 ? [...BACKUP_TABLES, ...BACKUP_MEDIA_TABLES] : BACKUP_TABLES;
  const counts = Object.fromEntries(names.map((t) => [t, 0])) as Record<BackupWrittenTable, number>;
  /** Elements written per table: rows, or format 4's review blocks. */
  const elements = Object.fromEntries(names.map((t) => [t, 0])) as Record<BackupWrittenTable, number>;
  const hashers = Object.fromEntries(names.map((t) => [t, createHasher()])) as Record<
    BackupWrittenTable,
    Hasher
  >;
  /** The tables opened in the file, in order. */
  const written: BackupWrittenTable[] = [];
  let current = -1;
  let isOpen = false;
  let finished = false;
  const head = {
    format: BACKUP_FORMAT,
    formatVersion: version,
    createdAt: meta.createdAt,
    app: { name: BACKUP_APP_NAME, version: meta.appVersion },
    checksumAlgorithm: CHECKSUM_ALGORITHM,
    ...(version >= 3
      ? { columns: Object.fromEntries(Object.entries(columns).map(([t, c]) => [t, c.names])) }
      : {}),
  };
  write(`${JSON.stringify(head).slice(0, -1)},"tables":{`);

  function open(index: number): void {
    const name = names[index] as BackupWrittenTable;
    write(`${written.length > 0 ? ',' : ''}\n${JSON.stringify(name)}:[`);
    written.push(name);
    isOpen = true;
  }

  function writeElement(table: BackupWrittenTable, json: string): void {
    const hasher = hashers[table];
    hasher.update(json);
    hasher.update('\n');
    write(elements[table] === 0 ? `\n${json}` : `,\n${json}`);
    elements[table]++;
  }

  /**
   * Format 4: writes the waiting reviews as blocks (all of them, or only whole blocks). A block ends
   * at `REVIEW_BLOCK_ROWS` rows or once its answers' text passes `REVIEW_BLOCK_TEXT`, so no block
   * comes near the largest element a reader takes.
   */
  function writeBlocks(all: boolean): void {
    let from = 0;
    let text = 0;
    for (let i = 0; i < pendingReviews.length; i++) {
      const r = pendingReviews[i] as { response?: unknown };
      text += (typeof r.response === 'string' ? r.response.length : 0) + 64;
      if (i + 1 - from >= REVIEW_BLOCK_ROWS || text >= REVIEW_BLOCK_TEXT) {
        writeElement('reviews', JSON.stringify(encodeReviewBlock(codec, pendingReviews.slice(from, i + 1))));
        from = i + 1;
        text = 0;
      }
    }
    if (all && from < pendingReviews.length) {
      writeElement('reviews', JSON.stringify(encodeReviewBlock(codec, pendingReviews.slice(from))));
      from = pendingReviews.length;
    }
    pendingReviews = from === 0 ? pendingReviews : pendingReviews.slice(from);
  }

  /** Closes tables up to (not including) `index` and opens the ones in between (a media table only when fed). */
  function moveTo(index: number): void {
    while (current < index) {
      if (blocks && names[current] === 'reviews') writeBlocks(true);
      if (isOpen) write('\n]');
      isOpen = false;
      current++;
      if (current < names.length && !OPTIONAL.has(names[current] as string)) open(current);
    }
  }

  return {
    addRows(table, rows) {
      if (finished) throw new Error('the backup is already finished');
      const index = names.indexOf(table);
      if (index < 0) throw new Error(`backup format ${version} has no ${table} table`);
      if (index < current)
        throw new Error(`backup tables must be written in order: ${table} came after ${names[current]}`);
      moveTo(index);
      if (!isOpen) {
        if (rows.length === 0) return;
        open(index);
      }
      counts[table] += rows.length;
      if (blocks && table === 'reviews') {
        for (const row of rows) pendingReviews.push(row);
        writeBlocks(false);
        return;
      }
      const tableColumns = columns[table];
      for (const row of rows)
        writeElement(table, JSON.stringify(tableColumns ? encodeRow(tableColumns, row) : row));
    },
    finish() {
      if (finished) throw new Error('the backup is already finished');
      finished = true;
      moveTo(names.length);
      const writtenCounts = Object.fromEntries(written.map((t) => [t, counts[t]]));
      const checksums = Object.fromEntries(written.map((t) => [t, hashers[t].digest()]));
      write(`},\n"counts":${JSON.stringify(writtenCounts)},\n"checksums":${JSON.stringify(checksums)}}\n`);
      return writtenCounts as BackupCounts & Partial<Record<BackupMediaTableName, number>>;
    },
  };
}

/** Cuts text into parts of at most `maxChars` characters. */
export interface PartSplitter {
  /** Adds text; completed parts are handed to `emit`. */
  write(text: string): void;
  /** Hands on what is left as a last (shorter) part. */
  flush(): void;
}

/**
 * Creates a splitter: every part but the last is `maxChars` long (one less where the cut would split a
 * UTF-16 surrogate pair, so each part is valid text on its own). `maxChars` must be at least 2.
 */
export function createPartSplitter(maxChars: number, emit: (part: string) => void): PartSplitter {
  if (!(maxChars >= 2)) throw new Error('parts must hold at least 2 characters');
  let pending: string[] = [];
  let length = 0;

  function drain(all: boolean): void {
    const text = pending.length === 1 ? (pending[0] as string) : pending.join('');
    let at = 0;
    while (text.length - at >= maxChars || (all && at < text.length)) {
      let end = Math.min(at + maxChars, text.length);
      const last = text.charCodeAt(end - 1);
      if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
      emit(text.slice(at, end));
      at = end;
    }
    const rest = text.slice(at);
    pending = rest ? [rest] : [];
    length = rest.length;
  }

  return {
    write(text) {
      if (!text) return;
      pending.push(text);
      length += text.length;
      if (length >= maxChars) drain(false);
    },
    flush() {
      if (length > 0) drain(true);
    },
  };
}

/** Writes a backup of whole tables as one text (tests and small data; the app writes in parts). */
export function serializeBackup(
  tables: BackupTables & Partial<Record<BackupMediaTableName, unknown[]>>,
  meta: { createdAt: number; appVersion: string },
  opts: { formatVersion?: 2 | 3 | 4 } = {},
): string {
  const out: string[] = [];
  const writer = createBackupWriter(meta, (t) => out.push(t), opts);
  for (const table of BACKUP_TABLES) writer.addRows(table, tables[table]);
  if ((opts.formatVersion ?? BACKUP_FORMAT_VERSION) >= 3)
    for (const table of BACKUP_MEDIA_TABLES) writer.addRows(table, tables[table] ?? []);
  writer.finish();
  return out.join('');
}
