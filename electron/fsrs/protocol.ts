/** Messages between main (./runner.ts) and the optimizer's worker thread (./optimize.worker.ts). */
import type { CardHistory } from '../../renderer/src/core/scheduler/fsrs-history';
import type { OptimizeOutcome } from './optimize';

/** What a worker runs: a whole optimization with its evaluation, or one fit (the bench's). */
export type OptimizerJob =
  | { kind: 'optimize'; histories: CardHistory[]; cutDay: number }
  | { kind: 'fit'; histories: CardHistory[]; beforeDay: number | null };

/** The worker's `workerData`: fsrs-browser compiled once by main, and the job. */
export interface WorkerInput {
  module: WebAssembly.Module;
  job: OptimizerJob;
}

/** What the worker posts. */
export type WorkerMessage =
  /** fsrs-browser's shared memory, once loaded. */
  | { type: 'memory'; memory: WebAssembly.Memory }
  /** A fit started; its progress counters (items done, items in all: two u32) are at `pointer`. */
  | { type: 'phase'; phase: 1 | 2; pointer: number }
  | { type: 'outcome'; outcome: OptimizeOutcome }
  | { type: 'fitted'; parameters: number[] }
  | { type: 'error'; message: string };
