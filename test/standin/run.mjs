#!/usr/bin/env node
// Runs Lectern's built main process under Node with the `electron` stand-in, its window being a page
// in Debian's Chromium. Used by `npm start` when no Electron binary exists, and by the e2e launcher.
//   node test/standin/run.mjs [--headed] [files…]
// Env: LECTERN_USER_DATA_DIR (profile + app data), CHROMIUM_PATH, LECTERN_TEST_OPEN_FILES, LECTERN_TEST_SAVE_DIR.
// Protocol: prints `@@standin {json}` lines (ready, open-external, saved, …); reads JSON commands on stdin:
//   {"cmd":"menu","path":["File","Import pack…"]}  {"cmd":"quit"}  {"cmd":"open-files","paths":[…]}
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { register } from 'node:module';
import { homedir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

/** Fixed origin: IndexedDB is per origin, so the same origin must come back on every launch. */
export const ORIGIN = 'http://127.0.0.1:41739';

const appDir = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const rendererDir = join(appDir, 'out', 'renderer');
const headed = process.argv.includes('--headed');
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

mkdirSync(userDataDir, { recursive: true });
const profileDir = join(userDataDir, 'chromium-profile');
const context = await chromium.launchPersistentContext(profileDir, {
  executablePath: chromiumPath(),
  headless: !headed,
  viewport: headed ? null : { width: 1200, height: 820 },
  args: [
    '--remote-debugging-port=0',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    ...(headed ? ['--window-size=1200,820', '--app=about:blank'] : []),
  ],
  colorScheme: process.env.LECTERN_COLOR_SCHEME ?? null,
});

// Our page is served from out/renderer at the fixed origin; every other request is refused (offline by design).
await context.route('**/*', async (route) => {
  const request = route.request();
  const url = new URL(request.url());
  if (url.origin === ORIGIN) {
    const path = normalize(join(rendererDir, decodeURIComponent(url.pathname)));
    if (!path.startsWith(rendererDir + sep)) return route.fulfill({ status: 403 });
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
    const win = [...(S.windows ?? [])].find((w) => w.page?.mainFrame() === frame);
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

let pdfBrowser = null;
let shuttingDown = false;
const S = {
  appDir,
  userDataDir,
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
    const blank = context.pages().find((p) => p.url() === 'about:blank' && !pagesWeOpened.has(p));
    const page = blank ?? (await context.newPage());
    pagesWeOpened.add(page);
    win.page = page;
    page.on('close', () => win.destroy());
    await page.exposeBinding('__lecternStandinInvoke', (source, channel, args) =>
      invoke(win, source.frame.url(), channel, args),
    );
    await page.addInitScript(preload);
    await page.goto(S.toBrowserUrl(win.webContents.url));
    win.loaded = true;
    return page;
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
    if (msg.cmd === 'menu') S.clickMenu(msg.path);
    else if (msg.cmd === 'quit') S.app.quit();
    else if (msg.cmd === 'open-files')
      S.app.emit('second-instance', {}, [process.execPath, appDir, ...msg.paths], appDir);
    say('ack', { id: msg.id ?? null });
  } catch (err) {
    say('ack', { id: msg.id ?? null, error: String(err?.message ?? err) });
  }
});
