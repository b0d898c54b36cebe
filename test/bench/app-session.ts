/**
 * The app under measurement: the real built app launched through the e2e launcher, with helpers to
 * move between screens, reload, and read the app's performance marks.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { type LaunchedApp, launchApp } from '../e2e/launch';

/** Marks the app sets (see renderer/src/app/perf.ts and ops/import/marks.ts). */
export const MARKS = {
  startEnd: 'lectern:start:end',
  libraryCounts: 'lectern:library:counts',
  queueStart: 'lectern:queue:start',
  queueEnd: 'lectern:queue:end',
  answerStart: 'lectern:answer:start',
  answerRendered: 'lectern:answer:rendered',
  answerEnd: 'lectern:answer:end',
  statsStart: 'lectern:stats:start',
  statsEnd: 'lectern:stats:end',
  statsCached: 'lectern:stats:cached',
  importStart: 'lectern:import:start',
  importParsed: 'lectern:import:parsed',
  importApply: 'lectern:import:apply',
  importEnd: 'lectern:import:end',
} as const;

/** Epoch milliseconds with sub-millisecond precision (comparable with a page's timeOrigin + mark). */
export function epochNow(): number {
  return performance.timeOrigin + performance.now();
}

/** A fresh user-data folder for one size (removed with {@link removeUserData}). */
export function makeUserData(label: string): string {
  return mkdtempSync(join(tmpdir(), `lectern-bench-${label}-`));
}

export function removeUserData(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** The app's automatic backups folder in a user-data folder (electron/paths.ts). */
export function backupsDir(userDataDir: string): string {
  return join(userDataDir, 'backups');
}

/**
 * Makes today's daily automatic backup count as written, so a launch or reload measures the app and
 * not the once-a-day export of the whole database that runs beside it (measured on its own by
 * `measureFirstLaunchOfDay`). Writes an empty placeholder named as main names backups, dated now;
 * nothing restores it.
 */
export function markDailyBackupDone(userDataDir: string): void {
  const dir = backupsDir(userDataDir);
  mkdirSync(dir, { recursive: true });
  const midnight = new Date().setHours(0, 0, 0, 0);
  if (readdirSync(dir).some((n) => statSync(join(dir, n)).mtimeMs >= midnight)) return;
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  writeFileSync(join(dir, `lectern-backup-${stamp}-daily.json`), '{}');
}

/** A running app with the bench's helpers. */
export class BenchApp {
  private constructor(
    readonly app: LaunchedApp,
    /** Epoch ms just before the launch began. */
    readonly launchedAt: number,
    /** False for a first launch of the day: the daily backup is left to run. */
    private readonly quietBackups: boolean,
  ) {}

  get page(): Page {
    return this.app.page;
  }

  /**
   * Launches the app on `userDataDir` and waits until the Library is ready. Unless `dailyBackup`,
   * today's daily backup counts as done first (see {@link markDailyBackupDone}).
   */
  static async launch(userDataDir: string, opts: { dailyBackup?: boolean } = {}): Promise<BenchApp> {
    const quiet = !opts.dailyBackup;
    if (quiet) markDailyBackupDone(userDataDir);
    const t0 = epochNow();
    const app = await launchApp({ userDataDir });
    const bench = new BenchApp(app, t0, quiet);
    try {
      await bench.waitForLibrary();
    } catch (err) {
      // Not handed to the caller: closed here, or its browser runs on (a failed 100k run's did for an
      // hour) and writes into the profile the caller then removes.
      await app.close().catch(() => {});
      throw err;
    }
    return bench;
  }

  /** Milliseconds from the launch to the Library first shown with its packs (painted). */
  async startupMs(): Promise<number> {
    return (await this.startup()).total;
  }

  /**
   * Launch → Library interactive (its packs shown), and its part inside the page: from the page's
   * navigation start (its time origin) to the mark (the rest is starting Node, main, Chromium and
   * the window); launch → the due/new counts shown; the longest main-thread task until then.
   */
  async startup(): Promise<{ total: number; inPage: number; counts: number; longestTask: number }> {
    const mark = await this.waitForMark(MARKS.startEnd, 0, 180_000);
    const counts = await this.waitForMark(MARKS.libraryCounts, 0, 300_000);
    const [origin, longest] = await this.page.evaluate(
      () =>
        new Promise<[number, number]>((resolve) => {
          // Long tasks since the page began (Chromium buffers them for a late observer).
          const observer = new PerformanceObserver(() => {});
          observer.observe({ type: 'longtask', buffered: true });
          const tasks = observer.takeRecords();
          observer.disconnect();
          resolve([performance.timeOrigin, tasks.reduce((m, t) => Math.max(m, t.duration), 0)]);
        }),
    );
    return {
      total: origin + mark - this.launchedAt,
      inPage: mark,
      counts: origin + counts - this.launchedAt,
      longestTask: longest,
    };
  }

  /**
   * Waits until the Library is shown with its counts: the counts query reads the whole card table
   * at 100k cards, and whatever is measured next must not share IndexedDB with it.
   */
  async waitForLibrary(): Promise<void> {
    // The first start over a seeded schema 4 log moves a million reviews before the Library:
    // minutes on a loaded machine.
    await this.waitForMark(MARKS.startEnd, 0, 900_000);
    await this.waitForMark(MARKS.libraryCounts, 0, 300_000);
  }

  /** Reloads the page (fresh app state over the same database) and waits for the Library. */
  async reload(): Promise<void> {
    if (this.quietBackups) markDailyBackupDone(this.app.userDataDir);
    await this.page.reload({ waitUntil: 'domcontentloaded', timeout: 180_000 });
    await this.waitForLibrary();
  }

  /** Opens a screen from the main navigation. */
  async openScreen(label: string): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: label }).click();
  }

  // The functions below run in the page. They are inline anonymous arrows on purpose: tsx wraps
  // named functions with a `__name` helper that the page does not have.

  /** Start times (ms since the page's time origin) of every mark called `name`. */
  marks(name: string): Promise<number[]> {
    return this.page.evaluate((n) => performance.getEntriesByName(n, 'mark').map((e) => e.startTime), name);
  }

  async clearMarks(): Promise<void> {
    await this.page.evaluate(() => performance.clearMarks());
  }

  /** Waits for a new `name` mark (more than `after` of them) and returns the first new one. */
  async waitForMark(name: string, after = 0, timeoutMs = 300_000): Promise<number> {
    await this.page.waitForFunction(
      ([n, count]) => performance.getEntriesByName(n, 'mark').length > count,
      [name, after] as const,
      { polling: 5, timeout: timeoutMs },
    );
    const marks = await this.marks(name);
    return marks[after] as number;
  }

  /** The renderer's JS heap after a full garbage collection (CDP Runtime.getHeapUsage), in bytes. */
  async heapAfterGc(): Promise<number> {
    const cdp = await this.page.context().newCDPSession(this.page);
    try {
      await cdp.send('HeapProfiler.collectGarbage');
      const usage = await cdp.send('Runtime.getHeapUsage');
      return usage.usedSize;
    } finally {
      await cdp.detach().catch(() => {});
    }
  }

  async close(): Promise<void> {
    await this.app.close();
  }
}
