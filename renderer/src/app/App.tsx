/** The application shell: navigation, the current screen, and the status region. */
import { useCallback, useEffect, useState } from 'react';
import { db } from '../db/db';
import { useAutoBackup } from '../features/backup/use-auto-backup';
import { ImportShell } from '../features/import/ImportShell';
import { useAppStore } from '../store';
import { AboutDialog } from './AboutDialog';
import { loadBundledContent } from './bootstrap';
import { NavBar } from './NavBar';
import { Notices } from './Notices';
import { preloadNextScreens, renderScreen } from './screens';
import { useMainEvents } from './use-main-events';
import { useTheme } from './use-theme';

export function App() {
  const route = useAppStore((s) => s.route);
  const notify = useAppStore((s) => s.notify);
  const [ready, setReady] = useState(false);
  const [aboutOpen, setAboutOpen] = useState(false);
  useMainEvents(useCallback(() => setAboutOpen(true), []));
  useTheme();
  useAutoBackup(ready);
  useEffect(() => (ready ? preloadNextScreens() : undefined), [ready]);

  useEffect(() => {
    loadBundledContent(db, Date.now())
      .then((report) => {
        for (const p of report.problems) notify('error', p);
      })
      .catch((err: unknown) =>
        notify('error', `Start-up failed: ${err instanceof Error ? err.message : String(err)}`),
      )
      .finally(() => setReady(true));
  }, [notify]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <NavBar />
      <main id="main" tabIndex={-1} aria-busy={!ready}>
        {!ready ? (
          <p role="status" className="loading">
            Opening your library…
          </p>
        ) : (
          renderScreen(route)
        )}
      </main>
      <Notices />
      <ImportShell ready={ready} />
      <AboutDialog open={aboutOpen} onClose={() => setAboutOpen(false)} />
    </div>
  );
}
