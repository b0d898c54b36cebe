/**
 * Rows of the media tables (schema 5), declared as zod schemas like every other row (`rows.ts`):
 * files stored once by content hash, and each pack's names for them.
 */
import { z } from 'zod';

/** One media file, stored once however many packs carry it. */
export const mediaFileRowSchema = z.strictObject({
  /** Lowercase hex SHA-256 of the bytes. */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  /** MIME type sniffed from the bytes when stored (`core/media/sniff.ts`), never taken from a name. */
  type: z.string(),
  /** Bytes. */
  size: z.number().int().min(0),
  blob: z.instanceof(Blob),
});
export type MediaFileRow = z.infer<typeof mediaFileRowSchema>;

/** A pack's name for a stored file: what `media:NAME`, `[sound:NAME]` and `frontImages` refer to. */
export const packMediaRowSchema = z.strictObject({
  packId: z.string().min(1),
  name: z.string().min(1),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type PackMediaRow = z.infer<typeof packMediaRowSchema>;

/** Index definitions of the media tables (added by schema 5, no upgrade: both start empty). */
export const MEDIA_STORES = {
  mediaFiles: 'hash',
  packMedia: '[packId+name], packId, hash',
} as const;
