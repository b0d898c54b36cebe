/**
 * Packs' media in a backup (issue 17): two tables after the review log, written only when the
 * database holds media, so a backup without any (and every backup written before) has neither.
 * `mediaFiles` rows carry the file's bytes as base64 (a backup stays one JSON text, read and checked
 * in parts like every other row); `packMedia` rows are the database's own. A file row is checked as
 * any row is: its declared size against its bytes, and its declared type against the type its bytes
 * show (`core/media/sniff.ts`), so a forged row cannot smuggle a script in as an image.
 */
import { z } from 'zod';
import { packMediaRowSchema } from '../../db/schema/media-rows';
import { MAX_MEDIA_FILE_BYTES } from '../media/limits';
import { AUDIO_TYPES, IMAGE_TYPES, sniffMediaType } from '../media/sniff';

/** The media tables, in the order they are written (after `BACKUP_TABLES`), format 3 only. */
export const BACKUP_MEDIA_TABLES = ['mediaFiles', 'packMedia'] as const;
export type BackupMediaTableName = (typeof BACKUP_MEDIA_TABLES)[number];

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Bytes that base64 text of this length (a multiple of 4, with its padding) stands for. */
function decodedLength(data: string): number {
  const pad = data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0;
  return (data.length / 4) * 3 - pad;
}

/** Decodes base64 text to bytes (atob: in every browser, worker and Node ≥ 16). */
export function bytesOfBase64(data: string): Uint8Array {
  const raw = atob(data);
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

/** Encodes bytes as base64, a chunk at a time (no argument list as long as the file). */
export function base64OfBytes(bytes: Uint8Array): string {
  let out = '';
  // A multiple of 3 bytes per chunk, so only the last chunk is padded.
  for (let i = 0; i < bytes.length; i += 3 * 8192)
    out += btoa(String.fromCharCode(...bytes.subarray(i, i + 3 * 8192)));
  return out;
}

/** One stored file in a backup: the database's row with its Blob as base64 `data`. */
export const backupMediaFileRowSchema = z
  .strictObject({
    hash: z.string().regex(/^[0-9a-f]{64}$/),
    type: z.enum([...IMAGE_TYPES, ...AUDIO_TYPES]),
    size: z.number().int().min(0).max(MAX_MEDIA_FILE_BYTES),
    data: z
      .string()
      .max(Math.ceil(MAX_MEDIA_FILE_BYTES / 3) * 4)
      .refine((d) => d.length % 4 === 0 && BASE64.test(d), 'the file is not base64'),
  })
  .superRefine((row, ctx) => {
    if (decodedLength(row.data) !== row.size) {
      ctx.addIssue({ code: 'custom', path: ['size'], message: 'the size does not match the file' });
      return;
    }
    // The first 4 KiB are enough for sniffing (an SVG's head included).
    const head = bytesOfBase64(row.data.slice(0, 5464));
    if (sniffMediaType(head) !== row.type)
      ctx.addIssue({ code: 'custom', path: ['type'], message: `the file is not ${row.type}` });
  });
export type BackupMediaFileRow = z.infer<typeof backupMediaFileRowSchema>;

/** The row schema of each media table. */
export const BACKUP_MEDIA_ROW_SCHEMAS = {
  mediaFiles: backupMediaFileRowSchema,
  packMedia: packMediaRowSchema,
} as const;
