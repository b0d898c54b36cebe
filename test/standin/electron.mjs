// A small stand-in for the `electron` module: just enough of the API Lectern's main process uses,
// backed by a Playwright-driven Chromium. It is set up by run.mjs through globalThis.__lecternStandin.
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const S = globalThis.__lecternStandin;
if (!S) throw new Error('the electron stand-in must be started through test/standin/run.mjs');

const pkg = JSON.parse(readFileSync(join(S.appDir, 'package.json'), 'utf8'));
const say = (event, data = {}) => process.stdout.write(`@@standin ${JSON.stringify({ event, ...data })}\n`);

class App extends EventEmitter {
  #ready;
  #paths = { userData: S.userDataDir, temp: '/tmp', home: process.env.HOME ?? '/tmp' };
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
    void this.win.page
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

export const shell = {
  async openExternal(url) {
    say('open-external', { url });
  },
  async openPath(path) {
    say('open-path', { path });
    return '';
  },
};

export const dialog = {
  async showOpenDialog() {
    const files = process.env.LECTERN_TEST_OPEN_FILES;
    if (files) return { canceled: false, filePaths: JSON.parse(files) };
    say('dialog', {
      kind: 'open',
      note: 'no native dialog in the stand-in; use the Import screen or drag a file',
    });
    return { canceled: true, filePaths: [] };
  },
  async showSaveDialog(_win, options) {
    const opts = options ?? _win ?? {};
    const dir = process.env.LECTERN_TEST_SAVE_DIR;
    if (!dir) {
      say('dialog', { kind: 'save', note: 'no native dialog in the stand-in; set LECTERN_TEST_SAVE_DIR' });
      return { canceled: true };
    }
    const filePath = join(dir, basename(opts.defaultPath ?? 'lectern-export'));
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

let appMenu = null;
export const Menu = {
  buildFromTemplate: (template) => ({ items: template }),
  setApplicationMenu: (menu) => (appMenu = menu),
  getApplicationMenu: () => appMenu,
};
/** Clicks a menu item by its labels, e.g. ['File', 'Import pack…']. */
S.clickMenu = (labels) => {
  let items = appMenu?.items ?? [];
  let item = null;
  for (const label of labels) {
    item = items.find((i) => i.label === label) ?? null;
    if (!item) throw new Error(`no menu item "${labels.join(' ▸ ')}"`);
    items = item.submenu ?? [];
  }
  item?.click?.(item, BrowserWindow.getAllWindows()[0], {});
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
