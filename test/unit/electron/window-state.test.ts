import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const userData = mkdtempSync(join(tmpdir(), 'lectern-window-'));
vi.mock('electron', () => ({
  app: { getPath: () => userData },
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
}));

const { loadWindowState, trackWindowState } = await import('../../../electron/window-state');
const file = join(userData, 'window-state.json');

describe('window size and position are remembered', () => {
  beforeEach(() => writeFileSync(file, ''));

  it('uses the saved bounds when they are on a connected display', () => {
    writeFileSync(file, JSON.stringify({ x: 100, y: 80, width: 1000, height: 700, maximized: true }));
    expect(loadWindowState()).toEqual({ x: 100, y: 80, width: 1000, height: 700, maximized: true });
  });

  it('keeps the size but drops a position that is off every display', () => {
    writeFileSync(file, JSON.stringify({ x: 5000, y: 80, width: 1000, height: 700, maximized: false }));
    expect(loadWindowState()).toEqual({ width: 1000, height: 700, maximized: false });
  });

  it('falls back to the default for a corrupt or absurd file', () => {
    writeFileSync(file, '{not json');
    expect(loadWindowState().width).toBe(1200);
    writeFileSync(file, JSON.stringify({ width: 5, height: 99999 }));
    expect(loadWindowState().width).toBe(1200);
  });

  it('saves the bounds when the window closes', () => {
    const handlers = new Map<string, () => void>();
    const win = {
      on: (name: string, fn: () => void) => handlers.set(name, fn),
      isDestroyed: () => false,
      isMaximized: () => false,
      getBounds: () => ({ x: 10, y: 20, width: 900, height: 600 }),
      getNormalBounds: () => ({ x: 0, y: 0, width: 1, height: 1 }),
    };
    trackWindowState(win as never);
    handlers.get('close')?.();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      x: 10,
      y: 20,
      width: 900,
      height: 600,
      maximized: false,
    });
  });
});
