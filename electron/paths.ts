/** Where the shell finds its files. */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app } from 'electron';

/** The built renderer page, or the dev server in `electron-vite dev`. */
export function rendererUrl(): string {
  const dev = process.env.ELECTRON_RENDERER_URL;
  if (!app.isPackaged && dev) return dev;
  return pathToFileURL(join(import.meta.dirname, '../renderer/index.html')).href;
}

export function preloadPath(): string {
  return join(import.meta.dirname, '../preload/preload.cjs');
}

/** Bundled packs: `content/` beside package.json, or in the app's resources when packaged. */
export function contentDir(): string {
  return app.isPackaged ? join(process.resourcesPath, 'content') : join(app.getAppPath(), 'content');
}

export function backupsDir(): string {
  return join(app.getPath('userData'), 'backups');
}
