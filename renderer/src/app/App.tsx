/** The application shell: navigation, the current screen, and the status region. */
import { useCallback, useEffect, useState } from 'react';
import { describeError } from '../core/describe-error';
import { db } from '../db/schema/database';
import { DatabaseNotice } from '../features/backup/DatabaseNotice';
import { useAutoBackup } from '../features/backup/use-auto-backup';
import { ImportShell } from '../features/import/ImportShell';
import { SetAsideNotice } from '../features/library/SetAsideNotice';
import { checkDatabase, type DatabaseHealth } from '../ops/database-health';
import { settleReviewLog } from '../ops/review-log-upgrade';
import { checkStoredSettings } from '../ops/stored-rows';
import { useAppStore } from '../store';
import { AboutDialog } from './AboutDialog';
import { loadBundledContent } from './bootstrap';
import { NavBar } from './NavBar';
import { Notices } from './Notices';
import { afterStart } from './perf';
import { preloadNextScreens, renderScreen } from './screens';
import { useFolderSync } from './use-folder-sync';
import { useMainEvents } from './use-main-events';
import { useTheme } from './use-theme';

/** How long after the app has started the review log's upkeep runs (the first clicks go first). */
const UPKEEP_AFTER_MS = 1500;

/**
 * Old undo snapshots and answers cleared, then the statistics' cache of the days not cached yet
 * (after an upgrade, all of them) and of the cards answered since, so their first opening does not
 * read every review or every card. After the Library is shown: clearing old answers reads every
 * older review.
 */
async function reviewLogUpkeep(): Promise<void> {
  const upkeep = await import('../ops/review-log-upkeep');
  await upkeep.tidyReviewLog(db, Date.now());
  await upkeep.warmReviewColumns(db);
  await upkeep.warmCardColumns(db);
}

export function App() {
  const route = useAppStore((s) => s.route);
  const notify = useAppStore((s) => s.notify);
  const [ready, setReady] = useState(false);
  // The first screen is painted with its data (see afterStart): work the student does not wait for starts then.
  const [started, setStarted] = useState(false);
  const [aboutOpen, setAboutOpen] = useState(false);
  const [health, setHealth] = useState<DatabaseHealth>({ status: 'ok' });
  const [upgrading, setUpgrading] = useState<string | null>(null);
  useMainEvents(useCallback(() => setAboutOpen(true), []));
  useTheme();
  useAutoBackup(started);
  useFolderSync(started);
  useEffect(() => (started ? preloadNextScreens() : undefined), [started]);
  useEffect(() => {
    if (!ready) return;
    let live = true;
    void afterStart().then(() => {
      if (live) setStarted(true);
    });
    return () => {
      live = false;
    };
  }, [ready]);
  useEffect(() => {
    if (!started) return;
    const timer = setTimeout(() => void reviewLogUpkeep().catch(() => {}), UPKEEP_AFTER_MS);
    return () => clearTimeout(timer);
  }, [started]);

  useEffect(() => {
    // Is this the database the student last used? (Compared with the record main keeps beside it.)
    const checked = checkDatabase(db).then(setHealth, (err: unknown) =>
      notify('error', `Could not check the database against its record: ${describeError(err)}`),
    );
    // Schema 4's review log moves into schema 5's compact rows first (only once, resumable).
    const settled = settleReviewLog(db, (fraction, done, total) =>
      setUpgrading(
        `Upgrading your review log: ${done.toLocaleString()} of ${total.toLocaleString()} reviews (${Math.floor(fraction * 100)} %)…`,
      ),
    ).finally(() => setUpgrading(null));
    Promise.all([settled.then(() => loadBundledContent(db, Date.now())), checked, checkStoredSettings(db)])
      .then(([report, , settings]) => {
        for (const p of report.problems) notify('error', p);
        if (settings) notify('error', settings);
      })
      .catch((err: unknown) => notify('error', `Start-up failed: ${describeError(err)}`))
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
            {upgrading ?? 'Opening your library…'}
          </p>
        ) : (
          <>
            {health.status === 'replaced' ? (
              <DatabaseNotice
                counts={health.record.counts}
                recordedAt={health.record.writtenAt}
                backup={health.backup}
                onSettled={() => setHealth({ status: 'ok' })}
              />
            ) : null}
            <SetAsideNotice />
            {renderScreen(route)}
          </>
        )}
      </main>
      <Notices />
      <ImportShell ready={ready} />
      <AboutDialog open={aboutOpen} onClose={() => setAboutOpen(false)} />
    </div>
  );
}
