/**
 * Import through the real Import screen (file chosen on its file input, summary confirmed) timed by
 * the screen's own marks, the raw Dexie bulkAdd floor of the same rows, and the core import without
 * the screen for the profile.
 */
import { resolve } from 'node:path';
import { type BenchApp, MARKS } from '../app-session';
import { callBench } from '../page/page-bundle';
import { median } from '../summary';

/** One import through the screen, in milliseconds. */
export interface ImportRun {
  /** Reading (decode, parse, validate, summary) + storing; the time on the summary screen is left out. */
  total: number;
  read: number;
  store: number;
  /** The longest main-thread task while it ran (0 when none went past 50 ms). */
  longestTask: number;
}

/**
 * Sets the Import screen's file input to `filePath` as the OS file chooser would: a File backed by
 * the file on disk (CDP DOM.setFileInputFiles), which fires `change`. Playwright's setInputFiles
 * cannot pass a path to a browser it reached over CDP: it would build the File inside the page from
 * base64, a long main-thread task of the bench's own that would count against the app.
 */
async function chooseFile(app: BenchApp, filePath: string): Promise<void> {
  const cdp = await app.page.context().newCDPSession(app.page);
  try {
    const { result } = await cdp.send('Runtime.evaluate', {
      expression: 'document.querySelector(\'main input[type="file"]\')',
    });
    if (!result.objectId) throw new Error('the Import screen has no file input');
    await cdp.send('DOM.setFileInputFiles', { files: [resolve(filePath)], objectId: result.objectId });
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** Imports `filePath` through the Import screen and confirms it; the page must show the app. */
export async function importThroughScreen(app: BenchApp, filePath: string): Promise<ImportRun> {
  const page = app.page;
  await app.openScreen('Import');
  await page.getByRole('heading', { level: 1, name: 'Import a pack' }).waitFor();
  await app.clearMarks();
  await callBench(page, 'startLongTasks');
  await chooseFile(app, filePath);
  const confirm = page.getByRole('button', { name: /^(Import this pack|Apply update)$/ });
  // Problems in the file, or the importer failing, end with "— nothing was imported".
  const refused = page.getByRole('heading', { level: 2, name: /nothing was imported/ });
  try {
    await confirm.or(refused).first().waitFor({ timeout: 600_000 });
  } catch (err) {
    throw new Error(`no import summary for ${filePath}; the screen shows:\n${await describeMain(app)}`, {
      cause: err,
    });
  }
  if (await refused.isVisible())
    throw new Error(`the Import screen refused ${filePath}:\n${await describeMain(app)}`);
  await confirm.click();
  await app.waitForMark(MARKS.importEnd, 0, 600_000);
  const tasks = await callBench(page, 'stopLongTasks');
  const [start, parsed, apply, end] = await Promise.all(
    [MARKS.importStart, MARKS.importParsed, MARKS.importApply, MARKS.importEnd].map(
      async (m) => (await app.marks(m))[0] ?? Number.NaN,
    ),
  );
  const read = (parsed as number) - (start as number);
  const store = (end as number) - (apply as number);
  await page.getByRole('heading', { level: 2, name: /^(Imported|Updated) “/ }).waitFor();
  return { total: read + store, read, store, longestTask: tasks.length ? Math.max(...tasks) : 0 };
}

async function describeMain(app: BenchApp): Promise<string> {
  return (
    (
      await app.page
        .locator('main')
        .textContent()
        .catch(() => '(unreadable)')
    )?.slice(0, 2000) ?? ''
  );
}

/** Removes the imported packs and reloads, so the next import starts from the same database. */
export async function resetImports(app: BenchApp): Promise<void> {
  await callBench(app.page, 'removeImportedPacks');
  await app.reload();
}

/** Runs `runs` imports of `filePath` after one warm-up import of `warmPath`; the last one stays stored. */
export async function measureImports(
  app: BenchApp,
  filePath: string,
  warmPath: string,
  runs: number,
  log: (line: string) => void,
): Promise<ImportRun[]> {
  await importThroughScreen(app, warmPath);
  await resetImports(app);
  const out: ImportRun[] = [];
  for (let i = 0; i < runs; i++) {
    const run = await importThroughScreen(app, filePath);
    log(
      `  import run ${i + 1}: ${run.total.toFixed(0)} ms (read ${run.read.toFixed(0)}, store ${run.store.toFixed(0)}, longest task ${run.longestTask.toFixed(0)})`,
    );
    out.push(run);
    if (i < runs - 1) await resetImports(app);
  }
  return out;
}

/** Imports the pack once through the screen (setup for a phase that needs it, not a measurement). */
export async function importPackOnce(
  app: BenchApp,
  filePath: string,
  log: (line: string) => void,
): Promise<void> {
  const run = await importThroughScreen(app, filePath);
  log(`  pack imported in ${run.total.toFixed(0)} ms (setup)`);
}

/** The raw Dexie bulkAdd floor of the same rows: a warm-up on up to 10k rows, then `runs` full writes. */
export async function measureFloor(
  app: BenchApp,
  packText: string,
  runs: number,
  log: (line: string) => void,
): Promise<number[]> {
  await callBench(app.page, 'prepareRows', packText);
  await callBench(app.page, 'runFloor', 10_000);
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const ms = await callBench(app.page, 'runFloor');
    log(`  floor run ${i + 1}: ${ms.toFixed(0)} ms`);
    out.push(ms);
  }
  await callBench(app.page, 'dropRows');
  log(`  floor median ${median(out).toFixed(0)} ms`);
  return out;
}

/** The import's own work without the screen (read, then store into an empty database), once. */
export function measureCoreImport(
  app: BenchApp,
  fileName: string,
  packText: string,
): Promise<{ read: number; store: number }> {
  return callBench(app.page, 'runCoreImport', fileName, packText);
}
