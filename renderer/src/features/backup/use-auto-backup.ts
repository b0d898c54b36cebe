/**
 * Automatic backups: when main asks on quit (`backup:request`), export and write one, then let main
 * quit (`app:quit-ready`) — main gives up waiting after 5 s. Once the app is ready, and then every
 * hour it stays open, write a daily one if none was written today.
 */
import { useEffect } from 'react';
import { describeError } from '../../core/describe-error';
// By file, not through ops/backup: the app shell loads this at start-up, and the restore flow and
// file sources behind the index are only needed once Settings opens.
import { backupOnQuit, writeDailyBackupIfDue } from '../../ops/backup/actions';
import { onMainEvent } from '../../platform/bridge';
import { useAppStore } from '../../store';

const HOUR_MS = 3_600_000;

export function useAutoBackup(ready: boolean): void {
  const notify = useAppStore((s) => s.notify);

  useEffect(() => onMainEvent('backup:request', () => void backupOnQuit(Date.now())), []);

  useEffect(() => {
    if (!ready) return;
    let stopped = false;
    const run = () =>
      void writeDailyBackupIfDue(() => !stopped).catch((err: unknown) =>
        notify('error', `The daily automatic backup failed: ${describeError(err)}`),
      );
    run();
    const timer = setInterval(run, HOUR_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [ready, notify]);
}
