/**
 * Start-up: launch → Library interactive (first shown with its counts, painted), the floor launch →
 * a blank page in the same Chromium with the same flags, and the renderer's heap once started.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BenchApp, backupsDir, epochNow, makeUserData, removeUserData } from '../app-session';
import { callBench } from '../page/page-bundle';
import { median } from '../summary';

/** What one start-up measurement gives. */
export interface StartResult {
  runs: number[];
  /** The part of each run inside the page: navigation start → Library interactive. */
  inPage?: number[];
  /** Launch → the Library's due/new counts shown. */
  counts?: number[];
  /** The longest main-thread task from navigation to the counts shown. */
  longestTask?: number[];
  /** The floor measured alongside (one blank-page launch before each app launch). */
  floor: number[];
  /** JS heap after a full GC (bytes): with the Library shown, then with Study showing its first card. */
  heap?: { library: number; study: number };
}

const blankScript = fileURLToPath(new URL('../blank-launch.mjs', import.meta.url));

function launchBlankOnce(): Promise<number> {
  const profile = makeUserData('blank');
  const t0 = epochNow();
  return new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, [blankScript, profile], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on('exit', (code) => {
      removeUserData(profile);
      const line = out.split('\n').find((l) => l.startsWith('@@blank '));
      if (code !== 0 || !line) reject(new Error(`blank launch failed (exit ${code})`));
      else resolve((JSON.parse(line.slice(8)) as { readyAt: number }).readyAt - t0);
    });
  });
}

/**
 * Launch → Library interactive on `userDataDir` (already holding the data to start with): a
 * warm-up launch, then `runs` launches, each just after a blank-page launch (the floor, measured
 * alongside so both see the same load on the machine). With `heap`, the last launch also reads the heap.
 */
export async function measureStart(
  userDataDir: string,
  runs: number,
  heap: boolean,
  log: (line: string) => void,
): Promise<StartResult> {
  await launchBlankOnce();
  const warm = await BenchApp.launch(userDataDir);
  await warm.close();
  const result: StartResult = { runs: [], floor: [] };
  for (let i = 0; i < runs; i++) {
    result.floor.push(await launchBlankOnce());
    const app = await BenchApp.launch(userDataDir);
    try {
      const { total: ms, inPage, counts, longestTask } = await app.startup();
      result.inPage = [...(result.inPage ?? []), inPage];
      result.counts = [...(result.counts ?? []), counts];
      result.longestTask = [...(result.longestTask ?? []), longestTask];
      log(
        `  start run ${i + 1}: ${ms.toFixed(0)} ms, ${inPage.toFixed(0)} of them in the page; counts at ${counts.toFixed(0)} ms;` +
          ` longest task ${longestTask.toFixed(0)} ms (blank page ${(result.floor[i] as number).toFixed(0)} ms)`,
      );
      result.runs.push(ms);
      if (heap && i === runs - 1) {
        const library = await app.heapAfterGc();
        await app.openScreen('Study');
        await app.page
          .locator('article.study-card')
          .or(app.page.getByText('Nothing to study'))
          .first()
          .waitFor();
        const study = await app.heapAfterGc();
        result.heap = { library, study };
        log(
          `  heap after GC: Library ${(library / 2 ** 20).toFixed(1)} MiB, Study ${(study / 2 ** 20).toFixed(1)} MiB`,
        );
      }
    } finally {
      await app.close();
    }
  }
  log(
    `  start median ${median(result.runs).toFixed(0)} ms, blank page ${median(result.floor).toFixed(0)} ms`,
  );
  return result;
}

/** Start-up with only the bundled course stored (a first launch stores it; not timed). */
export async function measureCourseStart(runs: number, log: (line: string) => void): Promise<StartResult> {
  const dir = makeUserData('course');
  try {
    const first = await BenchApp.launch(dir);
    await first.close();
    return await measureStart(dir, runs, true, log);
  } finally {
    removeUserData(dir);
  }
}

