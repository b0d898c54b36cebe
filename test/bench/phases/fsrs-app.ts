/**
 * The optimizer as the student meets it (issue 18): in an app of its own (fresh user data), a pack of
 * 14,000 flashcards with a simulated year of about 100k reviews, then the app's Optimize of the Default
 * preset, timed from the page — reading the reviews, building the histories, main's worker fitting
 * twice and evaluating, the parameters stored — with the page's long tasks meanwhile (target: none
 * over 100 ms). JSON: `fsrs.appOptimizeMs`, `fsrs.appLongestTaskMs`.
 */
import { BenchApp, makeUserData, removeUserData } from '../app-session';
import { callBench } from '../page/page-bundle';

/** Questions seeded: a simulated year gives ~7 reviews a card, ~100k in all. */
const QUESTIONS = 14_000;
const DAYS = 365;

export interface FsrsAppBench {
  cards: number;
  reviews: number;
  appOptimizeMs: number;
  /** The page's longest task during the Optimize (0: none over 50 ms). */
  appLongestTaskMs: number;
  applied: boolean;
  /** Reading the reviews, and building the histories, each alone (ms). */
  readMs: number;
  buildMs: number;
}

export async function measureFsrsInApp(log: (line: string) => void): Promise<FsrsAppBench> {
  const dir = makeUserData('fsrs-app');
  const app = await BenchApp.launch(dir);
  try {
    const r = await callBench(app.page, 'measureOptimizeInApp', QUESTIONS, DAYS, 'bench-app');
    const longest = Math.max(0, ...r.longTasks);
    log(
      `  the app's Optimize of ${r.reviews} reviews over ${r.cards} cards: ${(r.ms / 1000).toFixed(2)} s, longest task in the page ${longest.toFixed(0)} ms (${r.longTasks.length} over 50 ms); parameters ${r.applied ? 'applied' : 'not applied'}; reading the reviews alone ${r.readMs.toFixed(0)} ms, building the histories ${r.buildMs.toFixed(0)} ms; long tasks at ${JSON.stringify(r.spans)}, phases at ${JSON.stringify(r.steps)}`,
    );
    return {
      cards: r.cards,
      reviews: r.reviews,
      appOptimizeMs: r.ms,
      appLongestTaskMs: longest,
      applied: r.applied,
      readMs: r.readMs,
      buildMs: r.buildMs,
    };
  } finally {
    await app.close();
    removeUserData(dir);
  }
}
