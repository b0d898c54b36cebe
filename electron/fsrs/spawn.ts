/// <reference types="electron-vite/node" />
/**
 * Starts the optimizer's worker thread as the app's build has it: electron-vite bundles
 * ./optimize.worker.ts as a chunk of main's build (`?nodeWorker`) next to main.js, in out/ and in a
 * packaged app alike; fsrs-browser itself stays an installed dependency (see ./runner.ts).
 */

import createOptimizeWorker from './optimize.worker?nodeWorker';
import type { SpawnOptimizer } from './runner';

export const spawnOptimizer: SpawnOptimizer = (options) => createOptimizeWorker(options);
