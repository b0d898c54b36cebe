/**
 * Live statistics: one query loads cards, review log and settings and computes every figure
 * (`ops/stats.ts`). It re-runs when a review, card or setting changes, so a review just done shows at
 * once. The screen calls this once and hands the result down.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { markPhase } from '../../app/perf';
import { loadPackNames, type PackNames, readStats, type StatsSummary } from '../../ops/stats';

export type { PackNames };

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
    let shown = 0;
    return readStats({
      now,
      utcOffsetMinutes: -new Date(now).getTimezoneOffset(),
      ...(packId !== undefined ? { packId } : {}),
      hardestLimit: HARDEST_LIMIT,
      // A render per whole percent at most: a million reviews are read in hundreds of parts.
      onProgress: (fraction) => {
        if (fraction - shown < 0.01 && fraction < 1) return;
        shown = fraction;
        setProgress({ packId, fraction });
      },
      // `lectern:stats:cached` (read by `npm run bench`): the cache is up to date, saved or not needed.
      onCached: () => markPhase('lectern:stats:cached'),
    });
  }, [packId]);
  return { stats, progress: progress.packId === packId ? progress.fraction : 0 };
}

export function usePackNames(): Map<string, PackNames> | undefined {
  return useLiveQuery(loadPackNames, []);
}
