/** Reading progress: which chapters were opened, and where the reader was. */
import type { LecternDb } from '../schema/database';
import type { EpochMs, ReadingRow } from '../schema/rows';

/** Records that a chapter was opened (this is what lets its new questions into the study queue). */
export async function markChapterOpened(
  db: LecternDb,
  packId: string,
  chapterId: string,
  now: EpochMs,
  sectionId?: string,
): Promise<void> {
  const key = `${packId}:${chapterId}`;
  await db.transaction('rw', db.reading, async () => {
    const old = await db.reading.get(key);
    const row: ReadingRow = {
      key,
      packId,
      chapterId,
      firstOpenedAt: old?.firstOpenedAt ?? now,
      lastOpenedAt: now,
      ...((sectionId ?? old?.lastSection) ? { lastSection: sectionId ?? old?.lastSection } : {}),
    };
    await db.reading.put(row);
  });
}

/** Reading rows of one pack, by chapter id. */
export async function readingOfPack(db: LecternDb, packId: string): Promise<Map<string, ReadingRow>> {
  const rows = await db.reading.where('packId').equals(packId).toArray();
  return new Map(rows.map((r) => [r.chapterId, r]));
}
