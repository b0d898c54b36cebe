/**
 * Starts the FSRS optimizer's worker (electron/fsrs/optimize.worker.ts) from its TypeScript source for
 * the unit tests and the bench (the app starts the bundled copy: electron/fsrs/spawn.ts): a small
 * bootstrap registers tsx's loader in the thread, then imports the source (Node 20 does not apply a
 * loader given in a worker's `execArgv` to the worker's own entry file).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SpawnOptimizer } from '../../electron/fsrs/runner';

const require = createRequire(import.meta.url);
// tsx's ES-module API (`tsx/esm/api`, its `import` condition: require.resolve would give the CommonJS one).
const tsxApi = pathToFileURL(
  join(
    dirname(require.resolve('tsx/package.json')),
    require('tsx/package.json').exports['./esm/api'].import.default,
  ),
).href;
const source = new URL('../../electron/fsrs/optimize.worker.ts', import.meta.url).href;

const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`;

export const spawnOptimizerFromSource: SpawnOptimizer = (options) =>
  new Worker(bootstrap, { ...options, eval: true });
