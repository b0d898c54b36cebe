/** The reader's operations: the pack it shows, and recording that a chapter was opened. */

import { markChapterOpened } from '../db/repos/reading-repo';
import { db } from '../db/schema/database';
import type { PackRow } from '../db/schema/rows';

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
