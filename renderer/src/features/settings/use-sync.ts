/** Settings ▸ Sync's state and actions: the engine's status, the folder, and a sync started here. */
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { describeError } from '../../core/describe-error';
import type { SyncProgress, SyncScreenPort } from '../../ops/sync/screen';
import { useAppStore } from '../../store';

export function useSyncScreen(port: SyncScreenPort) {
  const notify = useAppStore((s) => s.notify);
  const status = useSyncExternalStore(port.subscribe, port.status);
  const [fixed, setFixed] = useState(false);
  const [progress, setProgress] = useState<SyncProgress | null>(null);
  const running = useRef<AbortController | null>(null);

  // LECTERN_SYNC_DIR is read once when main starts: asked once.
  useEffect(() => {
    let live = true;
    port
      .folderIsFixed()
      .then((f) => live && setFixed(f))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [port]);

  // Leaving the screen cancels a sync started here (the engine's own syncs go on).
  useEffect(() => () => running.current?.abort(), []);

  const syncNow = useCallback(async () => {
    if (running.current) return;
    const controller = new AbortController();
    running.current = controller;
    setProgress({ label: 'Looking for new files…', done: 0, total: 0 });
    try {
      const after = await port.syncNow({ signal: controller.signal, onProgress: setProgress });
      if (after.error) notify('error', `Sync did not finish: ${after.error}`);
      else if (controller.signal.aborted)
        notify('info', 'Sync cancelled. What came in before stays applied.');
    } catch (err) {
      if (controller.signal.aborted) notify('info', 'Sync cancelled. What came in before stays applied.');
      else notify('error', `Sync did not finish: ${describeError(err)}. Nothing was half-applied.`);
    } finally {
      running.current = null;
      setProgress(null);
    }
  }, [port, notify]);

  const chooseFolder = useCallback(async () => {
    try {
      if (!(await port.chooseFolder())) return;
      notify('success', `Syncing through ${port.status().folder ?? 'the chosen folder'}.`);
    } catch (err) {
      notify('error', `The sync folder was not changed: ${describeError(err)}`);
    }
  }, [port, notify]);

  const stop = useCallback(async (): Promise<boolean> => {
    try {
      await port.stop();
      notify('success', 'Sync stopped. Everything on this computer and in the folder is kept.');
      return true;
    } catch (err) {
      notify('error', `Sync was not stopped: ${describeError(err)}`);
      return false;
    }
  }, [port, notify]);

  const rename = useCallback(
    async (name: string) => {
      try {
        await port.renameDevice(name);
      } catch (err) {
        notify('error', `The device name was not saved: ${describeError(err)}`);
      }
    },
    [port, notify],
  );

  return {
    status,
    fixed,
    progress,
    syncNow,
    cancel: () => running.current?.abort(),
    chooseFolder,
    stop,
    rename,
  };
}
