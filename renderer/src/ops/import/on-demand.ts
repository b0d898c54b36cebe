/**
 * The import's entry points for the app shell (the File menu, a drop on the window, files the OS
 * opened with Lectern). They load the import's code — the controller, the worker's protocol, the
 * format readers — when an import starts, so start-up neither downloads nor parses it. Screens that
 * show an import (Import) use `ops/import` itself: they load after start-up anyway.
 */
import { describeError } from '../../core/describe-error';
import { invoke } from '../../platform/bridge';
import { useAppStore } from '../../store';
import type { ImportSource } from './controller';

type Controller = typeof import('./controller');

/** Runs `use` with the controller once its code is loaded; a load that fails is said, not thrown. */
async function withController(use: (c: Controller) => void | Promise<void>): Promise<void> {
  let c: Controller;
  try {
    c = await import('./controller');
  } catch (err) {
    useAppStore.getState().notify('error', `The import could not start: ${describeError(err)}`);
    return;
  }
  await use(c);
}

/** Imports `sources` (see the controller's `importFiles`). */
export async function importFiles(sources: ImportSource[]): Promise<void> {
  await withController((c) => c.importFiles(sources));
}

/** File ▸ Import pack…: the open dialog, then the chosen files. */
export async function importFromDialog(): Promise<void> {
  await withController((c) => c.importFromDialog());
}

/**
 * Imports the files the OS asked Lectern to open. Asks main first: with none (every ordinary
 * start), the import's code is not loaded at all.
 */
export async function importPendingFiles(): Promise<void> {
  const res = await invoke('files:take-pending');
  if (res.ok && res.value.length === 0) return;
  await withController((c) => c.importOpenedFiles(res));
}
