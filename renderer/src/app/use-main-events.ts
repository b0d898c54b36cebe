/** Menu commands from main become navigation in the renderer. */
import { useEffect } from 'react';
import { importFromDialog } from '../ops/import/on-demand';
import type { MenuCommand } from '../platform/bridge';
import { onMainEvent } from '../platform/bridge';
import { type Route, useAppStore } from '../store';

const ROUTES: Partial<Record<MenuCommand, Route>> = {
  'open-library': { name: 'library' },
  'open-stats': { name: 'stats' },
  'open-settings': { name: 'settings' },
  'open-selftest': { name: 'selftest' },
  'open-browse': { name: 'browse' },
};

export function useMainEvents(onAbout: () => void): void {
  const navigate = useAppStore((s) => s.navigate);
  useEffect(
    () =>
      onMainEvent('menu:command', ({ command }) => {
        if (command === 'about') onAbout();
        if (command === 'import-pack') void importFromDialog();
        const route = ROUTES[command];
        if (route) navigate(route);
      }),
    [navigate, onAbout],
  );
}
