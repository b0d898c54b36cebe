/**
 * Where a backup to restore is read from, part by part: a file the student chose (read in slices by
 * the page) or an automatic backup (streamed by main). Parts are decompressed when the file is gzip
 * (format 3) and decoded as UTF-8 with streaming decoders (`core/backup/gzip.ts`), so a character
 * split between two parts comes out whole.
 */

import { BackupFileError, base64ToBytes, createBackupDecoder } from '../../core/backup/gzip';
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

/**
 * Reads what is left of `reader` only to learn whether the file itself is damaged: a changed byte in
 * a gzip backup can decompress into rows that fail their check before gzip's CRC at the end says
 * why. The file's own damage, when there is any, is the truer message. Null when the rest reads.
 */
export async function damageInRest(reader: SourceReader): Promise<BackupFileError | null> {
  try {
    while (await reader.next()) {}
    return null;
  } catch (err) {
    return err instanceof BackupFileError ? err : null;
  }
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
      const decoder = createBackupDecoder(file.name);
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
          let text = await decoder.push(new Uint8Array(bytes));
          if (finished) text += await decoder.end();
          return { text, bytesRead: position };
        },
        async close() {
          finished = true;
        },
      };
    },
  };
}

/** An automatic backup in the app's data folder, streamed by main as it is on disk. */
export function autoBackupSource(name: string, bytes: number, label: string): BackupSource {
  return {
    label,
    bytes,
    async open() {
      const begun = await invoke('backup:read-begin', { name, raw: true });
      if (!begun.ok) throw new Error(begun.error.message);
      const { id } = begun.value;
      const decoder = createBackupDecoder(name);
      let done = false;
      const close = async () => {
        if (done) return;
        done = true;
        await invoke('backup:read-end', { id });
      };
      return {
        async next() {
          if (done) return null;
          const res = await invoke('backup:read-part', { id });
          if (!res.ok) {
            done = true;
            throw new Error(res.error.message);
          }
          done = res.value.done;
          try {
            let text = await decoder.push(base64ToBytes(res.value.base64 ?? ''));
            if (done) text += await decoder.end();
            return { text, bytesRead: res.value.bytesRead };
          } catch (err) {
            await close();
            throw err;
          }
        },
        close,
      };
    },
  };
}
