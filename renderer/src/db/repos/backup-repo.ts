/**
 * Backups of everything the user has. Export writes the file in bounded parts (a million reviews are
 * more text than one JS string can hold); restore reads it in parts, verifies every row as it comes,
 * and replaces every table in ONE read-write transaction: a file refused at its last byte, a source
 * that fails, or a write that fails aborts it, and the database is exactly as before.
 */
import { Dexie, type Table } from 'dexie';
import {
  BACKUP_MEDIA_TABLES,
  BACKUP_TABLES,
  type BackupMediaFileRow,
  type BackupMediaTableName,
  type BackupOrigin,
  type BackupSummary,
  type BackupTableName,
  base64OfBytes,
  bytesOfBase64,
  createBackupReader,
  createBackupWriter,
  createPartSplitter,
} from '../../core/backup';
import type { Diagnostic } from '../../core/pack/diagnostics';
import {
  createLegacyReviewConverter,
  type LegacyReviewConverter,
  type LegacyReviewWithPrev,
} from '../../core/revlog/legacy';
import type { LecternDb } from '../schema/database';
import type { MediaFileRow, PackMediaRow } from '../schema/media-rows';
import type { CardRow, PackRow, QuestionChunkRow } from '../schema/rows';
import { createV1Converter, type V1Converter } from '../schema/upgrades/backup-v1';
import { countReviews, nextReviews, reviewsEnd } from './revlog-repo';

/** Characters per part handed to `write` by `exportBackup` (the last part may be shorter). */
export const BACKUP_PART_CHARS = 1 << 20;
/** Review rows read per (short) transaction while exporting. */
const REVIEWS_PER_READ = 5000;
/** Question chunk records read per request while exporting (each holds up to 100 questions). */
const CHUNKS_PER_READ = 50;
/** Rows per bulkAdd while restoring. */
const ROWS_PER_WRITE = 2000;
/** Media files read (and written into the backup) per short transaction while exporting. */
const MEDIA_FILES_PER_READ = 16;

/** Supplies a backup's text part by part: the next part, or null at the end. */
export type TextSource = () => Promise<string | null>;

/** A verified backup: who wrote it, and what it holds once stored. */
export type BackupVerdict =
  | { ok: true; origin: BackupOrigin; summary: BackupSummary }
  | { ok: false; issues: Diagnostic[] };

/** Progress of an export: rows written so far of all rows. */
export type ExportProgress = (done: number, total: number) => void;

function tableOf(db: LecternDb, name: BackupTableName | BackupMediaTableName): Table<unknown, unknown> {
  // The backup's `reviews` are the database's `revlog` since schema 5.
  return (name === 'reviews' ? db.revlog : db[name]) as Table<unknown, unknown>;
}

/**
 * Every table a backup holds and a restore replaces: the rows, then the packs' media, and the review
 * log's older days (the backup's `reviews` are the log's rows and its days, read as one).
 */
function tablesOf(db: LecternDb) {
  return [...[...BACKUP_TABLES, ...BACKUP_MEDIA_TABLES].map((t) => tableOf(db, t)), db.revlogDays];
}

/** A stored media file as its backup row (its Blob's bytes as base64). */
async function backupRowOf(file: MediaFileRow): Promise<BackupMediaFileRow> {
  const bytes = new Uint8Array(await file.blob.arrayBuffer());
  return {
    hash: file.hash,
    type: file.type as BackupMediaFileRow['type'],
    size: file.size,
    data: base64OfBytes(bytes),
  };
}

/** A backup's media file row as the database stores it. */
function storedRowOf(row: BackupMediaFileRow): MediaFileRow {
  const bytes = bytesOfBase64(row.data);
  return {
    hash: row.hash,
    type: row.type,
    size: row.size,
    blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: row.type }),
  };
}

