/**
 * The Electron stand-in behind `npm start` without Electron: main's menu resolves as Electron shows
 * it (roles get their labels and keys), its accelerators run the same items, and a save lands in the
 * downloads folder under `Lectern/` with a name not yet taken instead of being cancelled.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate } from '../../../electron/menu';

type Standin = Record<string, unknown> & {
  menuData(): { label: string; accelerator: string | null; submenu: { label: string }[] | null }[];
  menuAccelerators(): { key: string; path: string[] }[];
  runAccelerator(key: string): boolean;
  clickMenu(labels: string[]): string | null;
};
// biome-ignore lint/suspicious/noExplicitAny: the stand-in is plain JavaScript
let standin: any;
const S = {
  appDir: join(import.meta.dirname, '../../..'),
  userDataDir: mkdtempSync(join(tmpdir(), 'standin-')),
};
const downloads = mkdtempSync(join(tmpdir(), 'standin-downloads-'));

beforeAll(async () => {
  vi.stubEnv('XDG_DOWNLOAD_DIR', downloads);
  vi.stubEnv('LECTERN_TEST_SAVE_DIR', undefined);
  (globalThis as { __lecternStandin?: unknown }).__lecternStandin = S;
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  // @ts-expect-error -- plain ESM module
  standin = await import('../../standin/electron.mjs');
});

describe('the stand-in menu (npm start without Electron had no menu)', () => {
  it('shows main’s template with Electron’s labels and keys, and its accelerators run the same items', () => {
    const sent: string[] = [];
    const window = () => ({
      webContents: { send: (_c: string, p: { command: string }) => sent.push(p.command) },
    });
    const template = buildMenuTemplate({
      window: window as never,
      openBackupsFolder: () => sent.push('backups'),
    });
    standin.Menu.setApplicationMenu(standin.Menu.buildFromTemplate(template));
    const s = S as unknown as Standin;
    const menus = s.menuData();
    expect(menus.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(menus[1]?.submenu?.map((i) => i.label)).toContain('Select All');
    expect(s.menuAccelerators().map((a) => a.key)).toEqual(
      expect.arrayContaining(['ctrl+o', 'ctrl+1', 'ctrl+2', 'ctrl+3', 'ctrl+,', 'ctrl+q']),
    );
    expect(s.runAccelerator('ctrl+o')).toBe(true);
    expect(s.runAccelerator('ctrl+shift+o')).toBe(false);
    s.clickMenu(['Help', 'About Lectern']);
    s.clickMenu(['Help', 'Open backups folder']);
    expect(sent).toEqual(['import-pack', 'about', 'backups']);
    // A role that acts on the page comes back for the window to perform.
    expect(s.clickMenu(['View', 'Zoom In'])).toBe('zoomIn');
  });

  it('normalizes accelerators as the window’s key listener writes them', () => {
    expect(standin.normalizeAccelerator('CmdOrCtrl+Shift+O')).toBe('ctrl+shift+o');
    expect(standin.normalizeAccelerator('CmdOrCtrl+Plus')).toBe('ctrl++');
    expect(standin.normalizeAccelerator('F11')).toBe('f11');
  });
});

describe('the stand-in save dialog (an export did nothing: “the save dialog was cancelled”)', () => {
  it('saves into Downloads/Lectern under a fresh name', async () => {
    const first = await standin.dialog.showSaveDialog({}, { defaultPath: 'pack.gift' });
    expect(first).toEqual({ canceled: false, filePath: join(downloads, 'Lectern', 'pack.gift') });
    writeFileSync(first.filePath, 'x');
    const second = await standin.dialog.showSaveDialog({}, { defaultPath: 'pack.gift' });
    expect(second.filePath).toBe(join(downloads, 'Lectern', 'pack (2).gift'));
  });
});
