/** The one main window, secure by default. */
import { BrowserWindow, nativeTheme } from 'electron';
import { preloadPath, rendererUrl } from './paths';
import { guardNavigation } from './security';
import { loadWindowState, trackWindowState } from './window-state';

export function createMainWindow(): BrowserWindow {
  const state = loadWindowState();
  const win = new BrowserWindow({
    ...state,
    minWidth: 640,
    minHeight: 480,
    show: false,
    title: 'Lectern',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#16181d' : '#fbfaf7',
    webPreferences: {
      preload: preloadPath(),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true,
    },
  });
  if (state.maximized) win.maximize();
  trackWindowState(win);
  guardNavigation(win.webContents, rendererUrl());
  win.once('ready-to-show', () => win.show());
  void win.loadURL(rendererUrl());
  return win;
}
