/**
 * Code the bench runs inside the app's page (bundled to one script by `page-bundle.ts` and evaluated
 * through CDP, so the app's CSP does not apply and the app's bundle is untouched): the raw Dexie
 * floor, the core import without the screen (for the profile), seeding a study history, marks and
 * the long-task observer. Exposed as `globalThis.__lecternBench`.
 */
import { Dexie } from 'dexie';
import { readPackFile } from '../../../renderer/src/core/formats';
import { answerHash } from '../../../renderer/src/core/pack/diff';
import type { Pack } from '../../../renderer/src/core/pack/schema';
import { LecternDb } from '../../../renderer/src/db/db';
import { applyImport } from '../../../renderer/src/db/import-repo';
import { courseOrder, newCardRow, packRowOf, questionRowOf } from '../../../renderer/src/db/packs-repo';
import type { CardRow, PackRow, QuestionRow } from '../../../renderer/src/db/rows';
import { seedStudy } from './seed-study';

const FLOOR_DB = 'lectern-bench-floor';
const CORE_DB = 'lectern-bench-core';

interface Rows {
  pack: PackRow;
  questions: QuestionRow[];
  cards: CardRow[];
}

let rows: Rows | null = null;
let longTasks: number[] = [];
let observer: PerformanceObserver | null = null;

/** Turns pack text into the exact rows an import stores (not timed: the floor times only the write). */
function prepareRows(text: string): { questions: number } {
  const read = readPackFile('bench.json', text);
  if (!read.ok) throw new Error(`bench pack does not read: ${read.issues[0]?.message}`);
  const pack: Pack = read.pack;
  const now = Date.now();
  const ordered = courseOrder(pack);
  rows = {
    pack: packRowOf(pack, { origin: 'imported', format: 'lectern', contentHash: 'bench' }, now),
    questions: ordered.map(({ question, chapterId }, i) =>
      questionRowOf(pack.id, question, chapterId, i, answerHash(question)),
    ),
    cards: ordered.map(({ question, chapterId }, i) => newCardRow(pack.id, question.id, chapterId, i, now)),
  };
  return { questions: rows.questions.length };
}

function dropRows(): void {
  rows = null;
}

async function deleteDb(name: string): Promise<void> {
  await new LecternDb(name).delete();
}

/**
 * The floor: a raw Dexie bulkAdd of the same rows (pack, questions, cards) in one rw transaction
 * into an empty database with the app's schema. Returns milliseconds, commit included. `limit`
 * writes only the first rows (a warm-up).
 */
async function runFloor(limit = Number.POSITIVE_INFINITY): Promise<number> {
  if (!rows) throw new Error('prepareRows first');
  const r = { ...rows, questions: rows.questions.slice(0, limit), cards: rows.cards.slice(0, limit) };
  await deleteDb(FLOOR_DB);
  const db = new LecternDb(FLOOR_DB);
  await db.open();
  const t0 = performance.now();
  await db.transaction('rw', [db.packs, db.questions, db.cards], async () => {
    await db.packs.add(r.pack);
    await db.questions.bulkAdd(r.questions);
    await db.cards.bulkAdd(r.cards);
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
 * Removes every imported pack's rows straight from the database (between import runs; the page is
 * then reloaded, so the app reads the database afresh). Returns the ids removed.
 */
async function removeImportedPacks(): Promise<string[]> {
  const db = new LecternDb();
  const ids = (await db.packs.toArray()).filter((p) => p.origin === 'imported').map((p) => p.id);
  await db.transaction('rw', [db.packs, db.questions, db.cards, db.reviews], async () => {
    for (const packId of ids) {
      await db.packs.delete(packId);
      await db.questions.where('packId').equals(packId).delete();
      await db.cards.where('packId').equals(packId).delete();
      await db.reviews.where('[packId+at]').between([packId, -Infinity], [packId, Infinity]).delete();
    }
  });
  db.close();
  return ids;
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

/** Starts recording long tasks (> 50 ms) from now. */
function startLongTasks(): void {
  longTasks = [];
  observer?.disconnect();
  observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push(e.duration);
  });
  observer.observe({ type: 'longtask' });
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

/** The bench's in-page API. */
export const benchApi = {
  prepareRows,
  dropRows,
  runFloor,
  runCoreImport,
  seedStudy,
  removeImportedPacks,
  measureRowCost,
  startLongTasks,
  stopLongTasks,
};

export type BenchApi = typeof benchApi;

(globalThis as { __lecternBench?: BenchApi }).__lecternBench = benchApi;
