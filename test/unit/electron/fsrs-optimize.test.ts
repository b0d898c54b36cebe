import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { type EngineChoice, loadNativeBinding } from '../../../electron/fsrs/engine';
import {
  evaluate,
  FSRS_RS_DEFAULT_PARAMETERS,
  isTrainable,
  MAX_ITEM_REVIEWS,
  memoryAfter,
  type Review,
  toItems,
} from '../../../electron/fsrs/model';
import { OptimizeCancelled } from '../../../electron/fsrs/optimize';
import type { WorkerInput } from '../../../electron/fsrs/protocol';
import { fitHistories, optimizeHistories, type SpawnOptimizer } from '../../../electron/fsrs/runner';
import { splitDay } from '../../../renderer/src/core/scheduler';
import { simulateHistory, TRUE_PARAMETERS, toHistories } from '../../bench/fsrs-sim';
import { spawnOptimizerFromSource } from '../../support/fsrs-worker';

// A fit runs in a worker thread on a machine shared with other work: a generous limit, no timing asserted.
const FIT_TIMEOUT = 180_000;

/** The worker started from source, running the given fsrs-rs build. */
const spawnWith =
  (engine: EngineChoice): SpawnOptimizer =>
  (o) =>
    spawnOptimizerFromSource({ ...o, workerData: { ...(o.workerData as WorkerInput), engine } });

// The napi build is installed only on Linux x64 (glibc): elsewhere its half of the suite is skipped.
const nativeHere = loadNativeBinding() !== null;

describe('the two fsrs-rs builds', () => {
  it.skipIf(!nativeHere)(
    'fit the same parameters to the same history (native napi and WebAssembly)',
    async () => {
      const h = toHistories(simulateHistory({ cards: 300, days: 200, seed: 'unit' }));
      const [native, wasm] = await Promise.all([
        fitHistories(h, null, spawnWith('native')),
        fitHistories(h, null, spawnWith('wasm')),
      ]);
      expect(native).toHaveLength(21);
      for (const [i, w] of native.entries()) expect(w).toBeCloseTo(wasm[i] ?? Number.NaN, 3);
      expect(native).not.toEqual([...FSRS_RS_DEFAULT_PARAMETERS]);
    },
    FIT_TIMEOUT,
  );

  it('the native build is the one installed on Linux x64 (what CI runs)', () => {
    expect(nativeHere).toBe(process.platform === 'linux' && process.arch === 'x64');
  });
});

describe.each([
  ['fsrs-rs as WebAssembly: fsrs-browser', 'wasm' as const, false],
  ['fsrs-rs native: the napi build', 'native' as const, !nativeHere],
])('the FSRS optimizer (%s, in a worker thread)', (_name, engine, skip) => {
  const spawnOptimizerFromSource = spawnWith(engine);
  it.skipIf(skip)('fits nothing under 8 items: fsrs-rs would return the defaults', async () => {
    let spawned = 0;
    const spawn: SpawnOptimizer = (o) => {
      spawned++;
      return spawnOptimizerFromSource(o);
    };
    const out = await optimizeHistories([{ ratings: [3, 3, 3], days: [0, 2, 6] }], 3, spawn);
    expect(out).toMatchObject({ items: 2, parameters: null, evaluation: null, better: false });
    expect(spawned).toBe(0);
  });

  it.skipIf(skip)(
    'fits a simulated student better than the defaults on the later reviews, near the true initial stabilities, with progress',
    async () => {
      const h = toHistories(simulateHistory({ cards: 300, days: 200, seed: 'unit' }));
      const progress: [number, number, number][] = [];
      const out = await optimizeHistories(h, splitDay(h), spawnOptimizerFromSource, (...p) =>
        progress.push(p),
      );
      expect(out.parameters).toHaveLength(21);
      expect(out.better).toBe(true);
      expect(out.evaluation?.fitted.logLoss).toBeLessThan(out.evaluation?.default.logLoss ?? 0);
      // True S0(Good) is 10 days, the default 2.3: the fit moves well past the default.
      expect(out.parameters?.[2]).toBeGreaterThan(5);
      expect(TRUE_PARAMETERS[2]).toBe(10);
      // Both fits reported, each ending complete, never past its total.
      expect(progress.some(([phase, done, total]) => phase === 1 && done === total)).toBe(true);
      expect(progress.some(([phase, done, total]) => phase === 2 && done === total)).toBe(true);
      expect(progress.every(([, done, total]) => done <= total)).toBe(true);
    },
    FIT_TIMEOUT,
  );

  it.skipIf(skip)(
    'stops when cancelled mid-fit, with OptimizeCancelled, and its worker thread is gone',
    async () => {
      const h = toHistories(simulateHistory({ cards: 300, days: 200, seed: 'unit' }));
      let worker: Worker | null = null;
      const spawn: SpawnOptimizer = (o) => {
        worker = spawnOptimizerFromSource(o);
        return worker;
      };
      const stop = new AbortController();
      const run = optimizeHistories(h, splitDay(h), spawn, () => stop.abort(), stop.signal);
      await expect(run).rejects.toBeInstanceOf(OptimizeCancelled);
      const w = worker as Worker | null;
      expect(w).not.toBeNull();
      // A terminated thread has no id any more.
      await new Promise<void>((resolve) =>
        w?.threadId === -1 ? resolve() : w?.once('exit', () => resolve()),
      );
      expect(w?.threadId).toBe(-1);
    },
    FIT_TIMEOUT,
  );

  it.skipIf(skip)(
    "regression: same-day learning steps do not reach fsrs-rs 5.2's panic on an item without a later-day review",
    async () => {
      // Each card is seen twice on its first day (a learning step), then on later days.
      const h = toHistories(simulateHistory({ cards: 120, days: 150, seed: 'same-day' })).map((c) => ({
        ratings: [1, ...c.ratings],
        days: [c.days[0] ?? 0, ...c.days],
      }));
      const out = await optimizeHistories(h, splitDay(h), spawnOptimizerFromSource);
      expect(out.parameters).toHaveLength(21);
      expect(out.evaluation?.fitted.logLoss).toBeGreaterThan(0);
    },
    FIT_TIMEOUT,
  );

  it.skipIf(skip)('stops before starting a thread when cancelled already', async () => {
    const h = toHistories(simulateHistory({ cards: 300, days: 200, seed: 'unit' }));
    await expect(
      optimizeHistories(h, splitDay(h), spawnOptimizerFromSource, () => {}, AbortSignal.abort()),
    ).rejects.toBeInstanceOf(OptimizeCancelled);
  });
});

