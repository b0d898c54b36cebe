/**
 * Launches the real built app for e2e tests: real Electron when a binary exists, otherwise the built
 * main under Node with the Electron stand-in (test/standin/) and its window in Debian's Chromium.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type Browser, chromium, type ElectronApplication, type Page } from '@playwright/test';
// @ts-expect-error -- plain ESM helper shared with `npm start`
import { findElectronBinary } from '../standin/electron-binary.mjs';

export type LaunchMode = 'electron' | 'standin';

export interface LaunchedApp {
  page: Page;
  userDataDir: string;
  mode: LaunchMode;
  close(): Promise<void>;
  /**
   * SIGKILLs the app at once, as a power cut or the OS would: main and (stand-in) its window's Chromium,
   * with no quit and no chance to flush anything. The profile is left as the kill left it.
   */
  kill(): Promise<void>;
  /** Clicks an application-menu item, e.g. `['File', 'Import pack…']`. */
  clickMenu(labels: string[]): Promise<void>;
  /** Hands files to the running app as the OS would (second instance / open-file). */
  openFiles(paths: string[]): Promise<void>;
  /** URLs the app asked the OS browser to open. */
  externalUrls: string[];
}

export interface LaunchOptions {
  userDataDir?: string;
  env?: Record<string, string>;
  /** Files passed on the command line, as when the OS opens a file with Lectern. */
  args?: string[];
  /**
   * The stand-in as `npm start` opens it: its window draws main's application menu above the app
   * (then `page` is that window and the app runs in its frame `#app`). Ignored in real Electron.
   */
  startWindow?: boolean;
}

const appDir = fileURLToPath(new URL('../..', import.meta.url));
let announced = false;

export function launchMode(): LaunchMode {
  return findElectronBinary() ? 'electron' : 'standin';
}

export async function launchApp(opts: LaunchOptions = {}): Promise<LaunchedApp> {
  const userDataDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'lectern-e2e-'));
  const env = {
    ...process.env,
    // Saves without a test-chosen folder go to the downloads folder: the test's own, never the user's.
    XDG_DOWNLOAD_DIR: join(userDataDir, 'downloads'),
    ...opts.env,
    LECTERN_USER_DATA_DIR: userDataDir,
  } as Record<string, string>;
  const mode = launchMode();
  if (!announced) {
    announced = true;
    console.log(
      mode === 'electron'
        ? `[e2e] running in real Electron (${findElectronBinary()})`
        : '[e2e] running in the Electron stand-in (built main under Node, window in Debian Chromium)',
    );
  }
  return mode === 'electron'
    ? launchElectron(userDataDir, env, opts.args ?? [])
    : launchStandin(userDataDir, env, [
        ...(process.env.LECTERN_HEADED ? ['--headed'] : []),
        ...(opts.startWindow ? ['--menu-bar'] : []),
        ...(opts.args ?? []),
      ]);
}

async function launchElectron(
  userDataDir: string,
  env: Record<string, string>,
  args: string[],
): Promise<LaunchedApp> {
  const app: ElectronApplication = await _electron.launch({
    executablePath: findElectronBinary() ?? undefined,
    args: [appDir, ...args],
    env,
  });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  const externalUrls: string[] = [];
  return {
    page,
    userDataDir,
    mode: 'electron',
    externalUrls,
    close: () => app.close(),
    async kill() {
      const proc = app.process();
      const gone = new Promise<void>((resolve) => {
        if (proc.exitCode !== null || proc.signalCode !== null) resolve();
        else proc.once('exit', () => resolve());
      });
      proc.kill('SIGKILL');
      await gone;
    },
    clickMenu: (labels) =>
      app.evaluate(({ Menu, BrowserWindow }, path) => {
        let items = Menu.getApplicationMenu()?.items ?? [];
        let item: Electron.MenuItem | undefined;
        for (const label of path) {
          item = items.find((i) => i.label === label);
          if (!item) throw new Error(`no menu item ${path.join(' > ')}`);
          items = item.submenu?.items ?? [];
        }
        item?.click(undefined, BrowserWindow.getAllWindows()[0], undefined as never);
      }, labels),
    openFiles: (paths) =>
      app.evaluate(({ app: a }, p) => {
        for (const path of p) a.emit('open-file', { preventDefault() {} }, path);
      }, paths),
  };
}

