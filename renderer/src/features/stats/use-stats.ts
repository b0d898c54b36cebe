/**
 * Live statistics: one query loads cards, review log and settings and computes every figure (in the
 * pure core, with `now` passed in). It re-runs when a review, card or setting changes, so a review
 * just done shows at once. The screen calls this once and hands the result down. The review log's
 * columns are cached by span of ids after a read (`db/schema/middleware/review-column-cache.ts`).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { markPhase } from '../../app/perf';
import { saveReviewColumnChunks } from '../../db/repos/review-columns-repo';
import { type ColumnsToSave, loadStats, type StatsSummary } from '../../db/repos/stats-repo';
import { db } from '../../db/schema/database';

/** How many hardest questions the screen lists. */
export const HARDEST_LIMIT = 10;

/** The statistics, and while they are first computed, the share of the review log read (0–1). */
export interface StatsState {
  stats: StatsSummary | undefined;
  progress: number;
}

export function useStats(packId: string | undefined): StatsState {
  // Kept with the pack it was read for: a new filter starts from nothing read.
  const [progress, setProgress] = useState<{ packId: string | undefined; fraction: number }>({
    packId,
    fraction: 0,
  });
  const stats = useLiveQuery(() => {
    const now = Date.now();
    markPhase('lectern:stats:start');
    let built: ColumnsToSave | null = null;
    let shown = 0;
    return loadStats(db, {
      now,
      utcOffsetMinutes: -new Date(now).getTimezoneOffset(),
      ...(packId !== undefined ? { packId } : {}),
      hardestLimit: HARDEST_LIMIT,
      onColumnsBuilt: (b) => {
        built = b;
      },
      // A render per whole percent at most: a million reviews are read in hundreds of parts.
      onProgress: (fraction) => {
        if (fraction - shown < 0.01 && fraction < 1) return;
        shown = fraction;
        setProgress({ packId, fraction });
      },
    }).then((summary) => {
      saveLater(built);
      return summary;
    });
  }, [packId]);
  return { stats, progress: progress.packId === packId ? progress.fraction : 0 };
}

/**
 * Saves the review log's column chunks a statistics read built (so the next opening reads them
 * instead of every review row), once the read is over and outside the live query, which may not
 * write. A failed save (a full disk) loses nothing: the next opening reads the rows again.
 */
function saveLater(built: ColumnsToSave | null): void {
  setTimeout(() => {
    // `lectern:stats:cached` (read by `npm run bench`): the cache is up to date, saved or not needed.
    (built ? saveReviewColumnChunks(db, built.generation, built.chunks) : Promise.resolve(false))
      .then(() => markPhase('lectern:stats:cached'))
      .catch(() => {});
  }, 0);
}

/** Titles of packs and their chapters, for labelling the figures. */
export interface PackNames {
  title: string;
  chapters: Map<string, string>;
}

export function usePackNames(): Map<string, PackNames> | undefined {
  return useLiveQuery(async () => {
    const names = new Map<string, PackNames>();
    await db.packs.each((p) => {
      names.set(p.id, { title: p.title, chapters: new Map(p.chapters.map((c) => [c.id, c.title])) });
    });
    return names;
  }, []);
}
