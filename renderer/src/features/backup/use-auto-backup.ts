/**
 * Automatic backups: when main asks on quit (`backup:request`), export and write one, then let main
 * quit (`app:quit-ready`) — main gives up waiting after 5 s. Once the app is ready, and then every
 * hour it stays open, write a daily one if none was written today.
 */
import { useEffect } from 'react';
import { describeError } from '../../core/describe-error';
import { invoke, onMainEvent } from '../../platform/bridge';
import { useAppStore } from '../../store';

const HOUR_MS = 3_600_000;

/**
 * The automatic backups' code (export, runner, the backup format), loaded when first needed — once
 * the app is ready, or on quit — so start-up neither downloads nor parses it. By file, not through
 * ops/backup: the restore flow and file sources behind the index are only needed once Settings opens.
 */
const actions = () => import('../../ops/backup/actions');

export function useAutoBackup(ready: boolean): void {
  const notify = useAppStore((s) => s.notify);

  useEffect(
    () =>
      onMainEvent('backup:request', () => {
        const now = Date.now();
        void actions().then(
          (a) => a.backupOnQuit(now),
          (err: unknown) => {
            // As backupOnQuit does when the backup fails: say so, and let main quit.
            console.error('automatic backup on quit failed:', err);
            void invoke('app:quit-ready');
          },
        );
      }),
    [],
  );

  useEffect(() => {
    if (!ready) return;
    let stopped = false;
    const run = () =>
      void actions()
        .then((a) => a.writeDailyBackupIfDue(() => !stopped))
        .catch((err: unknown) => notify('error', `The daily automatic backup failed: ${describeError(err)}`));
    run();
    const timer = setInterval(run, HOUR_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [ready, notify]);
}