async function launchStandin(
  userDataDir: string,
  env: Record<string, string>,
  args: string[],
): Promise<LaunchedApp> {
  const child: ChildProcess = spawn(process.execPath, [join(appDir, 'test/standin/run.mjs'), ...args], {
    cwd: appDir,
    env,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const externalUrls: string[] = [];
  const waiters = new Map<number, (error?: string) => void>();
  let nextId = 1;
  let exited = false;
  const exitPromise = new Promise<void>((resolve) =>
    child.on('exit', () => {
      exited = true;
      resolve();
    }),
  );
  const ready = new Promise<string>((resolve, reject) => {
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      let nl = buffered.indexOf('\n');
      while (nl >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        nl = buffered.indexOf('\n');
        if (!line.startsWith('@@standin ')) {
          if (line.trim()) console.log(`[app] ${line}`);
          continue;
        }
        const msg = JSON.parse(line.slice(10)) as {
          event: string;
          cdp?: string;
          url?: string;
          id?: number;
          error?: string;
        };
        if (msg.event === 'ready' && msg.cdp) resolve(msg.cdp);
        else if (msg.event === 'open-external' && msg.url) externalUrls.push(msg.url);
        else if (msg.event === 'ack' && msg.id) waiters.get(msg.id)?.(msg.error);
      }
    });
    child.on('exit', (code) =>
      reject(new Error(`the stand-in exited (code ${code}) before the window opened`)),
    );
    setTimeout(() => reject(new Error('the stand-in did not open a window within 30 s')), 30_000).unref();
  });
  const cdp = await ready;
  const browser: Browser = await chromium.connectOverCDP(cdp);
  const page = browser
    .contexts()[0]
    ?.pages()
    .find((p) => p.url().startsWith('http://127.0.0.1:41739'));
  if (!page) throw new Error('the stand-in window is missing');
  await page.waitForLoadState('domcontentloaded');

  const command = (cmd: Record<string, unknown>) =>
    new Promise<void>((resolve, reject) => {
      const id = nextId++;
      waiters.set(id, (error) => (error ? reject(new Error(error)) : resolve()));
      child.stdin?.write(`${JSON.stringify({ ...cmd, id })}\n`);
    });

  return {
    page,
    userDataDir,
    mode: 'standin',
    externalUrls,
    clickMenu: (labels) => command({ cmd: 'menu', path: labels }),
    openFiles: (paths) => command({ cmd: 'open-files', paths }),
    async kill() {
      // The window's Chromium holds the database: found by its profile in this test's own user-data
      // folder, killed by pid with main, then waited for until gone (its lock is then stale).
      const browserPids = processesUsing(join(userDataDir, 'chromium-profile'));
      for (const pid of browserPids) signal(pid);
      child.kill('SIGKILL');
      await exitPromise;
      while (browserPids.some(alive)) await new Promise((r) => setTimeout(r, 50));
      await browser.close().catch(() => {});
    },
    async close() {
      if (!exited) child.stdin?.write(`${JSON.stringify({ cmd: 'quit' })}\n`);
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exitPromise;
      clearTimeout(timer);
      await browser.close().catch(() => {});
    },
  };
}

/** Ids of the processes whose command line names `path` (Linux /proc). */
function processesUsing(path: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(path)) pids.push(Number(entry));
    } catch {
      // Gone meanwhile.
    }
  }
  return pids;
}

function signal(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** True while `pid` runs (a zombie counts as gone). */
function alive(pid: number): boolean {
  try {
    return !/^\S+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}
