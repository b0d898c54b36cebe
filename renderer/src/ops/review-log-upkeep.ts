/**
 * The review log's upkeep, run once the Library is shown (not before it: it reads and rewrites parts
 * of the log, seconds at a million reviews): undo snapshots older than a day are cleared, the rows of
 * days before yesterday move into their day's record (`compactReviewLog`), answers older than the
 * "keep answers" setting are cleared, then the statistics' cache is filled. Loaded then, so start-up
 * neither downloads nor parses the statistics' code.
 */
import { parseSettings } from '../core/settings';
import { buildReviewColumnChunk } from '../core/stats';
import { saveCardColumns } from '../db/repos/card-columns-repo';
import { readColumnIndex, saveReviewColumnChunks } from '../db/repos/review-columns-repo';
import { compactReviewLog, pruneOldResponses, readReviewsAt, reviewTimeSpan } from '../db/repos/revlog-repo';
import { APP_SETTINGS_KEY } from '../db/repos/settings-repo';
import { chunkFields } from '../db/repos/stats-repo';
import { clearUndoSnapshots, UNDO_KEEP_MS } from '../db/repos/study-repo';
import type { LecternDb } from '../db/schema/database';
import { REVIEW_SPAN, spanOf } from '../db/schema/middleware/review-column-cache';

const DAY = 86_400_000;

/**
 * Clears undo snapshots older than a day, moves the rows of days before yesterday into their days,
 * and clears the typed answers of reviews older than the "keep answers" setting. Resolves to the
 * reviews whose answer was cleared (on their way into their day, or where they were).
 */
export async function tidyReviewLog(db: LecternDb, now: number): Promise<number> {
  await clearUndoSnapshots(db, now - UNDO_KEEP_MS);
  const settings = parseSettings((await db.settings.get(APP_SETTINGS_KEY))?.value).settings;
  const keepFrom = now - settings.keepAnswersDays * DAY;
  const { answersDropped } = await compactReviewLog(db, now, { dropAnswersBefore: keepFrom });
  return answersDropped + (await pruneOldResponses(db, keepFrom));
}

/** Days built and saved per step of {@link warmReviewColumns}. */
const WARM_DAYS_PER_STEP = 30;
/** Past this many days (22 years) the statistics walk the log by id and cache nothing. */
const MAX_WARM_SPANS = 8000;

/**
 * Builds the statistics' cached columns (`reviewColumns`, a record a day) of every day that is over
 * and not cached yet — after an upgrade or a restore every day, later only the days since the last
 * run — so the first opening of the statistics reads the cache, not every review. Run once the
 * Library is shown. Works `daysPerStep` days at a time, each step saved in its own transaction: a
 * page reloaded or closed midway keeps what was built, and the next start goes on from there (one
 * read of a million reviews takes longer than many sessions last before a reload). Stops when the
 * log changes under it (its generation moves on: the next run builds what is missing). Resolves to
 * the days built (`maxSteps` stops sooner, as a reload would).
 */
export async function warmReviewColumns(
  db: LecternDb,
  opts: { daysPerStep?: number; maxSteps?: number } = {},
): Promise<number> {
  const daysPerStep = opts.daysPerStep ?? WARM_DAYS_PER_STEP;
  let built = 0;
  for (let steps = 0; steps < (opts.maxSteps ?? Number.POSITIVE_INFINITY); steps++) {
    const step = await db.transaction('r', db.revlog, db.revlogDays, db.reviewColumns, async () => {
      const [{ spans, generation }, times] = await Promise.all([readColumnIndex(db), reviewTimeSpan(db)]);
      if (!times) return null;
      const { first, last } = times;
      if ((spanOf(last) - spanOf(first)) / REVIEW_SPAN + 1 > MAX_WARM_SPANS) return null;
      // A day can be cached once it is over: before the newest review's day and today.
      const open = Math.min(spanOf(last), spanOf(Date.now()));
      const missing: number[] = [];
      for (let span = spanOf(first); span < open && missing.length < daysPerStep; span += REVIEW_SPAN)
        if (!spans.has(span)) missing.push(span);
      if (missing.length === 0) return null;
      const chunks = await Promise.all(
        missing.map(async (span) => {
          const rows = await readReviewsAt(db, span, span + REVIEW_SPAN);
          return buildReviewColumnChunk(span, rows.map(chunkFields));
        }),
      );
      return { generation, chunks };
    });
    if (!step) return built;
    if (!(await saveReviewColumnChunks(db, step.generation, step.chunks))) return built;
    built += step.chunks.length;
  }
  return built;
}

/**
 * Brings the statistics' card columns up to date (`card-columns.ts`): after an upgrade or a restore
 * every card is read once, later only the cards answered since. Run once the Library is shown, so
 * the statistics' first opening reads a few records, not every card row. Resolves to whether it wrote.
 */
export function warmCardColumns(db: LecternDb): Promise<boolean> {
  return saveCardColumns(db);
}
