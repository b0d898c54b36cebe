/**
 * What Settings ▸ Sync calls besides the engine's status: the folder (main's `sync:*` channels) and the
 * progress of a sync the student started.
 */
import { invokeOrThrow } from '../../platform/bridge';

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
