/**
 * The Browse screen at size: from the click on Browse to its first rows painted (the first batch of
 * questions read), and to every question read and listed, on a reloaded page (its code is loaded on
 * first opening, as a student's first opening of the day would).
 */
import type { BenchApp } from '../app-session';
import { median } from '../summary';

/** Marks the Browse screen sets (renderer/src/features/browse/BrowseScreen.tsx). */
export const BROWSE_MARKS = { rows: 'lectern:browse:rows', end: 'lectern:browse:end' } as const;

export interface BrowseResult {
  /** Click → first rows painted, per run. */
  rows: number[];
  /** Click → every question read and listed, per run. */
  all: number[];
}

export async function measureBrowse(
  app: BenchApp,
  runs: number,
  log: (line: string) => void,
): Promise<BrowseResult> {
  const out: BrowseResult = { rows: [], all: [] };
  for (let i = 0; i < runs; i++) {
    await app.reload();
    const clicked = await app.page.evaluate(() => performance.now());
    await app.openScreen('Browse');
    const rows = await app.waitForMark(BROWSE_MARKS.rows, 0, 600_000);
    const all = await app.waitForMark(BROWSE_MARKS.end, 0, 600_000);
    out.rows.push(rows - clicked);
    out.all.push(all - clicked);
    log(
      `  browse run ${i + 1}: first rows ${(rows - clicked).toFixed(0)} ms, all ${(all - clicked).toFixed(0)} ms`,
    );
  }
  log(`  browse median: first rows ${median(out.rows).toFixed(0)} ms, all ${median(out.all).toFixed(0)} ms`);
  return out;
}