/** The first launch of a day, when the app also writes its daily automatic backup. */
export interface FirstLaunchResult {
  /** Launch → Library interactive with the daily backup running beside it (ms). */
  startMs: number;
  /** Launch → the daily backup file written (ms); null when it failed or did not finish in time. */
  backupMs: number | null;
  backupBytes: number | null;
  /** What the app said when the backup failed, or that it did not finish within the wait. */
  backupProblem: string | null;
  /**
   * The backup alone: its temporary file appearing (main's `backup:write-begin`) → the file renamed
   * into place, checked (ms; absent in runs saved before it was measured).
   */
  dailyMs?: number | null;
  /** Review-log rows in the database the backup was written of. */
  reviews?: number;
  /** The longest task on the window's main thread while the backup was written (ms). */
  longestTaskMs?: number | null;
}

/**
 * Launches with no backup written today, so the daily automatic backup runs: times the Library
 * beside it and the backup itself (waiting up to `timeoutMs` for the file or the app's error), and
 * the window's longest main-thread task meanwhile (the Library must stay interactive).
 */
export async function measureFirstLaunchOfDay(
  userDataDir: string,
  timeoutMs: number,
  log: (line: string) => void,
  reviews?: number,
): Promise<FirstLaunchResult> {
  const dir = backupsDir(userDataDir);
  rmSync(dir, { recursive: true, force: true });
  const app = await BenchApp.launch(userDataDir, { dailyBackup: true });
  // The backup starts once the app is ready: watch for its temporary file from the launch on.
  let began: number | null = null;
  const watcher = setInterval(() => {
    if (began === null && existsSync(dir) && readdirSync(dir).some((n) => n.endsWith('.part')))
      began = Date.now();
  }, 10);
  try {
    const startMs = await app.startupMs();
    await callBench(app.page, 'startLongTasks');
    const failed = app.page.getByRole('alert').getByText(/daily automatic backup failed/i);
    const deadline = Date.now() + timeoutMs;
    let result: FirstLaunchResult = {
      startMs,
      backupMs: null,
      backupBytes: null,
      backupProblem: `not written within ${timeoutMs / 1000} s`,
      dailyMs: null,
      reviews,
      longestTaskMs: null,
    };
    while (Date.now() < deadline) {
      const file = existsSync(dir) ? readdirSync(dir).find((n) => n.endsWith('-daily.json')) : undefined;
      if (file) {
        const s = statSync(join(dir, file));
        const spans = await callBench(app.page, 'takeLongTaskSpans');
        const from = began ?? app.launchedAt;
        const during = spans.filter((t) => t.start + t.duration >= from && t.start <= s.mtimeMs);
        result = {
          startMs,
          backupMs: s.mtimeMs - app.launchedAt,
          backupBytes: s.size,
          backupProblem: null,
          dailyMs: began !== null ? s.mtimeMs - began : null,
          reviews,
          longestTaskMs: Math.max(0, ...during.map((t) => t.duration)),
        };
        break;
      }
      if (await failed.count()) {
        result = { ...result, backupProblem: (await failed.first().textContent()) ?? 'failed' };
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    log(
      `  first launch of the day: Library in ${startMs.toFixed(0)} ms; daily backup ` +
        (result.backupMs !== null
          ? `written ${(result.backupMs / 1000).toFixed(1)} s after the launch, in ${((result.dailyMs ?? Number.NaN) / 1000).toFixed(1)} s (${((result.backupBytes ?? 0) / 1e6).toFixed(1)} MB${reviews ? `, ${((result.backupBytes ?? 0) / reviews).toFixed(1)} bytes a review` : ''}); longest main-thread task meanwhile ${result.longestTaskMs?.toFixed(0)} ms`
          : result.backupProblem),
    );
    return result;
  } finally {
    clearInterval(watcher);
    await app.close();
  }
}
