/// <reference types="electron-vite/node" />
/**
 * Starts the optimizer's worker thread as the app's build has it: electron-vite bundles
 * ./optimize.worker.ts as a chunk of main's build (`?nodeWorker`) next to main.js, in out/ and in a
 * packaged app alike; fsrs-rs itself stays an installed dependency (see ./engine.ts).
 * `LECTERN_FSRS_ENGINE=wasm` (or `native`) picks the fsrs-rs build, for tests and scripts; by default
 * the native one runs where it loads.
 */

import type { EngineChoice } from './engine';
import createOptimizeWorker from './optimize.worker?nodeWorker';
import type { WorkerInput } from './protocol';
import type { SpawnOptimizer } from './runner';

function chosenEngine(): EngineChoice | null {
  const v = process.env.LECTERN_FSRS_ENGINE;
  return v === 'wasm' || v === 'native' ? v : null;
}

export const spawnOptimizer: SpawnOptimizer = (options) => {
  const engine = chosenEngine();
  if (!engine) return createOptimizeWorker(options);
  return createOptimizeWorker({ ...options, workerData: { ...(options.workerData as WorkerInput), engine } });
};
