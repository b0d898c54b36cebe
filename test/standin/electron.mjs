// A small stand-in for the `electron` module: just enough of the API Lectern's main process uses,
// backed by a Playwright-driven Chromium. It is set up by run.mjs through globalThis.__lecternStandin.
import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';

const S = globalThis.__lecternStandin;
if (!S) throw new Error('the electron stand-in must be started through test/standin/run.mjs');

const pkg = JSON.parse(readFileSync(join(S.appDir, 'package.json'), 'utf8'));
const say = (event, data = {}) => process.stdout.write(`@@standin ${JSON.stringify({ event, ...data })}\n`);

class App extends EventEmitter {
  #ready;
  #paths = {
    userData: S.userDataDir,
    temp: '/tmp',
    home: homedir(),
    // Electron reads XDG_DOWNLOAD_DIR on Linux, else ~/Downloads.
    downloads: process.env.XDG_DOWNLOAD_DIR ?? join(homedir(), 'Downloads'),
  };
  isPackaged = false;
  constructor() {
    super();
    this.#ready = new Promise((r) => setImmediate(() => this.emit('ready') && 0, r()));
  }
  whenReady() {
    return this.#ready;
  }
  isReady() {
    return true;
  }
  getPath(name) {
    return this.#paths[name] ?? join(S.userDataDir, name);
  }
  setPath(name, value) {
    this.#paths[name] = value;
    if (name === 'userData') S.userDataDir = value;
  }
  getAppPath() {
    return S.appDir;
  }
  getName() {
    return pkg.productName ?? pkg.name;
  }
  getVersion() {
    return pkg.version;
  }
  requestSingleInstanceLock() {
    return true;
  }
  quit() {
    let prevented = false;
    this.emit('before-quit', { preventDefault: () => (prevented = true) });
    if (prevented) return;
    this.emit('will-quit', { preventDefault() {} });
    void S.shutdown(0);
  }
  exit(code = 0) {
    void S.shutdown(code);
  }
}
export const app = new App();

const handlers = new Map();
export const ipcMain = {
  handle(channel, fn) {
    if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    handlers.set(channel, fn);
  },
  removeHandler: (channel) => handlers.delete(channel),
  on() {},
};

const windows = new Set();
const preloadSource = (path) => `(() => {
  if (location.pathname.startsWith('/__lectern-standin/')) return; // the stand-in's own window page
  const listeners = new Map();
  const electron = {
    contextBridge: { exposeInMainWorld: (key, api) => Object.defineProperty(window, key, { value: api, enumerable: true }) },
    ipcRenderer: {
      invoke: (channel, ...args) => window.__lecternStandinInvoke(channel, args),
      on: (event, fn) => { if (!listeners.has(event)) listeners.set(event, new Set()); listeners.get(event).add(fn); },
      removeListener: (event, fn) => listeners.get(event)?.delete(fn),
    },
  };
  Object.defineProperty(window, '__lecternStandinEmit', {
    value: (event, payload) => { for (const fn of listeners.get(event) ?? []) fn({}, payload); },
  });
  const module = { exports: {} };
  const require = (id) => { if (id === 'electron') return electron; throw new Error('preload may only require electron: ' + id); };
  (function (require, module, exports) {\n${readFileSync(path, 'utf8')}\n})(require, module, module.exports);
})();`;

class WebContents extends EventEmitter {
  url = '';
  openHandler = () => ({ action: 'deny' });
  constructor(win) {
    super();
    this.win = win;
  }
  setWindowOpenHandler(fn) {
    this.openHandler = fn;
  }
  getURL() {
    return this.url;
  }
  isDestroyed() {
    return this.win.destroyed;
  }
  send(event, payload) {
    void this.win.frame
      ?.evaluate(([e, p]) => window.__lecternStandinEmit?.(e, p), [event, payload])
      .catch(() => {});
  }
  async printToPDF() {
    return S.printToPdf(this.url);
  }
  openDevTools() {}
}

