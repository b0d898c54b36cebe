/**
 * `sync.merge100kMs` (issue 20): a second device's 100k reviews (over 10k cards) merged into a
 * profile by the app's sync engine in the page, in an app of its own (fresh user data). Target ≤ 5 s.
 */
import { BenchApp, makeUserData, removeUserData } from '../app-session';
import { callBench } from '../page/page-bundle';
import type { SyncMergeResult } from '../page/sync-merge';
import { median } from '../summary';

export const SYNC_REVIEWS = 100_000;
export const SYNC_CARDS = 10_000;

export interface SyncBenchResult {
  runs: SyncMergeResult[];
  /** The median merge (ms). */
  ms: number;
  /** The median floor: the rows written by one bulkAdd into a bare database (ms). */
  floorMs: number;
}

export async function measureSyncMergeRuns(
  runs: number,
  log: (line: string) => void,
): Promise<SyncBenchResult> {
  const out: SyncMergeResult[] = [];
  for (let i = 0; i < runs; i++) {
    const dir = makeUserData('sync');
    const app = await BenchApp.launch(dir);
    try {
      const r = await callBench(app.page, 'measureSyncMerge', SYNC_REVIEWS, SYNC_CARDS);
      if (r.error) throw new Error(`the merge failed: ${r.error}`);
      if (r.stored !== r.reviews) throw new Error(`the merge stored ${r.stored} of ${r.reviews} reviews`);
      log(
        `  merged ${r.reviews} reviews (${r.segments} segments, ${r.replayed} cards replayed) in ${(r.ms / 1000).toFixed(2)} s; decoding alone ${(r.decodeMs / 1000).toFixed(2)} s, IndexedDB's floor for the rows ${(r.floorMs / 1000).toFixed(2)} s`,
      );
      out.push(r);
    } finally {
      await app.close();
      removeUserData(dir);
    }
  }
  return { runs: out, ms: median(out.map((r) => r.ms)), floorMs: median(out.map((r) => r.floorMs)) };
}
