/**
 * A sync folder in memory with the contract main's folder has (`ops/sync/folder.ts`): segments are
 * written once (a taken name is refused, never replaced), only a device's own plain segments can be
 * removed. `drop` and `put` let a test play the file-sync engine (a half-synced file, a conflict copy).
 */
import type { FolderSegment, SyncFolder } from '@/ops/sync/folder';

export interface MemoryFolder extends SyncFolder {
  /** Places a file as a sync engine would (any name, any text, replacing). */
  put(device: string, file: string, text: string): void;
  /** The text of a file, or undefined. */
  text(device: string, file: string): string | undefined;
  files(device?: string): FolderSegment[];
  packs: Map<string, string>;
}

export function memoryFolder(clock: () => number = () => 0): MemoryFolder {
  const files = new Map<string, { device: string; file: string; text: string; modifiedAt: number }>();
  const packs = new Map<string, string>();
  const id = (device: string, file: string) => `${device}/${file}`;
  const list = (device?: string): FolderSegment[] =>
    [...files.values()]
      .filter((f) => device === undefined || f.device === device)
      .map((f) => ({ device: f.device, file: f.file, bytes: f.text.length, modifiedAt: f.modifiedAt }))
      .sort((a, b) => id(a.device, a.file).localeCompare(id(b.device, b.file)));
  return {
    packs,
    list: async () => list(),
    files: list,
    read: async (device, file) => {
      const f = files.get(id(device, file));
      if (!f) throw new Error(`${device}/${file} is not in the sync folder`);
      return f.text;
    },
    write: async (device, file, text) => {
      if (!/^\d{10}\.jsonl$/.test(file))
        throw new Error(`"${file}" is not a segment name this device writes`);
      if (files.has(id(device, file))) return false;
      files.set(id(device, file), { device, file, text, modifiedAt: clock() });
      return true;
    },
    remove: async (device, file) => {
      if (!/^\d{10}\.jsonl$/.test(file))
        throw new Error(`"${file}" is not a segment name this device writes`);
      files.delete(id(device, file));
    },
    putPack: async (hash, text) => {
      if (!packs.has(hash)) packs.set(hash, text);
    },
    getPack: async (hash) => packs.get(hash) ?? null,
    put: (device, file, text) => {
      files.set(id(device, file), { device, file, text, modifiedAt: clock() });
    },
    text: (device, file) => files.get(id(device, file))?.text,
  };
}
