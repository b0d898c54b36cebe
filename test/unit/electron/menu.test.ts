import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ app: { getVersion: () => '9.9.9' }, Menu: {} }));
const { buildMenuTemplate } = await import('../../../electron/menu');

type Item = { label?: string; role?: string; click?: () => void; submenu?: Item[] };

describe('application menu', () => {
  it('has File, Edit, View and Help, and its commands reach the renderer', () => {
    const sent: unknown[] = [];
    const opened: string[] = [];
    const template = buildMenuTemplate({
      window: () => ({ webContents: { send: (...a: unknown[]) => sent.push(a) } }) as never,
      openBackupsFolder: () => opened.push('backups'),
    }) as Item[];
    const top = template.map((i) => i.label ?? i.role);
    expect(top).toEqual(expect.arrayContaining(['File', 'editMenu', 'View', 'Help']));
    const find = (menu: string, label: string) =>
      template.find((i) => i.label === menu)?.submenu?.find((i) => i.label === label);
    find('File', 'Import pack…')?.click?.();
    find('Help', 'About Lectern')?.click?.();
    find('Help', 'Open backups folder')?.click?.();
    expect(sent).toEqual([
      ['menu:command', { command: 'import-pack' }],
      ['menu:command', { command: 'about' }],
    ]);
    expect(opened).toEqual(['backups']);
  });
});