export class BrowserWindow extends EventEmitter {
  destroyed = false;
  page = null;
  constructor(options = {}) {
    super();
    this.options = options;
    this.bounds = {
      x: options.x ?? 0,
      y: options.y ?? 0,
      width: options.width ?? 800,
      height: options.height ?? 600,
    };
    this.webContents = new WebContents(this);
    windows.add(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  static getAllWindows() {
    return [...windows].filter((w) => !w.destroyed);
  }
  static fromWebContents(wc) {
    return [...windows].find((w) => w.webContents === wc) ?? null;
  }
  async loadURL(url) {
    this.webContents.url = url;
    // Windows without a preload (e.g. the PDF renderer) stay virtual: printToPDF renders their URL.
    if (!this.options.webPreferences?.preload) return;
    this.page = await S.openPage(this, preloadSource(this.options.webPreferences.preload), invokeFromPage);
    this.emit('ready-to-show');
    this.webContents.emit('did-finish-load');
  }
  loadFile(path) {
    return this.loadURL(new URL(`file://${path}`).href);
  }
  show() {}
  focus() {}
  restore() {}
  maximize() {}
  isMinimized() {
    return false;
  }
  isMaximized() {
    return false;
  }
  isDestroyed() {
    return this.destroyed;
  }
  getBounds() {
    return { ...this.bounds };
  }
  getNormalBounds() {
    return { ...this.bounds };
  }
  close() {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (!prevented) this.destroy();
  }
  destroy() {
    if (this.destroyed) return;
    this.destroyed = true;
    windows.delete(this);
    void this.page?.close().catch(() => {});
    this.emit('closed');
    if (BrowserWindow.getAllWindows().length === 0) app.emit('window-all-closed');
  }
}

async function invokeFromPage(win, frameUrl, channel, args) {
  const fn = handlers.get(channel);
  if (!fn) throw new Error(`No handler registered for '${channel}'`);
  const event = {
    sender: win.webContents,
    senderFrame: { url: S.toAppUrl(frameUrl) },
    processId: 1,
    frameId: 1,
  };
  return fn(event, ...args);
}

const permission = { request: null, check: null };
export const session = {
  defaultSession: {
    setPermissionRequestHandler: (fn) => (permission.request = fn),
    setPermissionCheckHandler: (fn) => (permission.check = fn),
  },
};
S.permissions = permission;

/** In `npm start`'s window (S.desktop), links and folders open with the desktop's opener, as Electron's do. */
function desktopOpen(target) {
  if (!S.desktop) return;
  spawn('xdg-open', [target], { detached: true, stdio: 'ignore' })
    .on('error', () => {})
    .unref();
}

export const shell = {
  async openExternal(url) {
    say('open-external', { url });
    desktopOpen(url);
  },
  async openPath(path) {
    say('open-path', { path });
    desktopOpen(path);
    return '';
  },
};

/** Where the stand-in saves when no test names a folder: Electron's downloads folder, then `Lectern`. */
function saveFolder() {
  return join(app.getPath('downloads'), 'Lectern');
}

/** `name` in `dir`, or `name (2)` … when that file exists: a save never overwrites without asking. */
function freshPath(dir, name) {
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let n = 1; ; n++) {
    const candidate = join(dir, n === 1 ? name : `${stem} (${n})${ext}`);
    if (!existsSync(candidate)) return candidate;
  }
}

export const dialog = {
  async showOpenDialog(_win, options) {
    const opts = options ?? _win ?? {};
    const files = process.env.LECTERN_TEST_OPEN_FILES;
    if (files) return { canceled: false, filePaths: JSON.parse(files) };
    // In a window with the stand-in's menu bar, Chromium's own file chooser stands in for the OS dialog.
    const extensions = (opts.filters?.[0]?.extensions ?? []).filter((x) => x !== '*');
    const chosen = (await S.chooseFiles?.(extensions)) ?? null;
    if (chosen) return { canceled: chosen.length === 0, filePaths: chosen };
    say('dialog', {
      kind: 'open',
      note: 'no native dialog in the stand-in; use the Import screen or drag a file',
    });
    return { canceled: true, filePaths: [] };
  },
  /**
   * No native dialog: a test names the folder (LECTERN_TEST_SAVE_DIR); otherwise the file goes to
   * ~/Downloads/Lectern (Electron's downloads path) under a name not yet taken, and the app names it.
   */
  async showSaveDialog(_win, options) {
    const opts = options ?? _win ?? {};
    const dir = process.env.LECTERN_TEST_SAVE_DIR ?? saveFolder();
    mkdirSync(dir, { recursive: true });
    const name = basename(opts.defaultPath ?? 'lectern-export');
    const filePath = process.env.LECTERN_TEST_SAVE_DIR ? join(dir, name) : freshPath(dir, name);
    say('saved', { filePath });
    return { canceled: false, filePath };
  },
  async showMessageBox(_win, options) {
    const opts = options ?? _win ?? {};
    say('message-box', { message: opts.message, detail: opts.detail });
    return { response: 0 };
  },
  showErrorBox(title, content) {
    say('error-box', { title, content });
  },
};

/** Electron's labels, accelerators (Linux) and submenus for the roles Lectern's menu uses. */
const ROLES = {
  undo: { label: 'Undo', accelerator: 'CmdOrCtrl+Z' },
  redo: { label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z' },
  cut: { label: 'Cut', accelerator: 'CmdOrCtrl+X' },
  copy: { label: 'Copy', accelerator: 'CmdOrCtrl+C' },
  paste: { label: 'Paste', accelerator: 'CmdOrCtrl+V' },
  delete: { label: 'Delete' },
  selectAll: { label: 'Select All', accelerator: 'CmdOrCtrl+A' },
  reload: { label: 'Reload', accelerator: 'CmdOrCtrl+R' },
  forceReload: { label: 'Force Reload', accelerator: 'Shift+CmdOrCtrl+R' },
  toggleDevTools: { label: 'Toggle Developer Tools', accelerator: 'CmdOrCtrl+Shift+I' },
  resetZoom: { label: 'Actual Size', accelerator: 'CmdOrCtrl+0' },
  zoomIn: { label: 'Zoom In', accelerator: 'CmdOrCtrl+Plus' },
  zoomOut: { label: 'Zoom Out', accelerator: 'CmdOrCtrl+-' },
  togglefullscreen: { label: 'Toggle Full Screen', accelerator: 'F11' },
  quit: { label: 'Quit', accelerator: 'CmdOrCtrl+Q' },
  close: { label: 'Close Window', accelerator: 'CmdOrCtrl+W' },
  minimize: { label: 'Minimize', accelerator: 'CmdOrCtrl+M' },
  editMenu: {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'delete' },
      { type: 'separator' },
      { role: 'selectAll' },
    ],
  },
};
/** Roles that act in the window's page (the stand-in's menu bar performs them); the others act in main. */
const PAGE_ROLES = new Set([
  'undo',
  'redo',
  'cut',
  'copy',
  'paste',
  'delete',
  'selectAll',
  'reload',
  'forceReload',
  'toggleDevTools',
  'resetZoom',
  'zoomIn',
  'zoomOut',
  'togglefullscreen',
]);

