/**
 * Lectern's main process: lifecycle, the window, the menu and the IPC handlers. It knows nothing
 * about scheduling or quizzes; the renderer owns those.
 */
import { join, resolve } from 'node:path';
import { app, type BrowserWindow, dialog, ipcMain, type OpenDialogOptions, session, shell } from 'electron';
import { isPackPath } from './files';
import { registerBackupHandlers } from './ipc/backup-handlers';
import { BackupStreams, removeInterruptedWrites } from './ipc/backup-streams';
import { registerContentHandlers } from './ipc/content-handlers';
import { DATABASE_RECORD_FILE, pinnedBackup, registerDatabaseRecordHandlers } from './ipc/db-record';
import { PendingFiles, registerFileHandlers } from './ipc/file-handlers';
import { registerFsrsHandlers } from './ipc/fsrs-handlers';
import { createHandlerRegistry, HandlerError } from './ipc/handle';
import { registerSyncHandlers, SYNC_SETTING_FILE } from './ipc/sync-handlers';
import { installMenu } from './menu';
import { backupsDir, rendererUrl } from './paths';
import { denyAllPermissions, externalWebUrl, isOwnPage } from './security';
import { createMainWindow } from './window';

if (process.env.LECTERN_USER_DATA_DIR) app.setPath('userData', resolve(process.env.LECTERN_USER_DATA_DIR));

let mainWindow: BrowserWindow | null = null;
const pending = new PendingFiles();

/** Pack files named on a command line (ours or a second instance's). */
function filesFromArgv(argv: string[]): string[] {
  return argv.slice(app.isPackaged ? 1 : 2).filter(isPackPath);
}

function announcePending(paths: string[]): void {
  if (paths.length === 0) return;
  pending.add(paths);
  mainWindow?.webContents.send('files:pending', {});
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  pending.add(filesFromArgv(process.argv));
  app.on('second-instance', (_event, argv) => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
    announcePending(filesFromArgv(argv));
  });
  app.on('open-file', (event, path) => {
    event.preventDefault();
    announcePending([path]);
  });
  void app.whenReady().then(start);
}

function start(): void {
  denyAllPermissions(session.defaultSession);
  app.on('web-contents-created', (_e, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  const registry = createHandlerRegistry(ipcMain, (url) => isOwnPage(url, rendererUrl()));
  const { handle } = registry;
  handle('app:info', () => ({
    name: app.getName(),
    version: app.getVersion(),
    electron: process.versions.electron ?? null,
    platform: process.platform,
    userDataDir: app.getPath('userData'),
    backupsDir: backupsDir(),
  }));
  handle('shell:open-external', async (_e, req) => {
    const url = externalWebUrl(String(req?.url ?? ''));
    if (!url) throw new HandlerError('forbidden', 'only http(s) links open outside Lectern');
    await shell.openExternal(url);
    return null;
  });
  handle('app:quit-ready', () => {
    quitReady?.();
    return null;
  });
  registerContentHandlers(registry);
  registerFileHandlers(registry, pending);
  registerFsrsHandlers(registry);
  const recordFile = () => join(app.getPath('userData'), DATABASE_RECORD_FILE);
  registerDatabaseRecordHandlers(registry, recordFile);
  const journal = join(app.getPath('userData'), 'backup-writes.json');
  // Before any new write: the temporary files of exports and backups a crash or kill cut short.
  removeInterruptedWrites(journal, backupsDir());
  registerBackupHandlers(registry, backupsDir, {
    streams: new BackupStreams(Date.now, undefined, journal),
    pinned: () => pinnedBackup(recordFile()),
  });

  registerSyncHandlers(registry, {
    settingFile: () => join(app.getPath('userData'), SYNC_SETTING_FILE),
    fixedFolder: process.env.LECTERN_SYNC_DIR ? resolve(process.env.LECTERN_SYNC_DIR) : null,
    chooseFolder: async () => {
      const options: OpenDialogOptions = {
        title: 'Choose a sync folder',
        properties: ['openDirectory', 'createDirectory'],
      };
      const res = mainWindow
        ? await dialog.showOpenDialog(mainWindow, options)
        : await dialog.showOpenDialog(options);
      return res.canceled ? null : (res.filePaths[0] ?? null);
    },
    notify: () => mainWindow?.webContents.send('sync:changed', {}),
  });

  mainWindow = createMainWindow();
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  installMenu({
    window: () => mainWindow,
    openBackupsFolder: () => void shell.openPath(backupsDir()),
  });
}

// On quit, ask the renderer for an automatic backup first (it owns the data), for at most 5 s.
let quitReady: (() => void) | null = null;
let backupDone = false;
app.on('before-quit', (event) => {
  if (backupDone || !mainWindow || mainWindow.isDestroyed()) return;
  event.preventDefault();
  backupDone = true;
  const finish = () => {
    quitReady = null;
    app.quit();
  };
  const timer = setTimeout(finish, 5000);
  quitReady = () => {
    clearTimeout(timer);
    finish();
  };
  mainWindow.webContents.send('backup:request', { reason: 'quit' });
});

app.on('window-all-closed', () => app.quit());
