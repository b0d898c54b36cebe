/**
 * Main's side of the optimizer: runs a job in a fresh worker thread (./optimize.worker.ts), so a fit
 * of any size never blocks main's event loop; relays progress (the native build reports it, the
 * wasm build's counters are read from its shared memory every 100 ms); cancels by asking the worker
 * to stop, then terminating the thread. How the worker is started is passed in (`spawn`): the app's
 * build starts the bundled worker (./spawn.ts), the tests and the bench start the TypeScript source.
 * Plain Node.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Worker, WorkerOptions } from 'node:worker_threads';
import type { CardHistory } from '../../renderer/src/core/scheduler/fsrs-history';
import { countTrainingItems } from '../../renderer/src/core/scheduler/fsrs-history';
import { OptimizeCancelled, type OptimizeOutcome, type OptimizeProgress, runOptimization } from './optimize';
import type { MainMessage, OptimizerJob, WorkerInput, WorkerMessage } from './protocol';

/** Starts the optimizer's worker thread with these options (`workerData` is a {@link WorkerInput}). */
export type SpawnOptimizer = (options: WorkerOptions) => Worker;

let compiled: Promise<WebAssembly.Module> | null = null;

/**
 * fsrs-browser's WebAssembly (used where the native build does not load), compiled once per process
 * (the worker threads instantiate the same module). Read from the installed package, wherever main
 * runs from (out/, a packaged app, Node).
 */
export function fsrsModule(): Promise<WebAssembly.Module> {
  compiled ??= (async () => {
    const file = createRequire(import.meta.url).resolve('fsrs-browser/fsrs_browser_bg.wasm');
    return WebAssembly.compile(new Uint8Array(await readFile(file)));
  })();
  compiled.catch(() => {
    compiled = null;
  });
  return compiled;
}

const POLL_MS = 100;
/** After a cancel, how long the native build has to stop at its next progress report before the thread is terminated. */
const CANCEL_GRACE_MS = 1_000;

/** Runs `job` in a worker thread; resolves with its result, rejects with OptimizeCancelled on abort. */
export async function runJob(
  job: OptimizerJob,
  spawn: SpawnOptimizer,
  onProgress: OptimizeProgress = () => {},
  signal?: AbortSignal,
): Promise<Extract<WorkerMessage, { type: 'outcome' | 'fitted' }>> {
  if (signal?.aborted) throw new OptimizeCancelled();
  const module = await fsrsModule();
  if (signal?.aborted) throw new OptimizeCancelled();
  // `auto`: the native build where it loads (a test's `spawn` may choose one to check both).
  const workerData: WorkerInput = { module, job, engine: 'auto' };
  const worker = spawn({ workerData });
  return new Promise((resolve, reject) => {
    let memory: WebAssembly.Memory | null = null;
    let phase: { phase: 1 | 2; pointer: number | null; done: number; total: number } | null = null;
    /** A report of `done` of `total` for the running phase, passed on when it moves forward. */
    const advance = (done: number, total: number) => {
      if (!phase) return;
      if (total === 0 || done > total || (phase.total !== 0 && total !== phase.total)) return;
      if (done <= phase.done && total === phase.total) return;
      phase.done = done;
      phase.total = total;
      onProgress(phase.phase, done, total);
    };
    // The wasm build's counters, read from its shared memory. fsrs-rs sets the total once, at its
    // first training batch (until then there is nothing to show), and the counters are freed when the
    // fit returns: a read that moves the total or goes backwards is of freed memory (filtered above).
    const poll = setInterval(() => {
      if (!memory || phase?.pointer == null) return;
      const [done = 0, total = 0] = new Uint32Array(memory.buffer, phase.pointer, 2);
      advance(done, total);
    }, POLL_MS);
    let settled = false;
    const finish = (fn: () => void, stop: 'now' | 'after-grace' = 'now') => {
      if (settled) return;
      settled = true;
      clearInterval(poll);
      signal?.removeEventListener('abort', abort);
      if (stop === 'now') void worker.terminate();
      else {
        // The native fit runs on a thread of its own: asked first, so it stops instead of running on.
        worker.postMessage({ type: 'cancel' } satisfies MainMessage);
        setTimeout(() => void worker.terminate(), CANCEL_GRACE_MS).unref();
      }
      fn();
    };
    const abort = () => finish(() => reject(new OptimizeCancelled()), 'after-grace');
    signal?.addEventListener('abort', abort);
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'engine') memory = m.memory;
      else if (m.type === 'phase') {
        if (phase) onProgress(phase.phase, 1, 1);
        phase = { phase: m.phase, pointer: m.pointer, done: 0, total: 0 };
      } else if (m.type === 'progress') advance(m.done, m.total);
      else if (m.type === 'error') finish(() => reject(new Error(m.message)));
      else {
        if (phase) onProgress(phase.phase, 1, 1);
        finish(() => resolve(m));
      }
    });
    worker.on('error', (err) => finish(() => reject(err)));
    worker.on('exit', (code) =>
      finish(() => reject(new Error(`the optimizer's worker stopped (exit code ${code})`))),
    );
  });
}

/**
 * Fits on the reviews before `cutDay`, scores default vs fitted on the reviews from `cutDay` on, and
 * fits on the whole history (see ./optimize.ts), in a worker thread. Under 8 items nothing is fitted.
 */
export async function optimizeHistories(
  histories: CardHistory[],
  cutDay: number,
  spawn: SpawnOptimizer,
  onProgress: OptimizeProgress = () => {},
  signal?: AbortSignal,
): Promise<OptimizeOutcome> {
  if (signal?.aborted) throw new OptimizeCancelled();
  const items = countTrainingItems(histories);
  // Nothing to fit: answered without starting a thread (the counts match what the worker would say).
  if (items < 8) {
    return runOptimization(histories, cutDay, () => {
      throw new Error('nothing to fit under 8 items');
    });
  }
  const res = await runJob({ kind: 'optimize', histories, cutDay }, spawn, onProgress, signal);
  if (res.type !== 'outcome') throw new Error('the optimizer answered a fit to an optimization');
  return res.outcome;
}

/** One fit of the reviews before `beforeDay` (all when null), in a worker thread. */
export async function fitHistories(
  histories: CardHistory[],
  beforeDay: number | null,
  spawn: SpawnOptimizer,
): Promise<number[]> {
  const res = await runJob({ kind: 'fit', histories, beforeDay }, spawn);
  if (res.type !== 'fitted') throw new Error('the optimizer answered an optimization to a fit');
  return res.parameters;
}