/** A template item with its role's label, accelerator and submenu filled in, as Electron shows it. */
function resolveItem(item) {
  const role = item.role ? ROLES[item.role] : undefined;
  const submenu = item.submenu ?? role?.submenu;
  return {
    ...item,
    label: item.label ?? role?.label ?? '',
    accelerator: item.accelerator ?? role?.accelerator,
    submenu: submenu ? submenu.map(resolveItem) : undefined,
  };
}

let appMenu = null;
export const Menu = {
  buildFromTemplate: (template) => ({ items: template.map(resolveItem) }),
  setApplicationMenu: (menu) => {
    appMenu = menu;
    S.menuChanged?.();
  },
  getApplicationMenu: () => appMenu,
};

function findItem(labels) {
  let items = appMenu?.items ?? [];
  let item = null;
  for (const label of labels) {
    item = items.find((i) => i.label === label) ?? null;
    if (!item) throw new Error(`no menu item "${labels.join(' ▸ ')}"`);
    items = item.submenu ?? [];
  }
  return item;
}

/** Runs an item as Electron would: its click, or its role. Page roles come back for the window to do. */
function runItem(item) {
  const win = BrowserWindow.getAllWindows()[0];
  if (item.click) {
    item.click(item, win, {});
    return null;
  }
  if (item.role === 'quit') app.quit();
  else if (item.role === 'close') win?.close();
  else if (item.role && PAGE_ROLES.has(item.role)) return item.role;
  return null;
}

/** Clicks a menu item by its labels, e.g. ['File', 'Import pack…']; a page role is returned to the caller. */
S.clickMenu = (labels) => runItem(findItem(labels));

/** The menu as plain data for the stand-in's menu bar (labels, accelerators, roles, separators). */
S.menuData = () => {
  const plain = (i) =>
    i.type === 'separator'
      ? { type: 'separator' }
      : {
          label: i.label,
          accelerator: i.accelerator ?? null,
          role: i.role ?? null,
          enabled: i.enabled !== false,
          submenu: i.submenu ? i.submenu.map(plain) : null,
        };
  return (appMenu?.items ?? []).map(plain);
};

/** The accelerators main's menu answers (Electron catches them before the page does), normalized. */
S.menuAccelerators = () => {
  const out = [];
  const walk = (items, path) => {
    for (const i of items ?? []) {
      if (i.submenu) walk(i.submenu, [...path, i.label]);
      else if (i.accelerator && !PAGE_ROLES.has(i.role))
        out.push({ key: normalizeAccelerator(i.accelerator), path: [...path, i.label] });
    }
  };
  walk(appMenu?.items, []);
  return out;
};

/** `CmdOrCtrl+Shift+O` → `ctrl+shift+o`: the form the window's key listener builds from a keydown. */
export function normalizeAccelerator(accelerator) {
  const parts = accelerator.split('+').map((p) => p.toLowerCase());
  const key = parts.pop() ?? '';
  const mods = new Set(
    parts.map((m) =>
      m === 'cmdorctrl' || m === 'commandorcontrol' || m === 'cmd' || m === 'command' || m === 'control'
        ? 'ctrl'
        : m === 'option'
          ? 'alt'
          : m,
    ),
  );
  return [...['ctrl', 'alt', 'shift'].filter((m) => mods.has(m)), key === 'plus' ? '+' : key].join('+');
}

/** Runs the item an accelerator names; false when no item answers it. */
S.runAccelerator = (key) => {
  const hit = S.menuAccelerators().find((a) => a.key === key);
  if (!hit) return false;
  runItem(findItem(hit.path));
  return true;
};

export const nativeTheme = Object.assign(new EventEmitter(), {
  shouldUseDarkColors: false,
  themeSource: 'system',
});
export const screen = {
  getAllDisplays: () => [
    {
      id: 1,
      workArea: { x: 0, y: 0, width: 1920, height: 1080 },
      bounds: { x: 0, y: 0, width: 1920, height: 1080 },
    },
  ],
  getPrimaryDisplay: () => screen.getAllDisplays()[0],
};
S.app = app;
S.windows = windows;

export default { app, ipcMain, BrowserWindow, session, shell, dialog, Menu, nativeTheme, screen };
