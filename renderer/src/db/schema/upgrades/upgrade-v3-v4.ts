/** Upgrades 2 → 3 (chapter tallies) and 3 → 4 (the tallies' check in `meta`). */
import type { Transaction } from 'dexie';
import { checkOfTallies, countChapterTallies, META_TABLE, TALLY_TABLE } from '../middleware/chapter-tallies';
import type { CardRow, ChapterTallyRow } from '../rows';

/** The v2 → v3 upgrade: counts every chapter's started cards once (one pass over `cards`). */
export async function upgradeToV3(tx: Transaction): Promise<void> {
  const tallies = countChapterTallies(await tx.table<CardRow>('cards').toArray());
  // The table was created empty by this version.
  await tx.table(TALLY_TABLE).bulkAdd(tallies);
}

/** The v3 → v4 upgrade: the check of the tallies as they stand (kept by the middleware until now). */
export async function upgradeToV4(tx: Transaction): Promise<void> {
  const tallies = await tx.table<ChapterTallyRow>(TALLY_TABLE).toArray();
  await tx.table(META_TABLE).put(checkOfTallies(tallies));
}
