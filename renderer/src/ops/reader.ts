/** The reader's operations: the pack it shows, and recording that a chapter was opened. */
import { db } from '../db/db';
import { markChapterOpened } from '../db/reading-repo';
import type { PackRow } from '../db/rows';

/** The stored pack `packId` (undefined when it is not stored). */
export function loadPack(packId: string): Promise<PackRow | undefined> {
  return db.packs.get(packId);
}

/** Records that a chapter was opened (this is what lets its new questions into the study queue). */
export function openChapter(
  packId: string,
  chapterId: string,
  now: number,
  sectionId?: string,
): Promise<void> {
  return markChapterOpened(db, packId, chapterId, now, sectionId);
}
