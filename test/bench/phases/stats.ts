/**
 * The statistics screen: from its query starting to the figures painted, on a reloaded page. The
 * first opening reads every review row and builds the review log's column cache (saved in the
 * background once the figures are shown: `lectern:stats:cached`); later openings read the cache.
 */
import { type BenchApp, MARKS } from '../app-session';
import { median } from '../summary';

async function openStatsTimed(app: BenchApp): Promise<number> {
  await app.openScreen('Statistics');
  const end = await app.waitForMark(MARKS.statsEnd, 0, 600_000);
  const start = (await app.marks(MARKS.statsStart))[0] ?? Number.NaN;
  return end - start;
}

/** The first opening, and `runs` later ones. */
export interface StatsResult {
  /** The first opening (reads every review row, builds the cache). */
  first: number;
  /** Later openings, each on a reloaded page. */
  later: number[];
}

/** Statistics screen times: the first opening (it builds the cache), then `runs` openings, each on a reloaded page. */
export async function measureStats(
  app: BenchApp,
  runs: number,
  log: (line: string) => void,
): Promise<StatsResult> {
  await app.reload();
  const first = await openStatsTimed(app);
  // The cache is saved after the figures are shown: wait for it, as a student reading them would.
  await app.waitForMark(MARKS.statsCached, 0, 600_000).catch(() => {});
  log(`  stats first opening: ${first.toFixed(0)} ms (builds the review-log cache)`);
  const later: number[] = [];
  for (let i = 0; i < runs; i++) {
    await app.reload();
    const ms = await openStatsTimed(app);
    log(`  stats run ${i + 1}: ${ms.toFixed(0)} ms`);
    later.push(ms);
  }
  log(`  stats median ${median(later).toFixed(0)} ms`);
  return { first, later };
}
