/**
 * What Settings ▸ Sync calls: the sync service's status and actions behind one small port (so the
 * screen can be shown with any status in component tests), plus whether `LECTERN_SYNC_DIR` fixes
 * the folder (main's `sync:info`; the status does not say).
 */
import { invokeOrThrow } from '../../platform/bridge';
import type { SyncProgressReport } from './engine';
import {
  cancelSync,
  chooseSyncFolder,
  getSyncStatus,
  renameSyncDevice,
  stopFolderSync,
  subscribeSyncStatus,
  syncNow,
} from './service';
import type { SyncStatus } from './types';

/** How far a sync started from the screen has got. `total` 0: not known yet. */
export type SyncProgress = SyncProgressReport;

/** What the screen needs from the sync engine. */
export interface SyncScreenPort {
  /** The current status (the same object until it changes). */
  status(): SyncStatus;
  /** Calls `listener` whenever the status changes; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** Runs one sync now; stops between batches when `signal` aborts (what was applied stays). */
  syncNow(options: { signal: AbortSignal; onProgress: (p: SyncProgress) => void }): Promise<SyncStatus>;
  /** Names this device (other devices show this name). */
  renameDevice(name: string): Promise<void>;
  /** Asks for a folder and starts syncing with it; false when the student cancels. */
  chooseFolder(): Promise<boolean>;
  /** Forgets the folder and stops syncing; nothing here or in the folder is removed. */
  stop(): Promise<void>;
  /** Whether `LECTERN_SYNC_DIR` fixes the folder (then it cannot be changed from the app). */
  folderIsFixed(): Promise<boolean>;
}

/** The running app's sync service. */
export const appSyncPort: SyncScreenPort = {
  status: getSyncStatus,
  subscribe: (listener) => subscribeSyncStatus(() => listener()),
  async syncNow({ signal, onProgress }) {
    const abort = () => cancelSync();
    signal.addEventListener('abort', abort, { once: true });
    try {
      return await syncNow(onProgress);
    } finally {
      signal.removeEventListener('abort', abort);
    }
  },
  renameDevice: renameSyncDevice,
  chooseFolder: async () => (await chooseSyncFolder()) !== null,
  async stop() {
    await stopFolderSync();
  },
  folderIsFixed: async () => (await invokeOrThrow('sync:info')).fixed,
};
