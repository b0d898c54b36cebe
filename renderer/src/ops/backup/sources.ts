/**
 * Where a backup to restore is read from, part by part: a file the student chose (read in slices by
 * the page) or an automatic backup (streamed by main). Parts are decoded as UTF-8 with a streaming
 * decoder, so a character split between two parts comes out whole.
 */

import { describeError } from '../../core/describe-error';
import { invoke } from '../../platform/bridge';

/** Bytes read per part of a chosen file. */
const FILE_PART_BYTES = 1024 * 1024;

/** One part of a backup's text, with the bytes of the file read so far. */
export interface SourcePart {
  text: string;
  bytesRead: number;
}

/** An open read of a backup. */
export interface SourceReader {
  /** The next part, or null after the last one. Rejects with a message for the student. */
  next(): Promise<SourcePart | null>;
  close(): Promise<void>;
}

/** A backup to read (each `open` reads it again from the start). */
export interface BackupSource {
  /** How messages name it: “lectern-backup-2026-03-15.json”, “the automatic backup of …”. */
  label: string;
  /** Its size in bytes (for progress). */
  bytes: number;
  open(): Promise<SourceReader>;
}

/** A file the student chose; `partBytes` is for tests. */
export function fileSource(file: Blob & { name: string }, partBytes = FILE_PART_BYTES): BackupSource {
  return {
    label: `“${file.name}”`,
    bytes: file.size,
    async open() {
      const decoder = new TextDecoder('utf-8', { fatal: true });
      let position = 0;
      let finished = false;
      return {
        async next() {
          if (finished) return null;
          const start = position;
          const end = Math.min(file.size, position + partBytes);
          let bytes: ArrayBuffer;
          try {
            bytes = await file.slice(start, end).arrayBuffer();
          } catch (err) {
            throw new Error(`${file.name} could not be read (${describeError(err)})`);
          }
          position = end;
          finished = position >= file.size;
          try {
            return { text: decoder.decode(bytes, { stream: !finished }), bytesRead: position };
          } catch {
            throw new Error(
              `${file.name} is not UTF-8 text (bytes ${start}–${end}): it is not a Lectern backup`,
            );
          }
        },
        async close() {
          finished = true;
        },
      };
    },
  };
}

/** An automatic backup in the app's data folder, streamed by main. */
export function autoBackupSource(name: string, bytes: number, label: string): BackupSource {
  return {
    label,
    bytes,
    async open() {
      const begun = await invoke('backup:read-begin', { name });
      if (!begun.ok) throw new Error(begun.error.message);
      const { id } = begun.value;
      let done = false;
      return {
        async next() {
          if (done) return null;
          const res = await invoke('backup:read-part', { id });
          if (!res.ok) {
            done = true;
            throw new Error(res.error.message);
          }
          done = res.value.done;
          return { text: res.value.text, bytesRead: res.value.bytesRead };
        },
        async close() {
          if (done) return;
          done = true;
          await invoke('backup:read-end', { id });
        },
      };
    },
  };
}
