/** The application menu: File, Edit, View, Help ▸ About. Commands go to the renderer as events. */
import { type BrowserWindow, Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from './ipc/contract';

export interface MenuActions {
  window: () => BrowserWindow | null;
  openBackupsFolder: () => void;
}

export function buildMenuTemplate(actions: MenuActions): MenuItemConstructorOptions[] {
  const send = (command: MenuCommand) => () =>
    actions.window()?.webContents.send('menu:command', { command });
  const isMac = process.platform === 'darwin';
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Import pack…', accelerator: 'CmdOrCtrl+O', click: send('import-pack') },
        { type: 'separator' },
        { label: 'Library', accelerator: 'CmdOrCtrl+1', click: send('open-library') },
        { label: 'Self-test', accelerator: 'CmdOrCtrl+2', click: send('open-selftest') },
        { label: 'Statistics', accelerator: 'CmdOrCtrl+3', click: send('open-stats') },
        { label: 'Browse', accelerator: 'CmdOrCtrl+4', click: send('open-browse') },
        { label: 'Settings', accelerator: 'CmdOrCtrl+,', click: send('open-settings') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: 'Help',
      submenu: [
        { label: 'Open backups folder', click: () => actions.openBackupsFolder() },
        // The renderer shows About (version, data folder) in its own accessible dialog.
        { label: 'About Lectern', click: send('about') },
      ],
    },
  ];
}

export function installMenu(actions: MenuActions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(actions)));
}
