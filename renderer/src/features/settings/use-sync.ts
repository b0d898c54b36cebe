/** Settings ▸ Sync's state and actions: the engine's status, the folder, and a sync started here. */
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { describeError } from '../../core/describe-error';
import {
  chooseSyncFolder,
  forgetSyncFolder,
  readSyncFolder,
  type SyncProgress,
  type SyncScreenPort,
} from '../../ops/sync/screen';
import { useAppStore } from '../../store';

export function useSyncScreen(port: SyncScreenPort) {
  const notify = useAppStore((s) => s.notify);
  const status = useSyncExternalStore(port.subscribe, port.status);
  const [fixed, setFixed] = useState(false);
  const [progress, setProgress] = useState<SyncProgress | null>(null);
  const running = useRef<AbortController | null>(null);

  useEffect(() => {
    let live = true;
    readSyncFolder()
      .then((info) => live && setFixed(info.fixed))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [status.folder]);

  // Leaving the screen cancels a sync started here (the engine's own syncs go on).
  useEffect(() => () => running.current?.abort(), []);

  const syncNow = useCallback(async () => {
    if (running.current) return;
    const controller = new AbortController();
    running.current = controller;
    setProgress({ label: 'Looking for new files…', done: 0, total: 0 });
    try {
      await port.syncNow({ signal: controller.signal, onProgress: setProgress });
      if (controller.signal.aborted) notify('info', 'Sync cancelled. What came in before stays applied.');
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
      const chosen = await chooseSyncFolder();
      if (!chosen) return;
      await port.folderChanged();
      notify('success', `Syncing through ${chosen.folder}.`);
    } catch (err) {
      notify('error', `The sync folder was not changed: ${describeError(err)}`);
    }
  }, [port, notify]);

  const stop = useCallback(async (): Promise<boolean> => {
    try {
      await forgetSyncFolder();
      await port.folderChanged();
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
