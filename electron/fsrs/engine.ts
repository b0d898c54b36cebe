/**
 * fsrs-rs's optimizer, loaded in the optimizer's worker thread in one of two builds by its authors,
 * both fsrs-rs 5.2 (they fit the same parameters to the same items):
 * - **native** — `@open-spaced-repetition/binding-linux-x64-gnu`, the napi build, an optional
 *   dependency: npm installs it only on Linux x64 (glibc), the one platform its current version is
 *   published for. About five times faster than the WebAssembly (100k reviews: ~2.5 s against ~12 s
 *   here), so it is used wherever it loads.
 * - **wasm** — `fsrs-browser`, one portable .wasm for every other platform, run single-threaded (its
 *   rayon thread pool is never started; fsrs-rs's training is sequential anyway). Two quirks of the
 *   build: its memory is a shared `WebAssembly.Memory` (built with atomics), which Node's worker
 *   threads allow; and its glue imports wasm-bindgen-rayon's worker helper, which listens on `self`
 *   when it loads — in Node there is no `self`, so one that ignores listeners is put in place first.
 */
import { createRequire } from 'node:module';
import { FSRS_RS_DEFAULT_PARAMETERS, type Item, packItems, type Review } from './model';

type FsrsBrowser = typeof import('fsrs-browser');

/** Which build runs: `auto` is the native one where it loads, the WebAssembly elsewhere. */
export type EngineChoice = 'auto' | 'native' | 'wasm';

/** How a fit's progress is made visible to main (see ./runner.ts). */
export interface FitReporter {
  /**
   * The fit starts. wasm: `pointer` is the address of its two u32 progress counters (items done,
   * items in all) in `memory`; native: null (it reports through `progress`).
   */
  started(pointer: number | null): void;
  /** native: items done of items in all, as fsrs-rs reports them. */
  progress(done: number, total: number): void;
}

/** The loaded optimizer. */
export interface Engine {
  name: 'native' | 'wasm';
  /** wasm only: its shared memory, where its progress counters live. */
  memory: WebAssembly.Memory | null;
  /** Fits FSRS-6 parameters to `items` (in time order). Rejects when `cancelled()` turns true mid-fit (native). */
  fit(items: readonly Item[], report: FitReporter, cancelled: () => boolean): Promise<number[]>;
}

/** The part of the napi build's API used here. */
interface NativeBinding {
  FSRSBindingReview: new (rating: number, deltaT: number) => object;
  FSRSBindingItem: new (reviews: object[]) => object;
  computeParameters(
    items: object[],
    options: {
      enableShortTerm: boolean;
      timeout: number;
      progress: (done: number, total: number) => boolean;
    },
  ): Promise<number[]>;
}

const NATIVE_PACKAGE = '@open-spaced-repetition/binding-linux-x64-gnu';

/** The napi build, or null where it is not installed (any platform but Linux x64 glibc) or does not load. */
export function loadNativeBinding(): NativeBinding | null {
  if (process.platform !== 'linux' || process.arch !== 'x64') return null;
  try {
    return createRequire(import.meta.url)(NATIVE_PACKAGE) as NativeBinding;
  } catch {
    return null;
  }
}

/** fsrs-rs's items for the napi build: each card's reviews made once, shared by its items' prefixes. */
function nativeItems(b: NativeBinding, items: readonly Item[]): object[] {
  const made = new Map<readonly Review[], object[]>();
  return items.map((it) => {
    let reviews = made.get(it.card);
    if (!reviews) {
      reviews = it.card.map((r) => new b.FSRSBindingReview(r.rating, r.deltaT));
      made.set(it.card, reviews);
    }
    return new b.FSRSBindingItem(reviews.slice(0, it.end + 1));
  });
}

function nativeEngine(b: NativeBinding): Engine {
  return {
    name: 'native',
    memory: null,
    async fit(items, report, cancelled) {
      if (items.length < 8) return [...FSRS_RS_DEFAULT_PARAMETERS];
      const input = nativeItems(b, items);
      report.started(null);
      const fitted = await b.computeParameters(input, {
        enableShortTerm: true,
        // fsrs-rs calls `progress` at most every `timeout` ms; returning false interrupts the fit.
        timeout: 100,
        progress: (done, total) => {
          report.progress(done, total);
          return !cancelled();
        },
      });
      return Array.from(fitted);
    },
  };
}

/** Instantiates fsrs-browser from its compiled module (see the file comment for the `self` shim). */
async function wasmEngine(module: WebAssembly.Module): Promise<Engine> {
  const g = globalThis as { self?: unknown; addEventListener?: unknown };
  g.self ??= globalThis;
  g.addEventListener ??= () => {};
  const fb: FsrsBrowser = await import('fsrs-browser');
  const { memory } = fb.initSync({ module });
  return {
    name: 'wasm',
    memory,
    async fit(items, report) {
      // fsrs-rs returns the defaults for fewer than 8 items; fsrs-browser would still run its setup.
      if (items.length < 8) return [...FSRS_RS_DEFAULT_PARAMETERS];
      const { ratings, deltaTs, lengths } = packItems(items);
      const progress = fb.Progress.new();
      report.started(progress.pointer());
      // `computeParameters` takes both the model and the progress (Rust frees them when it returns).
      const fitted = new fb.Fsrs().computeParameters(ratings, deltaTs, lengths, progress, true);
      return Array.from(fitted);
    },
  };
}

/** Loads the chosen build (`auto`: native where it loads, else wasm). `native` fails where it does not load. */
export async function loadEngine(module: WebAssembly.Module, choice: EngineChoice = 'auto'): Promise<Engine> {
  if (choice !== 'wasm') {
    const b = loadNativeBinding();
    if (b) return nativeEngine(b);
    if (choice === 'native') throw new Error(`${NATIVE_PACKAGE} is not installed or does not load here`);
  }
  return wasmEngine(module);
}