/** A card row without the index fields the database derives on every write. */
function logicalCard(card: CardRow): Omit<CardRow, 'dueKey' | 'startedOrder'> {
  const { dueKey: _d, startedOrder: _s, ...rest } = card;
  return rest;
}

/**
 * Writes a backup of every table, handing it to `write` in parts of at most `partChars` characters
 * (awaited one at a time). Everything but the review log is read in one short snapshot; the review
 * log — append-only, by far the largest — is then read in short transactions up to the last review
 * of that snapshot, so the student can go on answering while a large backup is written. `now` is the
 * backup's creation time.
 */
export async function exportBackup(
  db: LecternDb,
  meta: { now: number; appVersion: string },
  write: (part: string) => Promise<void>,
  opts: { partChars?: number; onProgress?: ExportProgress } = {},
): Promise<BackupSummary> {
  const parts: string[] = [];
  const splitter = createPartSplitter(opts.partChars ?? BACKUP_PART_CHARS, (p) => parts.push(p));
  const writer = createBackupWriter({ createdAt: meta.now, appVersion: meta.appVersion }, (t) =>
    splitter.write(t),
  );
  const send = async () => {
    for (let p = parts.shift(); p !== undefined; p = parts.shift()) await write(p);
  };
  let done = 0;
  const snapshot = await db.transaction('r', tablesOf(db), async () => {
    const reviews = await countReviews(db);
    const reviewsBefore = await reviewsEnd(db);
    const packs = await db.packs.toArray();
    writer.addRows('packs', packs);
    let chunkRecords = 0;
    let after: [string, number] | null = null;
    for (;;) {
      const from = after;
      const batch: QuestionChunkRow[] = await (from
        ? db.questionChunks.where(':id').above(from)
        : db.questionChunks.toCollection()
      )
        .limit(CHUNKS_PER_READ)
        .toArray();
      writer.addRows('questionChunks', batch);
      chunkRecords += batch.length;
      const last = batch[batch.length - 1];
      if (!last || batch.length < CHUNKS_PER_READ) break;
      after = [last.packId, last.chunk];
    }
    const cards = (await db.cards.toArray()).map(logicalCard);
    writer.addRows('cards', cards);
    const reading = await db.reading.toArray();
    writer.addRows('reading', reading);
    const settings = await db.settings.toArray();
    writer.addRows('settings', settings);
    const selftests = await db.selftests.toArray();
    writer.addRows('selftests', selftests);
    // The packs' media are written after the review log; what the snapshot names is what goes in.
    const packMedia = await db.packMedia.toArray();
    const mediaHashes = (await db.mediaFiles.toCollection().primaryKeys()) as string[];
    done = packs.length + chunkRecords + cards.length + reading.length + settings.length + selftests.length;
    return {
      reviewsBefore,
      packMedia,
      mediaHashes,
      total: done + reviews + mediaHashes.length + packMedia.length,
      summary: {
        packs: packs.length,
        questions: packs.reduce((n, p) => n + p.questionCount, 0),
        cards: cards.length,
        reviews: 0,
        reading: reading.length,
        settings: settings.length,
        selftests: selftests.length,
      },
    };
  });
  const { reviewsBefore, summary, packMedia, mediaHashes } = snapshot;
  let total = snapshot.total;
  opts.onProgress?.(done, total);
  await send();
  // Each read is its own short transaction, a page of rows or a stored day (`nextReviews`).
  const read = (after: string) => nextReviews(db, after, reviewsBefore ?? '', REVIEWS_PER_READ);
  let next = reviewsBefore !== null ? read('') : null;
  while (next) {
    const rows = await next;
    const last = rows[rows.length - 1];
    if (last === undefined) {
      // Reviews undone while the backup is written leave the count: the total follows what is read.
      total = done + mediaHashes.length + packMedia.length;
      break;
    }
    // The next read runs in the browser's IndexedDB while these rows are written and compressed.
    next = read(last.id);
    next.catch(() => {}); // a failed read rejects when it is awaited
    writer.addRows('reviews', rows);
    summary.reviews += rows.length;
    done += rows.length;
    opts.onProgress?.(done, Math.max(total, done));
    await send();
  }
  await exportMedia(db, writer, packMedia, mediaHashes, async (n) => {
    done += n;
    opts.onProgress?.(done, Math.max(total, done));
    await send();
  });
  writer.finish();
  splitter.flush();
  await send();
  opts.onProgress?.(done, done);
  return summary;
}

