/**
 * The sync folder as the engine sees it: list, read and write-once of segments, and pack files by
 * content hash. In the app it is main's folder over IPC (`sync:*`, see `electron/sync/folder.ts`);
 * tests and the bench give an in-memory one with the same contract.
 */
import { invokeOrThrow } from '../../platform/bridge';

/** One segment file found in the folder. */
export interface FolderSegment {
  device: string;
  file: string;
  bytes: number;
  modifiedAt: number;
}

export interface SyncFolder {
  /** Every segment of every device (this one's too). */
  list(): Promise<FolderSegment[]>;
  /** A segment's text (rejects when it is gone or too large). */
  read(device: string, file: string): Promise<string>;
  /** Writes this device's segment once; false when the name is already taken (never replaced). */
  write(device: string, file: string, text: string): Promise<boolean>;
  /** Removes one of this device's own segments (compaction, after a snapshot holds it). */
  remove(device: string, file: string): Promise<void>;
  putPack(hash: string, text: string): Promise<void>;
  /** A pack file, or null when it has not arrived (yet). */
  getPack(hash: string): Promise<string | null>;
}

/** The folder main keeps (`sync:*` channels). */
export function bridgeFolder(): SyncFolder {
  return {
    list: () => invokeOrThrow('sync:list'),
    read: (device, file) => invokeOrThrow('sync:read', { device, file }),
    write: (device, file, text) => invokeOrThrow('sync:write', { device, file, text }),
    remove: async (device, file) => {
      await invokeOrThrow('sync:remove', { device, file });
    },
    putPack: async (hash, text) => {
      await invokeOrThrow('sync:put-pack', { hash, text });
    },
    getPack: (hash) => invokeOrThrow('sync:get-pack', { hash }),
  };
}
