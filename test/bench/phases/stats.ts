/** The statistics screen: from its query starting to the figures painted, on a reloaded page. */
import { type BenchApp, MARKS } from '../app-session';
import { median } from '../summary';

async function openStatsTimed(app: BenchApp): Promise<number> {
  await app.openScreen('Statistics');
  const end = await app.waitForMark(MARKS.statsEnd, 0, 600_000);
  const start = (await app.marks(MARKS.statsStart))[0] ?? Number.NaN;
  return end - start;
}

/** Statistics screen times: a warm-up (unless `warmup` is false), then `runs` openings, each on a reloaded page. */
export async function measureStats(
  app: BenchApp,
  runs: number,
  log: (line: string) => void,
  warmup = true,
): Promise<number[]> {
  if (warmup) {
    await app.reload();
    await openStatsTimed(app);
  }
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    await app.reload();
    const ms = await openStatsTimed(app);
    log(`  stats run ${i + 1}: ${ms.toFixed(0)} ms`);
    out.push(ms);
  }
  log(`  stats median ${median(out).toFixed(0)} ms`);
  return out;
}
