/**
 * Packs' media in IndexedDB: each file once as a Blob under its SHA-256 (`mediaFiles`), and per pack a
 * name → hash map (`packMedia`). Importing a pack stores its media in the same transaction as its
 * questions; removing a pack (or replacing its media by an update) deletes the files no pack still names.
 * Hashes are computed before a transaction opens (Web Crypto is not Dexie work, see Dexie's rules).
 */
import { sha256Hex } from '../../core/media/hash';
import type { PackMedia } from '../../core/pack/media';
import type { Pack } from '../../core/pack/schema';
import type { LecternDb } from '../schema/database';
import type { MediaFileRow, PackMediaRow } from '../schema/media-rows';
import type { EpochMs } from '../schema/rows';
import { type ApplyImportOptions, type ApplyImportResult, applyImport } from './import-repo';
import type { PackMeta } from './packs-repo';
import { deletePackQuestions } from './question-chunks';
import { deletePackReviews } from './revlog-repo';

/** A media file with its content hash, ready to store. */
export interface HashedMedia extends PackMedia {
  hash: string;
}

/** Hashes every file (outside any transaction). */
export async function hashPackMedia(media: readonly PackMedia[]): Promise<HashedMedia[]> {
  return Promise.all(media.map(async (m) => ({ ...m, hash: await sha256Hex(m.bytes) })));
}

/** Deletes the files among `hashes` that no pack names any more. Call inside a rw transaction. */
async function pruneFiles(db: LecternDb, hashes: Iterable<string>): Promise<void> {
  for (const hash of new Set(hashes)) {
    if ((await db.packMedia.where('hash').equals(hash).count()) === 0) await db.mediaFiles.delete(hash);
  }
}

/**
 * Makes `media` the pack's media: its old names are dropped, files not stored yet are added, and files
 * no pack names any more are deleted. Call inside a rw transaction over both media tables.
 */
export async function replacePackMedia(
  db: LecternDb,
  packId: string,
  media: readonly HashedMedia[],
): Promise<void> {
  const old = await db.packMedia.where('packId').equals(packId).toArray();
  await db.packMedia.where('packId').equals(packId).delete();
  const rows: PackMediaRow[] = media.map((m) => ({ packId, name: m.name, hash: m.hash }));
  await db.packMedia.bulkPut(rows);
  const hashes = [...new Set(media.map((m) => m.hash))];
  const stored = new Set((await db.mediaFiles.bulkGet(hashes)).flatMap((r) => (r ? [r.hash] : [])));
  const added: MediaFileRow[] = [];
  for (const m of media) {
    if (stored.has(m.hash)) continue;
    stored.add(m.hash);
    added.push({
      hash: m.hash,
      type: m.type,
      size: m.bytes.length,
      blob: new Blob([m.bytes as Uint8Array<ArrayBuffer>], { type: m.type }),
    });
  }
  await db.mediaFiles.bulkPut(added);
  await pruneFiles(
    db,
    old.map((r) => r.hash),
  );
}

/**
 * {@link applyImport} with the pack's media, in one transaction: the media are replaced only when the
 * pack is stored (a stale import writes neither). `media` undefined leaves a stored pack's media as they are.
 */
export async function applyImportWithMedia(
  db: LecternDb,
  pack: Pack,
  meta: PackMeta,
  now: EpochMs,
  media: readonly HashedMedia[] | undefined,
  opts: ApplyImportOptions = {},
): Promise<ApplyImportResult> {
  return db.transaction(
    'rw',
    [db.packs, db.questionChunks, db.cards, db.mediaFiles, db.packMedia],
    async () => {
      const res = await applyImport(db, pack, meta, now, opts);
      if (res.ok && media) await replacePackMedia(db, pack.id, media);
      return res;
    },
  );
}

/**
 * Removes a pack with its questions, cards, reading progress and review history (here, not in
 * `packs-repo`, which start-up loads: this reaches the review log's day records and their codec).
 */
export async function removePack(db: LecternDb, packId: string): Promise<void> {
  await db.transaction(
    'rw',
    [db.packs, db.questionChunks, db.cards, db.revlog, db.revlogDays, db.undo, db.reading],
    async () => {
      await db.packs.delete(packId);
      await deletePackQuestions(db, packId);
      await db.cards.where('packId').equals(packId).delete();
      await deletePackReviews(db, packId);
      await db.undo.where('cardKey').between(`${packId}:`, `${packId}:\uffff`).delete();
      await db.reading.where('packId').equals(packId).delete();
    },
  );
}

/** Removes a pack (see {@link removePack}) with its media names, and the files no other pack names. */
export async function removePackWithMedia(db: LecternDb, packId: string): Promise<void> {
  await db.transaction(
    'rw',
    [
      db.packs,
      db.questionChunks,
      db.cards,
      db.revlog,
      db.revlogDays,
      db.undo,
      db.reading,
      db.mediaFiles,
      db.packMedia,
    ],
    async () => {
      await removePack(db, packId);
      await replacePackMedia(db, packId, []);
    },
  );
}

/** The stored file a pack names `name`, or null (no such name, or its file is gone). */
export async function loadMediaFile(
  db: LecternDb,
  packId: string,
  name: string,
): Promise<MediaFileRow | null> {
  return db.transaction('r', [db.packMedia, db.mediaFiles], async () => {
    const row = await db.packMedia.get([packId, name]);
    return row ? ((await db.mediaFiles.get(row.hash)) ?? null) : null;
  });
}

/** Every media file of a pack, with its bytes (for export). */
export async function loadPackMedia(db: LecternDb, packId: string): Promise<PackMedia[]> {
  const rows = await db.transaction('r', [db.packMedia, db.mediaFiles], async () => {
    const names = await db.packMedia.where('packId').equals(packId).toArray();
    const files = await db.mediaFiles.bulkGet(names.map((n) => n.hash));
    return names.flatMap((n, i) => {
      const f = files[i];
      return f ? [{ name: n.name, file: f }] : [];
    });
  });
  // Blob reads are not Dexie work: done after the transaction.
  return Promise.all(
    rows.map(async ({ name, file }) => ({
      name,
      type: file.type,
      bytes: new Uint8Array(await file.blob.arrayBuffer()),
    })),
  );
}

/** The names of a pack's media files. */
export async function listPackMediaNames(db: LecternDb, packId: string): Promise<string[]> {
  return (await db.packMedia.where('packId').equals(packId).toArray()).map((r) => r.name);
}
