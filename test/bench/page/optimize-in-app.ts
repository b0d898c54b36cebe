/**
 * `fsrs.appOptimizeMs` in the page: a pack of flashcards with a simulated history of about 100k
 * reviews (seeded as the optimizer's e2e test seeds its year), then the app's own "Optimize" of the
 * Default preset — reading the reviews, building the histories, main's worker fitting twice and
 * evaluating, the parameters stored — timed whole, with the page's long tasks recorded meanwhile
 * (issue 18: the UI stays responsive, no task over 100 ms).
 */
import { buildHistories } from '../../../renderer/src/core/scheduler';
import { DEFAULT_PRESET_ID } from '../../../renderer/src/core/settings';
import { makeDayClock } from '../../../renderer/src/core/stats/day';
import { LecternDb } from '../../../renderer/src/db/schema/database';
import { optimizePreset } from '../../../renderer/src/ops/scheduling/optimize';
import { readReviewFacts } from '../../../renderer/src/ops/scheduling/review-facts';
import { storeFlashcardPack } from './flashcard-pack';
import { seedFsrsHistory } from './seed-fsrs';

const PACK_ID = 'fsrs-bench';

export interface OptimizeInAppResult {
  cards: number;
  reviews: number;
  /** The whole Optimize, as the student waits for it (ms). */
  ms: number;
  /** Reading the reviews, and building the per-card histories, each alone (ms; before the Optimize). */
  readMs: number;
  buildMs: number;
  /** The page's long tasks meanwhile (ms, each over 50 ms). */
  longTasks: number[];
  /** When they began (ms after the Optimize began) and how long they took. */
  spans: { at: number; ms: number }[];
  /** When each phase began (0: reading and handing over, 1: fitting the earlier part, 2: all). */
  steps: { at: number; phase: number }[];
  applied: boolean;
}

/** Resolves once the page has run no long task for a second (at most 30 s). */
async function quiet(): Promise<void> {
  let last = performance.now();
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) last = Math.max(last, e.startTime + e.duration);
  });
  observer.observe({ type: 'longtask' });
  const until = performance.now() + 30_000;
  while (performance.now() - last < 1000 && performance.now() < until)
    await new Promise((r) => setTimeout(r, 200));
  observer.disconnect();
}

export async function measureOptimizeInApp(o: {
  questions: number;
  days: number;
  seed: string;
}): Promise<OptimizeInAppResult> {
  const db = new LecternDb();
  await db.open();
  try {
    await storeFlashcardPack(db, {
      id: PACK_ID,
      title: 'FSRS bench',
      count: o.questions,
      origin: 'imported',
    });
    const now = Date.now();
    const seeded = await seedFsrsHistory({ packId: PACK_ID, now, days: o.days, seed: o.seed });
    // The app's screens answer the seeding's writes (their live queries read the new cards): let them
    // settle first — a student's history is there long before they press Optimize.
    await quiet();
    // Not part of the Optimize's time: its first two steps alone, to say where the time goes.
    const r0 = performance.now();
    const facts = await readReviewFacts(db, null);
    const readMs = performance.now() - r0;
    const b0 = performance.now();
    buildHistories(facts, makeDayClock({ utcOffsetMinutes: 0, dayStartHour: 4 }));
    const buildMs = performance.now() - b0;
    // Long tasks from here on only (not the start-up's, which a buffered observer would include).
    const longTasks: number[] = [];
    const spans: { at: number; ms: number }[] = [];
    const steps: { at: number; phase: number }[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        // A task that began before the Optimize (the dry run above) is not the Optimize's.
        if (e.startTime < t0) continue;
        longTasks.push(e.duration);
        spans.push({ at: Math.round(e.startTime - t0), ms: Math.round(e.duration) });
      }
    });
    observer.observe({ type: 'longtask' });
    const t0 = performance.now();
    let lastPhase = -1;
    const onProgress = (p: { phase: number }) => {
      if (p.phase !== lastPhase) steps.push({ at: Math.round(performance.now() - t0), phase: p.phase });
      lastPhase = p.phase;
    };
    const report = await optimizePreset(db, DEFAULT_PRESET_ID, { now, onProgress }).catch((err: unknown) => {
      // The bench reports the optimizer's own words (a bare object does not cross page.evaluate).
      const e = err as { name?: string; message?: string };
      throw new Error(`the app's Optimize failed: ${e?.name ?? ''} ${e?.message ?? JSON.stringify(err)}`);
    });
    const ms = performance.now() - t0;
    // A task that ended with the Optimize is reported once its frame is done.
    await new Promise((r) => setTimeout(r, 50));
    for (const e of observer.takeRecords())
      if (e.startTime >= t0) {
        longTasks.push(e.duration);
        spans.push({ at: Math.round(e.startTime - t0), ms: Math.round(e.duration) });
      }
    observer.disconnect();
    return { ...seeded, ms, readMs, buildMs, longTasks, spans, steps, applied: report.applied };
  } finally {
    db.close();
  }
}
