/**
 * Automatic backups: when main asks on quit (`backup:request`), export and write one, then let main
 * quit (`app:quit-ready`) — main gives up waiting after 5 s. Once the app is ready, and then every
 * hour it stays open, write a daily one if none was written today.
 */
import { useEffect } from 'react';
import { db } from '../../db/schema/database';
import { invoke, onMainEvent } from '../../platform/bridge';
import { useAppStore } from '../../store';
import { isDailyBackupDue, writeAutoBackup } from './backup-actions';

const HOUR_MS = 3_600_000;

export function useAutoBackup(ready: boolean): void {
  const notify = useAppStore((s) => s.notify);

  useEffect(
    () =>
      onMainEvent('backup:request', () => {
        writeAutoBackup(db, 'quit', Date.now())
          .catch((err: unknown) => console.error('automatic backup on quit failed:', err))
          .finally(() => void invoke('app:quit-ready'));
      }),
    [],
  );

  useEffect(() => {
    if (!ready) return;
    let stopped = false;
    const check = async () => {
      const list = await invoke('backup:list');
      if (stopped || !list.ok || !isDailyBackupDue(list.value, Date.now())) return;
      await writeAutoBackup(db, 'daily', Date.now());
    };
    const run = () =>
      void check().catch((err: unknown) =>
        notify(
          'error',
          `The daily automatic backup failed: ${err instanceof Error ? err.message : String(err)}`,
        ),
      );
    run();
    const timer = setInterval(run, HOUR_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [ready, notify]);
}
