/** Rows of the media tables (schema 5): files stored once by content hash, and each pack's names for them. */

/** One media file, stored once however many packs carry it. */
export interface MediaFileRow {
  /** Lowercase hex SHA-256 of the bytes. */
  hash: string;
  /** MIME type sniffed from the bytes when stored (`core/media/sniff.ts`), never taken from a name. */
  type: string;
  /** Bytes. */
  size: number;
  blob: Blob;
}

/** A pack's name for a stored file: what `media:NAME`, `[sound:NAME]` and `frontImages` refer to. */
export interface PackMediaRow {
  packId: string;
  name: string;
  hash: string;
}

/** Index definitions of the media tables (added by schema 5, no upgrade: both start empty). */
export const MEDIA_STORES = {
  mediaFiles: 'hash',
  packMedia: '[packId+name], packId, hash',
} as const;
