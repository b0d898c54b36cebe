/**
 * Starts folder sync once the app is ready (when a folder is set) and stops it with the window. The
 * engine loads on first use: it is no part of the window's start-up code.
 */
import { useEffect } from 'react';
import { describeError } from '../core/describe-error';
import { useAppStore } from '../store';

export function useFolderSync(ready: boolean): void {
  const notify = useAppStore((s) => s.notify);
  useEffect(() => {
    if (!ready) return;
    let stopped = false;
    const service = import('../ops/sync/service');
    service
      .then((s) => (stopped ? undefined : s.refreshFolderSync()))
      .catch((err: unknown) => notify('error', `Sync could not start: ${describeError(err)}`));
    return () => {
      stopped = true;
      void service.then((s) => s.shutdownFolderSync()).catch(() => {});
    };
  }, [ready, notify]);
}
