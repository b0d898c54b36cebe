/**
 * fsrs-rs's optimizer as its authors build it for the web: `fsrs-browser` (fsrs-rs 5.2 compiled to
 * WebAssembly), one portable .wasm instead of a native addon per platform. Loaded in the optimizer's
 * worker thread and run single-threaded (its rayon thread pool is never started). Two quirks of the
 * build: its memory is a shared `WebAssembly.Memory` (it is built with atomics), which Node's worker
 * threads allow; and its glue imports wasm-bindgen-rayon's worker helper, which listens on `self` when
 * it loads — in Node there is no `self`, so one that ignores listeners is put in place first.
 */
import { FSRS_RS_DEFAULT_PARAMETERS, type Item, packItems } from './model';

type FsrsBrowser = typeof import('fsrs-browser');

/** The loaded optimizer: its shared memory (where its progress counters live) and a fit. */
export interface Engine {
  memory: WebAssembly.Memory;
  /**
   * Fits FSRS-6 parameters to `items` (in time order). `started` receives the address in `memory` of
   * the run's two progress counters (items done, items in all) before the fit starts.
   */
  fit(items: readonly Item[], started: (progressPointer: number) => void): number[];
}

/** Instantiates fsrs-browser from its compiled module (see the file comment for the `self` shim). */
export async function loadEngine(module: WebAssembly.Module): Promise<Engine> {
  const g = globalThis as { self?: unknown; addEventListener?: unknown };
  g.self ??= globalThis;
  g.addEventListener ??= () => {};
  const fb: FsrsBrowser = await import('fsrs-browser');
  const { memory } = fb.initSync({ module });
  return {
    memory,
    fit(items, started) {
      // fsrs-rs returns the defaults for fewer than 8 items; fsrs-browser would still run its setup.
      if (items.length < 8) return [...FSRS_RS_DEFAULT_PARAMETERS];
      const { ratings, deltaTs, lengths } = packItems(items);
      const progress = fb.Progress.new();
      started(progress.pointer());
      // `computeParameters` takes both the model and the progress (Rust frees them when it returns).
      const fitted = new fb.Fsrs().computeParameters(ratings, deltaTs, lengths, progress, true);
      return Array.from(fitted);
    },
  };
}
