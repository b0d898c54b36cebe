/**
 * What Settings ▸ Sync calls besides the engine's status: the folder (main's `sync:*` channels) and the
 * progress of a sync the student started.
 */
import { invokeOrThrow } from '../../platform/bridge';
import type { SyncStatus } from './types';

/** How far a sync started from the screen has got. `total` 0: not known yet. */
export interface SyncProgress {
  label: string;
  done: number;
  total: number;
}

/** The sync folder, and whether `LECTERN_SYNC_DIR` fixes it. */
export interface SyncFolderChoice {
  folder: string | null;
  fixed: boolean;
}

export function readSyncFolder(): Promise<SyncFolderChoice> {
  return invokeOrThrow('sync:info');
}

/** Asks for a folder (the OS dialog); null when the student cancels. */
export function chooseSyncFolder(): Promise<SyncFolderChoice | null> {
  return invokeOrThrow('sync:choose-folder');
}

/** Forgets the folder: nothing in it and nothing in the database is removed. */
export function forgetSyncFolder(): Promise<SyncFolderChoice> {
  return invokeOrThrow('sync:stop');
}

/** What the screen needs from the sync engine (`SyncStatus` is in `./types`). */
export interface SyncScreenPort {
  /** The current status (the same object until it changes). */
  status(): SyncStatus;
  /** Calls `listener` whenever the status changes; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** Runs one sync now; stops between segments when `signal` aborts (what was applied stays). */
  syncNow(options: { signal: AbortSignal; onProgress: (p: SyncProgress) => void }): Promise<void>;
  /** Names this device (other devices show this name). */
  renameDevice(name: string): Promise<void>;
  /** The folder was chosen or forgotten: start or stop syncing. */
  folderChanged(): Promise<void>;
}
