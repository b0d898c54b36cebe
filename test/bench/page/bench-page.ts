/**
 * Code the bench runs inside the app's page (bundled to one script by `page-bundle.ts` and evaluated
 * through CDP, so the app's CSP does not apply and the app's bundle is untouched): the raw Dexie
 * floor, the core import without the screen (for the profile), seeding a study history, marks and
 * the long-task observer. Exposed as `globalThis.__lecternBench`.
 */
// First: zod must be jitless before any schema below is built.
import './zod-jitless';
import { Dexie } from 'dexie';
import { readPackFile } from '../../../renderer/src/core/formats';
import type { Pack } from '../../../renderer/src/core/pack/schema';
import { applyImport } from '../../../renderer/src/db/repos/import-repo';
import { removePackWithMedia } from '../../../renderer/src/db/repos/media-repo';
import { packRowOf, questionRowsOf } from '../../../renderer/src/db/repos/packs-repo';
import { LecternDb } from '../../../renderer/src/db/schema/database';
import { chunkQuestionRows, QUESTION_CHUNK } from '../../../renderer/src/db/schema/question-chunking';
import type { PackRow, QuestionChunkRow } from '../../../renderer/src/db/schema/rows';
import { tidyReviewLog } from '../../../renderer/src/ops/review-log-upkeep';
import { measureOptimizeInApp } from './optimize-in-app';
import { seedFsrsHistory } from './seed-fsrs';
import { seedStudy } from './seed-study';
import { measureSyncMerge } from './sync-merge';

const FLOOR_DB = 'lectern-bench-floor';
const CORE_DB = 'lectern-bench-core';

interface Rows {
  pack: PackRow;
  /** The question records an import writes (a hundred questions each); no card rows: all are new. */
  chunks: QuestionChunkRow[];
  questions: number;
}

let rows: Rows | null = null;
let longTasks: number[] = [];
let longTaskSpans: { start: number; duration: number }[] = [];
let observer: PerformanceObserver | null = null;

/** Turns pack text into the exact rows an import stores (not timed: the floor times only the write). */
function prepareRows(text: string): { questions: number } {
  const read = readPackFile('bench.json', text);
  if (!read.ok) throw new Error(`bench pack does not read: ${read.issues[0]?.message}`);
  const pack: Pack = read.pack;
  const now = Date.now();
  const questions = questionRowsOf(pack);
  rows = {
    pack: packRowOf(pack, { origin: 'imported', format: 'lectern', contentHash: 'bench' }, now),
    chunks: chunkQuestionRows(pack.id, questions),
    questions: questions.length,
  };
  return { questions: rows.questions };
}

function dropRows(): void {
  rows = null;
}

async function deleteDb(name: string): Promise<void> {
  await new LecternDb(name).delete();
}

/**
 * The floor: a raw Dexie bulkAdd of the same records (the pack row and its question chunks) in one
 * rw transaction into an empty database with the app's schema. Returns milliseconds, commit
 * included. `limit` writes only the chunks of the first `limit` questions (a warm-up).
 */
async function runFloor(limit = Number.POSITIVE_INFINITY): Promise<number> {
  if (!rows) throw new Error('prepareRows first');
  const chunks = rows.chunks.slice(0, Math.ceil(Math.min(limit, rows.questions) / QUESTION_CHUNK));
  const pack = rows.pack;
  await deleteDb(FLOOR_DB);
  const db = new LecternDb(FLOOR_DB);
  await db.open();
  const t0 = performance.now();
  await db.transaction('rw', [db.packs, db.questionChunks], async () => {
    await db.packs.add(pack);
    await db.questionChunks.bulkAdd(chunks);
  });
  const ms = performance.now() - t0;
  db.close();
  await deleteDb(FLOOR_DB);
  return ms;
}

/**
 * The import's own work without the screen, for the profile: read (decode, parse, validate) and
 * store (`applyImport` into an empty database), each in milliseconds.
 */
async function runCoreImport(name: string, text: string): Promise<{ read: number; store: number }> {
  await deleteDb(CORE_DB);
  const db = new LecternDb(CORE_DB);
  await db.open();
  const t0 = performance.now();
  const read = readPackFile(name, text);
  const t1 = performance.now();
  if (!read.ok) throw new Error(`bench pack does not read: ${read.issues[0]?.message}`);
  await applyImport(
    db,
    read.pack,
    { origin: 'imported', format: 'lectern', contentHash: 'bench' },
    Date.now(),
  );
  const t2 = performance.now();
  db.close();
  await deleteDb(CORE_DB);
  return { read: t1 - t0, store: t2 - t1 };
}

/**
 * Removes every imported pack's rows straight from the database, its media files with it (between
 * import runs; the page is then reloaded, so the app reads the database afresh). Returns the ids
 * removed. The media go too: a later run that found its files stored would skip saving them.
 */