describe("the evaluation's memory model (fsrs-rs 5.2's FSRS-6, in TypeScript)", () => {
  async function fsrsBrowser() {
    const g = globalThis as { self?: unknown; addEventListener?: unknown };
    g.self ??= globalThis;
    g.addEventListener ??= () => {};
    const fb = await import('fsrs-browser');
    const wasm = createRequire(import.meta.url).resolve('fsrs-browser/fsrs_browser_bg.wasm');
    fb.initSync({ module: new Uint8Array(readFileSync(wasm)) });
    return fb;
  }

  it("gives fsrs-rs's own stability and difficulty after a history (long-term, same-day, lapses)", async () => {
    const fb = await fsrsBrowser();
    const histories: Review[][] = [
      [
        { rating: 3, deltaT: 0 },
        { rating: 3, deltaT: 2 },
        { rating: 3, deltaT: 7 },
      ],
      [
        { rating: 1, deltaT: 0 },
        { rating: 3, deltaT: 0 },
        { rating: 1, deltaT: 3 },
        { rating: 2, deltaT: 1 },
        { rating: 4, deltaT: 12 },
      ],
      [
        { rating: 4, deltaT: 0 },
        { rating: 2, deltaT: 30 },
        { rating: 1, deltaT: 90 },
        { rating: 3, deltaT: 0 },
        { rating: 3, deltaT: 5 },
      ],
    ];
    for (const w of [FSRS_RS_DEFAULT_PARAMETERS, TRUE_PARAMETERS]) {
      const model = new fb.Fsrs(new Float32Array(w));
      for (const reviews of histories) {
        const [s, d] = model.memoryState(
          new Uint32Array(reviews.map((r) => r.rating)),
          new Uint32Array(reviews.map((r) => r.deltaT)),
        );
        const ours = memoryAfter(w, reviews, reviews.length);
        expect(ours.stability).toBeCloseTo(s ?? Number.NaN, 2);
        expect(ours.difficulty).toBeCloseTo(d ?? Number.NaN, 3);
      }
    }
  });

  it('trains on items with a later-day review and at most 64 reviews, as fsrs-rs can', () => {
    const card: Review[] = [
      { rating: 3, deltaT: 0 },
      { rating: 3, deltaT: 0 },
      { rating: 3, deltaT: 2 },
    ];
    expect(isTrainable({ card, end: 1, day: 0 })).toBe(false);
    expect(isTrainable({ card, end: 2, day: 2 })).toBe(true);
    const long: Review[] = Array.from({ length: MAX_ITEM_REVIEWS + 1 }, (_, i) => ({
      rating: 3,
      deltaT: i === 0 ? 0 : 1,
    }));
    expect(isTrainable({ card: long, end: MAX_ITEM_REVIEWS - 1, day: 0 })).toBe(true);
    expect(isTrainable({ card: long, end: MAX_ITEM_REVIEWS, day: 0 })).toBe(false);
  });

  it('scores the true parameters better than the defaults on a history drawn from them', () => {
    const items = toItems(toHistories(simulateHistory({ cards: 300, days: 200, seed: 'evaluate' })));
    const truth = evaluate(TRUE_PARAMETERS, items);
    const defaults = evaluate(FSRS_RS_DEFAULT_PARAMETERS, items);
    expect(truth.logLoss).toBeLessThan(defaults.logLoss);
    expect(truth.rmseBins).toBeLessThan(defaults.rmseBins);
    expect(truth.logLoss).toBeGreaterThan(0);
  });
});
