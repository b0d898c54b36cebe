#!/usr/bin/env node
// Runs Lectern's built main process under Node with the `electron` stand-in, its window being a page
// in Debian's Chromium. Used by `npm start` when no Electron binary exists, and by the e2e launcher.
//   node test/standin/run.mjs [--headed] [--menu-bar] [files…]
// --headed: a visible window in Chromium's app mode (no tabs, no address bar, no infobar).
// --menu-bar (`npm start`): the window draws main's application menu above the page (test/standin/window/).
// Env: LECTERN_USER_DATA_DIR (profile + app data), CHROMIUM_PATH, LECTERN_TEST_OPEN_FILES, LECTERN_TEST_SAVE_DIR.
// Protocol: prints `@@standin {json}` lines (ready, open-external, saved, …); reads JSON commands on stdin:
//   {"cmd":"menu","path":["File","Import pack…"]}  {"cmd":"quit"}  {"cmd":"open-files","paths":[…]}
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { register } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { basename, extname, join, normalize, resolve, sep } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

/** Fixed origin: IndexedDB is per origin, so the same origin must come back on every launch. */
export const ORIGIN = 'http://127.0.0.1:41739';

const appDir = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const rendererDir = join(appDir, 'out', 'renderer');
const headed = process.argv.includes('--headed');
const menuBar = process.argv.includes('--menu-bar');
const windowDir = resolve(fileURLToPath(new URL('./window', import.meta.url)));
/** The stand-in's own window page (menu bar + the app in a frame), served beside the app at ORIGIN. */
const SHELL_PATH = '/__lectern-standin/';
const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const userDataDir = resolve(process.env.LECTERN_USER_DATA_DIR ?? join(homedir(), '.config', 'Lectern'));
const say = (event, data = {}) => process.stdout.write(`@@standin ${JSON.stringify({ event, ...data })}\n`);

function chromiumPath() {
  for (const p of [
    process.env.CHROMIUM_PATH,
    '/usr/lib/chromium/chromium',
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
  ]) {
    if (p && existsSync(p)) return p;
  }
  throw new Error('Chromium not found: install it (apt-get install -y chromium) or set CHROMIUM_PATH');
}

const MIME = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** The app window's first page until the app loads: empty, titled Lectern. */
const APP_BLANK = 'data:text/html,<title>Lectern</title>';

mkdirSync(userDataDir, { recursive: true });
const profileDir = join(userDataDir, 'chromium-profile');
const context = await chromium.launchPersistentContext(profileDir, {
  executablePath: chromiumPath(),
  headless: !headed,
  viewport: headed ? null : { width: 1200, height: 820 },
  // Headed, the window opens in app mode: Playwright's own first tab (about:blank) would be a normal
  // browser window with tabs and an address bar, so it is left out. Running as root needs Playwright's
  // --no-sandbox; --test-type hides the "unsupported command-line flag" bar that it brings.
  ignoreDefaultArgs: headed ? ['about:blank'] : [],
  args: [
    '--remote-debugging-port=0',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    ...(headed ? ['--window-size=1200,820', `--app=${APP_BLANK}`, '--test-type'] : []),
  ],
  colorScheme: process.env.LECTERN_COLOR_SCHEME ?? null,
});

