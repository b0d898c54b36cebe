/**
 * The optimizer's worker thread (started by ./runner.ts, one per run): loads fsrs-browser from the
 * compiled module main hands it, shares its memory back (main reads the progress counters there while
 * the fit runs), runs the job and posts the result. Cancelling terminates the thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type Engine, loadEngine } from './engine';
import { runFit, runOptimization } from './optimize';
import type { OptimizerJob, WorkerInput, WorkerMessage } from './protocol';

const port = parentPort;
if (!port) throw new Error('optimize.worker runs only as a worker thread');
const post = (m: WorkerMessage) => port.postMessage(m);

// fsrs-rs logs each training epoch at info level; main's console is no place for them.
console.info = () => {};

const { module, job } = workerData as WorkerInput;

// A Rust panic reaches JavaScript as a bare "unreachable"; its message was printed to console.error.
let lastConsoleError = '';
const consoleError = console.error;
console.error = (...args: unknown[]) => {
  lastConsoleError = args.map(String).join(' ');
  consoleError(...args);
};

async function run(j: OptimizerJob): Promise<WorkerMessage> {
  const engine = await loadEngine(module);
  post({ type: 'memory', memory: engine.memory });
  const fit = (phase: 1 | 2, items: Parameters<Engine['fit']>[0]) =>
    engine.fit(items, (pointer) => post({ type: 'phase', phase, pointer }));
  if (j.kind === 'optimize') return { type: 'outcome', outcome: runOptimization(j.histories, j.cutDay, fit) };
  return { type: 'fitted', parameters: runFit(j.histories, j.beforeDay, fit) };
}

try {
  post(await run(job));
} catch (err) {
  const message = err instanceof Error ? err.message : String(err);
  post({ type: 'error', message: lastConsoleError ? `${message}: ${lastConsoleError}` : message });
}