async function removeImportedPacks(): Promise<string[]> {
  const db = new LecternDb();
  const ids = (await db.packs.toArray()).filter((p) => p.origin === 'imported').map((p) => p.id);
  for (const packId of ids) await removePackWithMedia(db, packId);
  db.close();
  return ids;
}

/** How many media files are stored, and how many names packs give them. */
async function countMedia(): Promise<{ files: number; named: number }> {
  const db = new LecternDb();
  const [files, named] = await Promise.all([db.mediaFiles.count(), db.packMedia.count()]);
  db.close();
  return { files, named };
}

/**
 * What IndexedDB charges per row here: 20,000 question-sized items (≈ 420 bytes) written and read
 * back one item per row, then 100 items per row. Returns microseconds per item for each, which
 * tells the per-row overhead (IPC, key encoding, LevelDB) from the per-byte cost.
 */
async function measureRowCost(): Promise<{
  writeOnePerRow: number;
  readOnePerRow: number;
  writeBatched: number;
  readBatched: number;
}> {
  const N = 20_000;
  const item = (i: number) => ({
    key: `p:${String(i).padStart(7, '0')}`,
    packId: 'p',
    text: `${'lorem ipsum dolor '.repeat(22)}${i}`,
    order: i,
  });
  const timeRows = async (rowsOf: number): Promise<[number, number]> => {
    const name = `lectern-bench-rows-${rowsOf}`;
    const db = new Dexie(name);
    db.version(1).stores({ rows: 'key' });
    await db.open();
    const rows: { key: string }[] = [];
    for (let i = 0; i < N; i += rowsOf)
      rows.push(
        rowsOf === 1
          ? item(i)
          : {
              key: `c${String(i).padStart(7, '0')}`,
              ...{ items: Array.from({ length: rowsOf }, (_, j) => item(i + j)) },
            },
      );
    const t0 = performance.now();
    await db.table('rows').bulkAdd(rows);
    const t1 = performance.now();
    await db.table('rows').toArray();
    const t2 = performance.now();
    db.close();
    await Dexie.delete(name);
    return [((t1 - t0) * 1000) / N, ((t2 - t1) * 1000) / N];
  };
  const [writeOnePerRow, readOnePerRow] = await timeRows(1);
  const [writeBatched, readBatched] = await timeRows(100);
  return { writeOnePerRow, readOnePerRow, writeBatched, readBatched };
}

/** Starts recording long tasks (> 50 ms) from now (and those the page buffered before). */
function startLongTasks(): void {
  longTasks = [];
  longTaskSpans = [];
  observer?.disconnect();
  observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      longTasks.push(e.duration);
      longTaskSpans.push({ start: performance.timeOrigin + e.startTime, duration: e.duration });
    }
  });
  observer.observe({ type: 'longtask', buffered: true });
}

/** The long tasks recorded so far: epoch ms start and duration (keeps recording). */
function takeLongTaskSpans(): { start: number; duration: number }[] {
  if (observer)
    for (const e of observer.takeRecords())
      longTaskSpans.push({ start: performance.timeOrigin + e.startTime, duration: e.duration });
  return longTaskSpans;
}

/** Stops recording and returns the long tasks' durations (ms). */
function stopLongTasks(): number[] {
  if (observer) {
    for (const e of observer.takeRecords()) longTasks.push(e.duration);
    observer.disconnect();
  }
  observer = null;
  return longTasks;
}

/**
 * The review log's upkeep as the app runs it once the Library is shown (`tidyReviewLog`: rows of
 * days before yesterday move into their day records), run to its end before the profile's size is
 * measured: the app may be closed before its own run finishes. Resolves to its time and what moved.
 */
async function settleReviewLog(): Promise<{ ms: number; rowsLeft: number; days: number }> {
  const db = new LecternDb();
  await db.open();
  try {
    const t0 = performance.now();
    await tidyReviewLog(db, Date.now());
    const ms = performance.now() - t0;
    return { ms, rowsLeft: await db.revlog.count(), days: await db.revlogDays.count() };
  } finally {
    db.close();
  }
}

/** The bench's in-page API. */
export const benchApi = {
  prepareRows,
  dropRows,
  runFloor,
  runCoreImport,
  seedStudy,
  seedFsrsHistory,
  removeImportedPacks,
  countMedia,
  measureRowCost,
  measureSyncMerge,
  settleReviewLog,
  /** `fsrs.appOptimizeMs`: the app's Optimize of ~100k seeded reviews, with the page's long tasks. */
  measureOptimizeInApp: (questions: number, days: number, seed: string) =>
    measureOptimizeInApp({ questions, days, seed }),
  startLongTasks,
  stopLongTasks,
  takeLongTaskSpans,
};

export type BenchApi = typeof benchApi;

(globalThis as { __lecternBench?: BenchApi }).__lecternBench = benchApi;