/**
 * Writes the media files named in the snapshot, a few per short transaction (a file's bytes are read
 * and encoded outside it), then the packs' names for those that were still there: a file removed
 * with its pack meanwhile leaves out its names too.
 */
async function exportMedia(
  db: LecternDb,
  writer: ReturnType<typeof createBackupWriter>,
  packMedia: readonly PackMediaRow[],
  hashes: readonly string[],
  wrote: (rows: number) => Promise<void>,
): Promise<void> {
  const present = new Set<string>();
  for (let i = 0; i < hashes.length; i += MEDIA_FILES_PER_READ) {
    const files = await db.mediaFiles.bulkGet(hashes.slice(i, i + MEDIA_FILES_PER_READ));
    const rows: BackupMediaFileRow[] = [];
    for (const file of files) {
      if (!file) continue;
      rows.push(await backupRowOf(file));
      present.add(file.hash);
    }
    writer.addRows('mediaFiles', rows);
    await wrote(rows.length);
  }
  const named = packMedia.filter((r) => present.has(r.hash));
  writer.addRows('packMedia', named);
  await wrote(named.length);
}

/** Verified rows of one table, ready to store (the packs' media included). */
interface RestoreRows {
  table: BackupTableName | BackupMediaTableName;
  rows: unknown[];
}

/** A backup read part by part: verification, conversion of version 1 rows, and what it holds. */
function createRestoreRun() {
  const reader = createBackupReader({ keepRows: true });
  let converter: V1Converter | null = null;
  let legacy: LegacyReviewConverter | null = null;
  const summary: BackupSummary = {
    packs: 0,
    questions: 0,
    cards: 0,
    reviews: 0,
    reading: 0,
    settings: 0,
    selftests: 0,
  };
  const count = (batches: RestoreRows[]): RestoreRows[] => {
    for (const { table, rows } of batches) {
      if (table === 'packs') {
        summary.packs += rows.length;
        for (const p of rows as PackRow[]) summary.questions += p.questionCount;
      } else if (table !== 'questionChunks' && table in summary)
        summary[table as keyof BackupSummary] += rows.length;
    }
    return batches;
  };
  return {
    reader,
    summary,
    /** Verified rows ready to store, in today's shape. */
    take(): RestoreRows[] {
      const out: RestoreRows[] = [];
      for (const batch of reader.takeRows()) {
        let rows = batch.rows;
        // Formats 1 and 2 keep the card before each answer: their reviews become compact rows.
        if (batch.version < 3) {
          legacy ??= createLegacyReviewConverter();
          if (batch.table === 'cards') legacy.noteCards(rows as CardRow[]);
          if (batch.table === 'reviews') rows = legacy.add(rows as LegacyReviewWithPrev[]);
        }
        if (batch.version === 1) {
          converter ??= createV1Converter();
          out.push(...converter.add(batch.table, rows));
        } else if (batch.table === 'mediaFiles')
          out.push({ table: 'mediaFiles', rows: (rows as BackupMediaFileRow[]).map(storedRowOf) });
        else out.push({ table: batch.table as BackupTableName, rows });
      }
      return count(out);
    },
    /** Rows that needed the whole file (version 1 only). */
    finish(): RestoreRows[] {
      const rest: RestoreRows[] = converter?.finish() ?? [];
      if (legacy) {
        for (const { table, rows } of rest) if (table === 'cards') legacy.noteCards(rows as CardRow[]);
        rest.push({ table: 'reviews', rows: legacy.finish() });
      }
      return count(rest);
    },
  };
}

