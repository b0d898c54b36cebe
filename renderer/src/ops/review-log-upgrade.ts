/**
 * Start-up's part of the review log's move to schema 5 (`db/schema/upgrades/upgrade-v5.ts`): moves
 * what is left, saying how far it is, and clears undo snapshots older than a day and answers older
 * than the "keep answers" setting; then, once the Library is shown, fills the statistics' cache.
 */
import { parseSettings } from '../core/settings';
import { saveReviewColumnChunks } from '../db/repos/review-columns-repo';
import { pruneOldResponses } from '../db/repos/revlog-repo';
import { APP_SETTINGS_KEY } from '../db/repos/settings-repo';
import { type ColumnsToSave, loadReviewColumns } from '../db/repos/stats-repo';
import { clearUndoSnapshots, UNDO_KEEP_MS } from '../db/repos/study-repo';
import type { LecternDb } from '../db/schema/database';
import { revlogUpgradePending, upgradeReviewLog } from '../db/schema/upgrades/upgrade-v5';

const DAY = 86_400_000;

/**
 * Finishes the upgrade if reviews are waiting (`onProgress` gets the share moved, 0–1), then tidies
 * the log. Resolves to the reviews moved this time.
 */
export async function settleReviewLog(
  db: LecternDb,
  now: number,
  onProgress?: (fraction: number, done: number, total: number) => void,
): Promise<number> {
  let moved = 0;
  if (await revlogUpgradePending(db))
    moved = await upgradeReviewLog(db, {
      onProgress: (done, total) => onProgress?.(total > 0 ? done / total : 1, done, total),
    });
  await clearUndoSnapshots(db, now - UNDO_KEEP_MS);
  const settings = parseSettings((await db.settings.get(APP_SETTINGS_KEY))?.value).settings;
  await pruneOldResponses(db, now - settings.keepAnswersDays * DAY);
  return moved;
}

/**
 * Builds the statistics' cached columns (`reviewColumns`, a record a day) of every day that is over
 * and not cached yet — after an upgrade every day, later only the days since the last run — so the
 * first opening of the statistics reads the cache, not every review. Run once the Library is shown.
 * Resolves to the days built.
 */
export async function warmReviewColumns(db: LecternDb): Promise<number> {
  const toSave: ColumnsToSave = { generation: 0, chunks: [] };
  await db.transaction('r', db.revlog, db.reviewColumns, () => loadReviewColumns(db, undefined, toSave));
  if (toSave.chunks.length === 0) return 0;
  return (await saveReviewColumnChunks(db, toSave.generation, toSave.chunks)) ? toSave.chunks.length : 0;
}
