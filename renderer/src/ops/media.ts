/**
 * A pack's media files as object URLs for `<img>` and `<audio>`: read once from IndexedDB, shared by
 * every element showing the same file, and revoked when the last one goes. Blob URLs are the only
 * non-`self` source the page's CSP admits (img-src/media-src `blob:`), and an SVG behind one is only
 * ever an image: its scripts never run.
 */
import { isImageType } from '../core/media/sniff';
import type { MediaHandle, MediaSource } from '../core/media/source';
import { loadMediaFile } from '../db/repos/media-repo';
import { db } from '../db/schema/database';

interface Entry {
  handle: Promise<MediaHandle | null>;
  users: number;
}

const entries = new Map<string, Entry>();

function keyOf(packId: string, name: string): string {
  return `${packId}\u0000${name}`;
}

/**
 * The object URL of the file `packId` names `name` (null when the pack has no such file). Each call
 * must be paired with {@link releaseMediaUrl}.
 */
export function acquireMediaUrl(packId: string, name: string): Promise<MediaHandle | null> {
  const key = keyOf(packId, name);
  let entry = entries.get(key);
  if (!entry) {
    const handle = loadMediaFile(db, packId, name).then((file) =>
      file ? { url: URL.createObjectURL(file.blob), type: file.type, image: isImageType(file.type) } : null,
    );
    entry = { handle, users: 0 };
    entries.set(key, entry);
    // A failed read is not cached: the next element showing the file tries again.
    handle.catch(() => entries.delete(key));
  }
  entry.users++;
  return entry.handle;
}

/** Lets go of a URL from {@link acquireMediaUrl}; the last user's release revokes it. */
export function releaseMediaUrl(packId: string, name: string): void {
  const key = keyOf(packId, name);
  const entry = entries.get(key);
  if (!entry) return;
  entry.users--;
  if (entry.users > 0) return;
  entries.delete(key);
  void entry.handle.then((h) => h && URL.revokeObjectURL(h.url)).catch(() => {});
}

const sources = new Map<string, MediaSource>();

/** The media of pack `packId` for `<MediaScope>` (the same object every time, so effects keep it). */
export function mediaSourceOf(packId: string): MediaSource {
  let source = sources.get(packId);
  if (!source) {
    source = {
      acquire: (name) => acquireMediaUrl(packId, name),
      release: (name) => releaseMediaUrl(packId, name),
    };
    sources.set(packId, source);
  }
  return source;
}