function verdictOf(run: ReturnType<typeof createRestoreRun>): BackupVerdict {
  const result = run.reader.result();
  return result.ok ? { ok: true, origin: result.origin, summary: run.summary } : result;
}

/** Reads and verifies a backup, storing nothing. Rejects only if `next` does. */
export async function checkBackup(next: TextSource): Promise<BackupVerdict> {
  const run = createRestoreRun();
  for (;;) {
    const text = await next();
    if (text === null) run.reader.end();
    else run.reader.push(text);
    run.take();
    if (text === null || run.reader.refused) break;
  }
  run.reader.end();
  if (run.reader.result().ok) run.finish();
  return verdictOf(run);
}

/** Thrown inside the restore transaction to abort it when the file turns out to be refused. */
class Refused extends Error {}

/**
 * Verifies a backup while replacing every table with its rows, in one transaction. A refused file
 * aborts the transaction (nothing changed) and comes back as `{ ok: false }`; a failing source or
 * write rejects (nothing changed either). The transaction is kept open across `next()` with
 * `Dexie.waitFor`, so the file never has to be in memory whole.
 */
export async function restoreBackup(db: LecternDb, next: TextSource): Promise<BackupVerdict> {
  const run = createRestoreRun();
  const store = async (batches: RestoreRows[]) => {
    for (const { table, rows } of batches)
      for (let i = 0; i < rows.length; i += ROWS_PER_WRITE)
        await tableOf(db, table).bulkAdd(rows.slice(i, i + ROWS_PER_WRITE));
  };
  try {
    await db.transaction('rw', tablesOf(db), async () => {
      for (const table of tablesOf(db)) await table.clear();
      for (;;) {
        const text = await Dexie.waitFor(next());
        if (text === null) run.reader.end();
        else run.reader.push(text);
        if (run.reader.refused) throw new Refused();
        await store(run.take());
        if (text === null) break;
      }
      await store(run.finish());
    });
  } catch (error) {
    if (error instanceof Refused) {
      run.reader.end();
      return verdictOf(run);
    }
    throw error;
  }
  return verdictOf(run);
}

/** Restores a backup given as one text (small files and tests). */
export function restoreBackupText(db: LecternDb, text: string): Promise<BackupVerdict> {
  let given = false;
  return restoreBackup(db, async () => {
    if (given) return null;
    given = true;
    return text;
  });
}

/** What the database holds now, counted as a backup's summary is (to show beside it before restoring). */
export async function summarizeDatabase(db: LecternDb): Promise<BackupSummary> {
  return db.transaction('r', [...tablesOf(db), db.reviews], async () => {
    let questions = 0;
    let packs = 0;
    await db.packs.each((p) => {
      packs++;
      questions += p.questionCount;
    });
    return {
      packs,
      questions,
      cards: await db.cards.count(),
      // Schema 4 reviews not yet moved (`revlog-upgrade.ts`) count too.
      reviews: (await countReviews(db)) + (await db.reviews.count()),
      reading: await db.reading.count(),
      settings: await db.settings.count(),
      selftests: await db.selftests.count(),
    };
  });
}

/** Every stored row of every table (tests and small databases). */
export async function readAllTables(db: LecternDb): Promise<Record<BackupTableName, unknown[]>> {
  return db.transaction('r', tablesOf(db), async () => {
    const out = {} as Record<BackupTableName, unknown[]>;
    for (const name of BACKUP_TABLES) out[name] = name === 'reviews' ? [] : await tableOf(db, name).toArray();
    for (let page = await nextReviews(db, ''); page.length > 0; ) {
      out.reviews.push(...page);
      page = await nextReviews(db, (page[page.length - 1] as { id: string }).id);
    }
    return out;
  });
}
