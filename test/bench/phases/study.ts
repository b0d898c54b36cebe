/**
 * Studying at scale: the first session's queue build (marks around it in the study feature) and
 * answer → next question painted, driven by the keyboard as a student would (flashcards: Space,
 * then 3; other types: choose, Enter to check, Enter to continue).
 */
import type { QuestionType } from '../../../renderer/src/core/pack/schema';
import { type BenchApp, MARKS } from '../app-session';
import { callBench } from '../page/page-bundle';
import {
  type AnswerPhases,
  type Latencies,
  median,
  medianPhases,
  pairAnswerMarks,
  splitAnswerPhases,
  summarizeLatencies,
} from '../summary';

/** Options of {@link seedStudyHistory}. */
export interface SeedInput {
  packId: string;
  reviewsPerCard: number;
  /** Review cards due now: at least as many as the answers timed. */
  due: number;
}

/**
 * Seeds a studied history (setup, not timed). The app is not reloaded: its next start moves the
 * seeded log (schema 4's rows) into schema 5's, and the storage phase measures the folder before it.
 */
export async function seedStudyHistory(
  app: BenchApp,
  input: SeedInput,
): Promise<{ cards: number; reviews: number; due: number; ms: number }> {
  const t0 = Date.now();
  const seeded = await callBench(app.page, 'seedStudy', { ...input, now: Date.now() });
  return { ...seeded, ms: Date.now() - t0 };
}

/** Opens Study on a freshly loaded page and returns the queue build's duration (ms). */
async function openStudyTimed(app: BenchApp): Promise<number> {
  await app.openScreen('Study');
  const end = await app.waitForMark(MARKS.queueEnd);
  const start = (await app.marks(MARKS.queueStart))[0] ?? Number.NaN;
  await app.page.locator('article.study-card').waitFor();
  return end - start;
}

/** Queue build times: a warm-up (unless `warmup` is false), then `runs` builds, each on a reloaded page. Leaves Study open. */
export async function measureQueue(
  app: BenchApp,
  runs: number,
  log: (line: string) => void,
  warmup = true,
): Promise<number[]> {
  if (warmup) {
    await app.reload();
    await openStudyTimed(app);
  }
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    await app.reload();
    const ms = await openStudyTimed(app);
    log(`  queue run ${i + 1}: ${ms.toFixed(1)} ms`);
    out.push(ms);
  }
  log(`  queue median ${median(out).toFixed(1)} ms`);
  return out;
}

/** Keys that answer a question of `type` (any answer: the write path is the same right or wrong). */
function answerKeys(type: QuestionType): string[] {
  switch (type) {
    case 'multiple-choice':
      return ['1', 'Enter'];
    case 'true-false':
      return ['t', 'Enter'];
    default:
      // typed and cloze: Enter in the (empty) field submits; matching and ordering submit as laid out
      return ['Enter'];
  }
}

/** Resolves in the page once the current frame has been painted (a task after the next animation frame). */
const AFTER_PAINT = 'new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))';

/**
 * Answers the card on screen by keyboard and waits until the next one is painted. Each key's store
 * update renders before the next key event is handled (React flushes it in a microtask), so e.g.
 * "3" after Space rates the revealed card; the bench also lets each step paint before the next key.
 */
async function answerOne(app: BenchApp, typeOf: Map<string, QuestionType>): Promise<void> {
  const page = app.page;
  const read = () =>
    page.evaluate((mark) => {
      const card = document.querySelector('article.study-card');
      return [
        card?.getAttribute('data-question-id') ?? null,
        card?.getAttribute('data-phase') ?? null,
        performance.getEntriesByName(mark, 'mark').length,
      ] as const;
    }, MARKS.answerEnd);
  let [id, phase, painted] = await read();
  if (id === null) {
    // Between two cards (e.g. a card reloaded after a refused answer): give the screen a moment.
    await page
      .waitForFunction(() => document.querySelector('article.study-card') !== null, undefined, {
        polling: 5,
        timeout: 15_000,
      })
      .catch(() => {});
    [id, phase, painted] = await read();
  }
  const type = typeOf.get(String(id));
  if (!type) {
    const text = ((await page.locator('main').textContent()) ?? '').slice(0, 800);
    throw new Error(`no question of the bench pack on screen (found ${id}); the screen shows:\n${text}`);
  }
  // A card already past its question (after a lost key) is finished from where it is.
  const keys =
    phase === 'revealed'
      ? ['3']
      : phase === 'answered'
        ? ['Enter']
        : type === 'flashcard'
          ? [' ', '3']
          : [...answerKeys(type), 'Enter'];
  // Each step before the answer (reveal, choose, check) is painted before the next key, as a student
  // sees it before going on: its frame is not part of the answer's time.
  for (const [i, key] of keys.entries()) {
    await page.keyboard.press(key === ' ' ? 'Space' : key);
    if (i < keys.length - 1) await page.evaluate(AFTER_PAINT);
  }
  await app.waitForMark(MARKS.answerEnd, painted, 60_000);
}

/** Answer latencies to the next card painted, to it being in the DOM, and the median of each phase. */
export interface AnswerResult extends Latencies {
  inDom: Latencies;
  phases: AnswerPhases;
}

/**
 * Answer → next question painted over `count` answers (after `warmup` untimed ones), on the Study
 * screen left open by {@link measureQueue}. Includes the IndexedDB write and the next queue build.
 */
export async function measureAnswers(
  app: BenchApp,
  typeOf: Map<string, QuestionType>,
  count: number,
  warmup: number,
  log: (line: string) => void,
): Promise<AnswerResult & { samples: number[] }> {
  for (let i = 0; i < warmup; i++) await answerOne(app, typeOf);
  await app.clearMarks();
  const t0 = Date.now();
  for (let i = 0; i < count; i++) {
    await answerOne(app, typeOf);
    if ((i + 1) % 250 === 0) log(`  answered ${i + 1}/${count} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  }
  const [starts, queueStarts, queueEnds, rendered, painted] = await Promise.all(
    [MARKS.answerStart, MARKS.queueStart, MARKS.queueEnd, MARKS.answerRendered, MARKS.answerEnd].map((m) =>
      app.marks(m),
    ),
  );
  const samples = pairAnswerMarks(starts as number[], painted as number[]);
  const summary = summarizeLatencies(samples);
  const phases = medianPhases(
    splitAnswerPhases({
      starts: starts as number[],
      queueStarts: queueStarts as number[],
      queueEnds: queueEnds as number[],
      rendered: rendered as number[],
      painted: painted as number[],
    }),
  );
  const inDom = summarizeLatencies(pairAnswerMarks(starts as number[], rendered as number[]));
  log(
    `  answer p50 ${summary.p50.toFixed(1)} ms, p95 ${summary.p95.toFixed(1)} ms, max ${summary.max.toFixed(1)} ms over ${summary.count}` +
      ` (in the DOM: p50 ${inDom.p50.toFixed(1)}, p95 ${inDom.p95.toFixed(1)}; medians: write ${phases.write.toFixed(1)},` +
      ` queue ${phases.queue.toFixed(1)}, render ${phases.render.toFixed(1)}, frame+paint ${phases.paint.toFixed(1)})`,
  );
  return { ...summary, samples, inDom, phases };
}
