/**
 * The Library's operations: the packs with their chapters and reading progress (read live by the
 * screen), removing a pack, and the rows set aside because they fail their schema.
 */

import { db } from '../db/schema/database';
import type { PackRow, ReadingRow } from '../db/schema/rows';

export type { LibraryCounts } from '../db/repos/study-counts-repo';
export type { SetAsideRow } from '../db/schema/middleware/row-guard';
export { onSetAsideRows, setAsideRows } from '../db/schema/middleware/row-guard';
export type { PackRow };

/** A pack as the Library shows it: its row and the reading progress of its chapters by chapter id. */
export interface LibraryPack {
  pack: PackRow;
  reading: Map<string, ReadingRow>;
}

/** Every stored pack in Library order: the bundled course first, then by title. */
export async function listPacksInLibraryOrder(): Promise<PackRow[]> {
  const packs = await db.packs.toArray();
  return packs.sort((a, b) =>
    a.origin === b.origin ? a.title.localeCompare(b.title) : a.origin === 'bundled' ? -1 : 1,
  );
}

/** Every stored pack in Library order with its reading progress; for a live query. */
export async function loadLibrary(): Promise<LibraryPack[]> {
  const packs = await listPacksInLibraryOrder();
  const reading = await db.reading.toArray();
  return packs.map((pack) => ({
    pack,
    reading: new Map(reading.filter((r) => r.packId === pack.id).map((r) => [r.chapterId, r])),
  }));
}

/** Removes a pack with its questions, cards, reading progress, review history and the media no other pack names. */
export async function removePackFromLibrary(packId: string): Promise<void> {
  // The media repository (and the import code it shares) loads on the first removal, not at start-up.
  return (await import('../db/repos/media-repo')).removePackWithMedia(db, packId);
}
