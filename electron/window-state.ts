/** Remembers the window's size and position between launches (in the user-data folder). */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { app, type BrowserWindow, screen } from 'electron';

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

const DEFAULT: WindowState = { width: 1200, height: 820, maximized: false };

function statePath(): string {
  return join(app.getPath('userData'), 'window-state.json');
}

/** The saved state if it is sane and still on a connected display; the default otherwise. */
export function loadWindowState(): WindowState {
  try {
    const s = JSON.parse(readFileSync(statePath(), 'utf8')) as Partial<WindowState>;
    const width = Number(s.width);
    const height = Number(s.height);
    if (!(width >= 400 && width <= 10000 && height >= 300 && height <= 10000)) return DEFAULT;
    const state: WindowState = { width, height, maximized: s.maximized === true };
    if (Number.isFinite(s.x) && Number.isFinite(s.y)) {
      const x = Number(s.x);
      const y = Number(s.y);
      const visible = screen.getAllDisplays().some((d) => {
        const a = d.workArea;
        return x < a.x + a.width - 50 && x + width > a.x + 50 && y >= a.y - 20 && y < a.y + a.height - 50;
      });
      if (visible) Object.assign(state, { x, y });
    }
    return state;
  } catch {
    return DEFAULT;
  }
}

/** Saves bounds on move/resize (debounced) and on close. */
export function trackWindowState(win: BrowserWindow): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    if (win.isDestroyed()) return;
    const maximized = win.isMaximized();
    const b = maximized ? win.getNormalBounds() : win.getBounds();
    try {
      writeFileSync(statePath(), JSON.stringify({ ...b, maximized }));
    } catch (err) {
      console.warn('[window] could not save window state:', err);
    }
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 400);
  };
  win.on('resize', later);
  win.on('move', later);
  win.on('close', () => {
    clearTimeout(timer);
    save();
  });
}
