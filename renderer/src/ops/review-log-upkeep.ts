/**
 * The review log's upkeep, run once the Library is shown (not before it: clearing old answers reads
 * every review older than the "keep answers" setting, seconds at a million reviews): undo snapshots
 * older than a day and answers older than the setting are cleared, then the statistics' cache is
 * filled. Loaded then, so start-up neither downloads nor parses the statistics' code.
 */
import { parseSettings } from '../core/settings';
import { saveReviewColumnChunks } from '../db/repos/review-columns-repo';
import { pruneOldResponses } from '../db/repos/revlog-repo';
import { APP_SETTINGS_KEY } from '../db/repos/settings-repo';
import { type ColumnsToSave, loadReviewColumns } from '../db/repos/stats-repo';
import { clearUndoSnapshots, UNDO_KEEP_MS } from '../db/repos/study-repo';
import type { LecternDb } from '../db/schema/database';

const DAY = 86_400_000;

/**
 * Clears undo snapshots older than a day and the typed answers of reviews older than the "keep
 * answers" setting. Resolves to the reviews whose answer was cleared.
 */
export async function tidyReviewLog(db: LecternDb, now: number): Promise<number> {
  await clearUndoSnapshots(db, now - UNDO_KEEP_MS);
  const settings = parseSettings((await db.settings.get(APP_SETTINGS_KEY))?.value).settings;
  return pruneOldResponses(db, now - settings.keepAnswersDays * DAY);
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
