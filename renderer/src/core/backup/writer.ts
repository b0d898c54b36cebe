/**
 * Writing backup files in parts: rows are stringified and hashed one at a time and handed on as text
 * pieces, and `createPartSplitter` cuts that text into parts of bounded length, so no string ever
 * holds the whole file (a million reviews are several hundred MB: more than one JS string can hold).
 * The text is format 4's (rows as arrays, see `columns.ts`; reviews in blocks of columns, see
 * `review-blocks.ts`) before it is compressed (`gzip.ts`).
 */
import { CHECKSUM_ALGORITHM, createHasher, type Hasher } from './checksum';
import { columnsOf, encodeRow, type TableColumns } from './columns';
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

/** The columns of each table written as arrays in format 3 (tables not listed keep object rows). */
export const BACKUP_COLUMNS: Partial<Record<BackupTableName, TableColumns>> = Object.fromEntries(
  BACKUP_TABLES.flatMap((t) => {
    const columns = columnsOf(BACKUP_ROW_SCHEMAS[t]);
    return columns ? [[t, columns]] : [];
  }),
);

/** Writes one backup, table by table, rows in any number of calls. */
export interface BackupWriter {
  /** Adds rows to `table`: the current table or a later one (tables in `BACKUP_TABLES` order). */
  addRows(table: BackupTableName, rows: readonly unknown[]): void;
  /** Ends the file (tables never fed are written empty) and returns the rows written per table. */
  finish(): BackupCounts;
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
  const columns: Partial<Record<BackupTableName, TableColumns>> =
    version >= 3
      ? Object.fromEntries(Object.entries(BACKUP_COLUMNS).filter(([t]) => !blocks || t !== 'reviews'))
      : {};
  const codec = createReviewCodecState();
  /** Format 4: reviews waiting to fill a block. */
  let pendingReviews: unknown[] = [];
  let elements = 0;
  const counts = Object.fromEntries(BACKUP_TABLES.map((t) => [t, 0])) as BackupCounts;
  const hashers = Object.fromEntries(BACKUP_TABLES.map((t) => [t, createHasher()])) as Record<
    BackupTableName,
    Hasher
  >;
  let current = -1;
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

  function writeElement(table: BackupTableName, json: string): void {
    const hasher = hashers[table];
    hasher.update(json);
    hasher.update('\n');
    write(elements === 0 ? `\n${json}` : `,\n${json}`);
    elements++;
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

  /** Closes tables up to (not including) `index` and opens the ones in between, empty. */
  function moveTo(index: number): void {
    while (current < index) {
      if (blocks && BACKUP_TABLES[current] === 'reviews') writeBlocks(true);
      elements = 0;
      if (current >= 0) write('\n]');
      current++;
      if (current < BACKUP_TABLES.length)
        write(`${current > 0 ? ',' : ''}\n${JSON.stringify(BACKUP_TABLES[current])}:[`);
    }
  }

  return {
    addRows(table, rows) {
      if (finished) throw new Error('the backup is already finished');
      const index = BACKUP_TABLES.indexOf(table);
      if (index < current)
        throw new Error(
          `backup tables must be written in order: ${table} came after ${BACKUP_TABLES[current]}`,
        );
      moveTo(index);
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
      moveTo(BACKUP_TABLES.length);
      const checksums = Object.fromEntries(BACKUP_TABLES.map((t) => [t, hashers[t].digest()]));
      write(`},\n"counts":${JSON.stringify(counts)},\n"checksums":${JSON.stringify(checksums)}}\n`);
      return { ...counts };
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
  tables: BackupTables,
  meta: { createdAt: number; appVersion: string },
  opts: { formatVersion?: 2 | 3 | 4 } = {},
): string {
  const out: string[] = [];
  const writer = createBackupWriter(meta, (t) => out.push(t), opts);
  for (const table of BACKUP_TABLES) writer.addRows(table, tables[table]);
  writer.finish();
  return out.join('');
}
