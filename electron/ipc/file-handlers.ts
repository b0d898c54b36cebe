/** Files the user chooses: import, save/export, PDF, and files the OS asked us to open. */
import { writeFile } from 'node:fs/promises';
import { BrowserWindow, dialog } from 'electron';
import { PACK_EXTENSIONS, readPackFile } from '../files';
import { renderPdf } from '../pdf';
import type { PackFile } from './contract';
import { HandlerError, type HandlerRegistry } from './handle';

/** Paths the OS handed us (launch arguments, second instance, macOS open-file), read on request. */
export class PendingFiles {
  private paths: string[] = [];
  add(paths: string[]): void {
    this.paths.push(...paths);
  }
  async take(): Promise<PackFile[]> {
    const paths = this.paths.splice(0);
    return Promise.all(paths.map((p) => readPackFile(p, 'file')));
  }
}

export function registerFileHandlers({ handle }: HandlerRegistry, pending: PendingFiles): void {
  handle('files:take-pending', () => pending.take());

  handle('files:open-dialog', async (event) => {
    const win = BrowserWindow.fromWebContents(event.sender);
    const options: Electron.OpenDialogOptions = {
      title: 'Import pack',
      properties: ['openFile', 'multiSelections'],
      filters: [
        { name: 'Question packs', extensions: PACK_EXTENSIONS },
        { name: 'All files', extensions: ['*'] },
      ],
    };
    const res = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    if (res.canceled) return [];
    return Promise.all(res.filePaths.map((p) => readPackFile(p, 'file')));
  });

  handle('files:save', async (event, req) => {
    const binary = typeof req?.base64 === 'string';
    if ((typeof req?.text !== 'string' && !binary) || typeof req?.defaultName !== 'string') {
      throw new HandlerError('bad-request', 'files:save needs a file name and text');
    }
    const path = await askSavePath(event.sender, req.defaultName, req.filter);
    if (!path) return null;
    await writeOrExplain(path, binary ? Buffer.from(req.base64 as string, 'base64') : req.text);
    return path;
  });

  handle('files:save-pdf', async (event, req) => {
    if (typeof req?.html !== 'string') throw new HandlerError('bad-request', 'files:save-pdf needs HTML');
    const path = await askSavePath(event.sender, req.defaultName, { name: 'PDF', extensions: ['pdf'] });
    if (!path) return null;
    await writeOrExplain(path, await renderPdf(req.html));
    return path;
  });
}

async function askSavePath(
  sender: Electron.WebContents,
  defaultName: string,
  filter: { name: string; extensions: string[] },
): Promise<string | null> {
  const win = BrowserWindow.fromWebContents(sender);
  const options: Electron.SaveDialogOptions = { defaultPath: defaultName, filters: [filter] };
  const res = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  return res.canceled || !res.filePath ? null : res.filePath;
}

/** A full disk or a read-only folder becomes a message naming the file, not a crash. */
export async function writeOrExplain(path: string, data: string | Uint8Array): Promise<void> {
  try {
    await writeFile(path, data);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    const why =
      code === 'ENOSPC'
        ? 'the disk is full'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : code;
    throw new HandlerError('io', `could not write ${path}: ${why}`);
  }
}