// Our page is served from out/renderer at the fixed origin; every other request is refused (offline by design).
await context.route('**/*', async (route) => {
  const request = route.request();
  const url = new URL(request.url());
  if (url.origin === ORIGIN) {
    const shell = url.pathname.startsWith(SHELL_PATH);
    const root = shell ? windowDir : rendererDir;
    const path = normalize(join(root, decodeURIComponent(url.pathname.slice(shell ? SHELL_PATH.length : 0))));
    if (!path.startsWith(root + sep)) return route.fulfill({ status: 403 });
    try {
      const body = await readFile(path);
      return route.fulfill({
        status: 200,
        body,
        contentType: MIME[extname(path)] ?? 'application/octet-stream',
      });
    } catch {
      return route.fulfill({ status: 404, body: 'not found' });
    }
  }
  if (url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
  if (request.isNavigationRequest()) {
    let frame = null;
    try {
      frame = request.frame();
    } catch {
      // a pop-up's first request comes before its frame exists: it is refused below
    }
    const win = [...(S.windows ?? [])].find((w) => w.frame === frame);
    let prevented = false;
    win?.webContents.emit('will-navigate', { preventDefault: () => (prevented = true) }, request.url());
    // A 204 answer cancels a navigation and leaves the current page as it is, as preventDefault does in Electron.
    if (prevented || !win) return route.fulfill({ status: 204 });
  }
  return route.abort('internetdisconnected');
});

// Pop-ups: ask the window-open handler (ours always denies), then close them.
context.on('page', async (page) => {
  if (pagesWeOpened.has(page) || !(await page.opener())) return;
  const owner = [...(S.windows ?? [])][0];
  const decision = owner?.webContents.openHandler({ url: page.url() }) ?? { action: 'deny' };
  if (decision.action === 'deny') void page.close().catch(() => {});
});
const pagesWeOpened = new WeakSet();

/**
 * In every frame of the window: a key that main's menu answers (Ctrl+O, Ctrl+1 …) runs the menu item
 * before the page sees it, as Electron's menu does. Chromium's own keys (zoom, reload) stay Chromium's.
 */
function acceleratorScript(keys) {
  window.__lecternStandinAccelerators = keys;
  window.addEventListener(
    'keydown',
    (e) => {
      if (!e.ctrlKey && !e.altKey && !/^F\d+$/.test(e.key)) return;
      const mods = [e.ctrlKey || e.metaKey ? 'ctrl' : '', e.altKey ? 'alt' : '', e.shiftKey ? 'shift' : ''];
      const key = [...mods.filter(Boolean), e.key.toLowerCase()].join('+');
      if (!window.__lecternStandinAccelerators.includes(key)) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      void window.__lecternStandinMenu('accelerator', key);
    },
    true,
  );
}

/** The menu bar's requests: the menu as data, a click on an item, an accelerator. */
function menuOp(op, arg) {
  if (op === 'template') return S.menuData();
  if (op === 'click') return S.clickMenu(arg);
  if (op === 'accelerator') return S.runAccelerator(arg);
  throw new Error(`unknown menu request ${op}`);
}

/** Gives the headed window the size and place main asked for (the window state it saved). */
async function sizeWindow(page, bounds) {
  const cdp = await context.newCDPSession(page);
  try {
    const { windowId } = await cdp.send('Browser.getWindowForTarget');
    await cdp.send('Browser.setWindowBounds', {
      windowId,
      bounds: { left: bounds.x, top: bounds.y, width: bounds.width, height: bounds.height },
    });
  } finally {
    await cdp.detach().catch(() => {});
  }
}

let pdfBrowser = null;
let shuttingDown = false;
const S = {
  appDir,
  userDataDir,
  desktop: menuBar,
  windows: null,
  toAppUrl(url) {
    return url.startsWith(`${ORIGIN}/`) ? pathToFileURL(join(rendererDir, new URL(url).pathname)).href : url;
  },
  toBrowserUrl(url) {
    if (!url.startsWith('file:')) return url;
    const path = fileURLToPath(url);
    return path.startsWith(rendererDir + sep)
      ? `${ORIGIN}/${path
          .slice(rendererDir.length + 1)
          .split(sep)
          .join('/')}`
      : url;
  },
  async openPage(win, preload, invoke) {
    const blank = context
      .pages()
      .find((p) => (p.url() === 'about:blank' || p.url().startsWith('data:')) && !pagesWeOpened.has(p));
    const page = blank ?? (await context.newPage());
    pagesWeOpened.add(page);
    win.page = page;
    win.frame = page.mainFrame();
    page.on('close', () => win.destroy());
    await page.exposeBinding('__lecternStandinInvoke', (source, channel, args) =>
      invoke(win, source.frame.url(), channel, args),
    );
    await page.exposeBinding('__lecternStandinMenu', (_source, op, arg) => menuOp(op, arg));
    await page.addInitScript(acceleratorScript, S.menuAccelerators?.().map((a) => a.key) ?? []);
    await page.addInitScript(preload);
    if (headed) await sizeWindow(page, win.getBounds()).catch(() => {});
    const appUrl = S.toBrowserUrl(win.webContents.url);
    if (menuBar) {
      await page.goto(`${ORIGIN}${SHELL_PATH}window.html#${encodeURIComponent(appUrl)}`);
      const frame = await (await page.waitForSelector('iframe#app', { state: 'attached' })).contentFrame();
      if (!frame) throw new Error('the stand-in window has no app frame');
      await frame.waitForURL(appUrl);
      win.frame = frame;
    } else {
      await page.goto(appUrl);
    }
    win.loaded = true;
    return page;
  },
  /** Shows Chromium's file chooser in the menu-bar window; the chosen files' paths (copies), or null. */
  async chooseFiles(extensions) {
    const win = [...(S.windows ?? [])].find((w) => w.page && w.frame !== w.page.mainFrame());
    if (!win) return null;
    const cdp = await context.newCDPSession(win.page);
    try {
      // A chooser opens only from a user gesture; the OS dialog of Electron needs none.
      const { result } = await cdp.send('Runtime.evaluate', {
        expression: `window.__lecternStandinChooseFiles(${JSON.stringify(extensions)})`,
        awaitPromise: true,
        returnByValue: true,
        userGesture: true,
      });
      const files = result.value ?? [];
      const dir = mkdtempSync(join(tmpdir(), 'lectern-open-'));
      return files.map((f) => {
        const path = join(dir, basename(f.name));
        writeFileSync(path, Buffer.from(f.base64, 'base64'));
        return path;
      });
    } finally {
      await cdp.detach().catch(() => {});
    }
  },
  /** Main set a new application menu: live pages learn its accelerators, the menu bar redraws. */
  menuChanged() {
    const keys = S.menuAccelerators().map((a) => a.key);
    for (const win of S.windows ?? []) {
      for (const frame of win.page?.frames() ?? []) {
        void frame
          .evaluate((k) => {
            window.__lecternStandinAccelerators = k;
            window.__lecternStandinMenuChanged?.();
          }, keys)
          .catch(() => {});
      }
    }
  },
  async printToPdf(url) {
    pdfBrowser ??= await chromium.launch({ executablePath: chromiumPath(), headless: true });
    const page = await pdfBrowser.newPage({ javaScriptEnabled: false });
    try {
      await page.goto(url);
      return await page.pdf({ format: 'A4', printBackground: true });
    } finally {
      await page.close();
    }
  },
  async shutdown(code) {
    if (shuttingDown) return;
    shuttingDown = true;
    say('exit', { code });
    await pdfBrowser?.close().catch(() => {});
    await context.close().catch(() => {});
    process.exit(code);
  },
};
globalThis.__lecternStandin = S;

register('./hooks.mjs', import.meta.url);
process.argv = [process.execPath, appDir, ...files];
const mainPath = join(appDir, JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8')).main);
if (!existsSync(mainPath)) {
  console.error(`The app is not built: ${mainPath} is missing. Run "npm run build" first.`);
  await S.shutdown(1);
}
await import(pathToFileURL(mainPath).href);

// Ready once the main window's page has loaded.
const started = Date.now();
while (![...(S.windows ?? [])].some((w) => w.loaded) && Date.now() - started < 30_000) {
  await new Promise((r) => setTimeout(r, 25));
}
const port = readFileSync(join(profileDir, 'DevToolsActivePort'), 'utf8').split('\n')[0];
say('ready', { cdp: `http://127.0.0.1:${port}`, origin: ORIGIN });

context.on('close', () => void S.shutdown(0));
createInterface({ input: process.stdin }).on('line', (line) => {
  let msg;
  try {
    msg = JSON.parse(line);
  } catch {
    return;
  }
  try {
    if (msg.cmd === 'menu') {
      const role = S.clickMenu(msg.path);
      if (role) void [...S.windows][0]?.page?.evaluate((r) => window.__lecternStandinRole?.(r), role);
    } else if (msg.cmd === 'quit') S.app.quit();
    else if (msg.cmd === 'open-files')
      S.app.emit('second-instance', {}, [process.execPath, appDir, ...msg.paths], appDir);
    say('ack', { id: msg.id ?? null });
  } catch (err) {
    say('ack', { id: msg.id ?? null, error: String(err?.message ?? err) });
  }
});
