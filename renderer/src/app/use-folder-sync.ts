/** Starts folder sync once the app is ready (when a folder is set) and stops it with the window. */
import { useEffect } from 'react';
import { describeError } from '../core/describe-error';
import { refreshFolderSync, shutdownFolderSync } from '../ops/sync';
import { useAppStore } from '../store';

export function useFolderSync(ready: boolean): void {
  const notify = useAppStore((s) => s.notify);
  useEffect(() => {
    if (!ready) return;
    refreshFolderSync().catch((err: unknown) =>
      notify('error', `Sync could not start: ${describeError(err)}`),
    );
    return () => shutdownFolderSync();
  }, [ready, notify]);
}
