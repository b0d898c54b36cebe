/** Messages between main (./runner.ts) and the optimizer's worker thread (./optimize.worker.ts). */
import type { CardHistory } from '../../renderer/src/core/scheduler/fsrs-history';
import type { EngineChoice } from './engine';
import type { OptimizeOutcome } from './optimize';

/** What a worker runs: a whole optimization with its evaluation, or one fit (the bench's). */
export type OptimizerJob =
  | { kind: 'optimize'; histories: CardHistory[]; cutDay: number }
  | { kind: 'fit'; histories: CardHistory[]; beforeDay: number | null };

/** The worker's `workerData`: fsrs-browser compiled once by main (the wasm build), the job, and which build runs it. */
export interface WorkerInput {
  module: WebAssembly.Module;
  job: OptimizerJob;
  engine: EngineChoice;
}

/** What main posts to the worker: stop the fit (the native build stops at its next progress report). */
export type MainMessage = { type: 'cancel' };

/** What the worker posts. */
export type WorkerMessage =
  /** Which build loaded; the wasm build's shared memory (null for the native build). */
  | { type: 'engine'; name: 'native' | 'wasm'; memory: WebAssembly.Memory | null }
  /** A fit started; wasm: its progress counters (items done, items in all: two u32) are at `pointer`. */
  | { type: 'phase'; phase: 1 | 2; pointer: number | null }
  /** native: the fit's progress as fsrs-rs reports it. */
  | { type: 'progress'; done: number; total: number }
  | { type: 'outcome'; outcome: OptimizeOutcome }
  | { type: 'fitted'; parameters: number[] }
  | { type: 'error'; message: string };
