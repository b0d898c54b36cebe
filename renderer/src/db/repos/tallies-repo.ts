/** Recounting the chapter tallies when their check disagrees (the middleware keeps them otherwise). */

import type { LecternDb } from '../schema/database';
import { checkOfTallies, tallyKey } from '../schema/middleware/chapter-tallies';

/**
 * Recounts every chapter's started cards from the cards' `[packId+chapterId+startedOrder]` index
 * (keys only: a card has that key exactly when it is started) and replaces the tallies and their
 * check, in one transaction that holds card writes off meanwhile.
 */
export async function rebuildChapterTallies(db: LecternDb): Promise<void> {
  await db.transaction('rw', db.cards, db.chapterTallies, db.meta, async () => {
    const keys = (await db.cards.orderBy('[packId+chapterId+startedOrder]').keys()) as unknown as [
      string,
      string,
      number,
    ][];
    const deltas = new Map<string, number>();
    for (const [packId, chapterId] of keys) {
      const k = tallyKey(packId, chapterId);
      deltas.set(k, (deltas.get(k) ?? 0) + 1);
    }
    const rows = [...deltas].map(([k, started]) => {
      const [packId, chapterId] = JSON.parse(k) as [string, string];
      return { packId, chapterId, started };
    });
    await db.chapterTallies.clear();
    await db.chapterTallies.bulkPut(rows);
    await db.meta.put(checkOfTallies(rows));
  });
}
