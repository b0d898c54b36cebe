/**
 * The optimizer's worker thread (started by ./runner.ts, one per run): loads fsrs-rs (the native
 * build where it loads, else fsrs-browser from the compiled module main hands it: ./engine.ts), tells
 * main how to follow its progress, runs the job and posts the result. Cancelling posts `cancel` (the
 * native build stops at its next progress report) and then terminates the thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type Engine, loadEngine } from './engine';
import type { Item } from './model';
import { runFit, runOptimization } from './optimize';
import type { MainMessage, OptimizerJob, WorkerInput, WorkerMessage } from './protocol';

const port = parentPort;
if (!port) throw new Error('optimize.worker runs only as a worker thread');
const post = (m: WorkerMessage) => port.postMessage(m);

let cancelled = false;
port.on('message', (m: MainMessage) => {
  if (m.type === 'cancel') cancelled = true;
});

// fsrs-rs logs each training epoch at info level; main's console is no place for them.
console.info = () => {};

const { module, job, engine: choice } = workerData as WorkerInput;

// A Rust panic reaches JavaScript as a bare "unreachable"; its message was printed to console.error.
let lastConsoleError = '';
const consoleError = console.error;
console.error = (...args: unknown[]) => {
  lastConsoleError = args.map(String).join(' ');
  consoleError(...args);
};

async function run(j: OptimizerJob): Promise<WorkerMessage> {
  const engine: Engine = await loadEngine(module, choice);
  post({ type: 'engine', name: engine.name, memory: engine.memory });
  const fit = (phase: 1 | 2, items: readonly Item[]) =>
    engine.fit(
      items,
      {
        started: (pointer) => post({ type: 'phase', phase, pointer }),
        progress: (done, total) => post({ type: 'progress', done, total }),
      },
      () => cancelled,
    );
  if (j.kind === 'optimize')
    return { type: 'outcome', outcome: await runOptimization(j.histories, j.cutDay, fit) };
  return { type: 'fitted', parameters: await runFit(j.histories, j.beforeDay, fit) };
}

try {
  post(await run(job));
} catch (err) {
  const message = err instanceof Error ? err.message : String(err);
  post({ type: 'error', message: lastConsoleError ? `${message}: ${lastConsoleError}` : message });
}
