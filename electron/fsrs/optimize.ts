/**
 * Fitting FSRS-6 parameters to a student's history with fsrs-rs (`@open-spaced-repetition/binding`:
 * napi-rs builds for Windows, macOS and Linux on x64 and arm64, with a WASI fallback), and Anki's
 * "Evaluate": log loss and RMSE (bins) of the default and the fitted parameters on a time-series
 * split — fitted on the earlier reviews, scored on the later ones. Runs in main (a native addon
 * cannot load in the sandboxed page); fsrs-rs trains on its own thread, so main stays responsive.
 * Plain Node: the bench runs it too.
 */
import { type CardHistory, countTrainingItems } from '../../renderer/src/core/scheduler/fsrs-history';

type Binding = typeof import('@open-spaced-repetition/binding');

let binding: Promise<Binding> | null = null;

/** Loads the native optimizer once (lazily: start-up does not pay for it). */
export function loadBinding(): Promise<Binding> {
  binding ??= import('@open-spaced-repetition/binding');
  return binding;
}

/** Log loss and RMSE (bins) of a parameter set on a set of reviews (lower is better). */
export interface Scores {
  logLoss: number;
  rmseBins: number;
}

/** What an optimization found. */
export interface OptimizeOutcome {
  /** Reviews on a later day than the card's review before (what fsrs-rs's 8 and 64 thresholds count). */
  items: number;
  /** Training items in the earlier part (fitted on) and the later part (scored on). */
  trainItems: number;
  testItems: number;
  /** Parameters fitted on the whole history (null: too few items, fsrs-rs would return the defaults). */
  parameters: number[] | null;
  /** Default vs fitted-on-the-earlier-part, scored on the later part (null: no later part to score). */
  evaluation: { default: Scores; fitted: Scores } | null;
  /** The fitted parameters scored better (lower log loss) than the defaults on the later reviews. */
  better: boolean;
}

/** Progress: `phase` 1 is the fit on the earlier part, 2 the fit on all. */
export type OptimizeProgress = (phase: 1 | 2, done: number, total: number) => void;

/** Thrown when the optimization was cancelled. */
export class OptimizeCancelled extends Error {
  constructor() {
    super('The optimization was cancelled.');
  }
}

type Item = InstanceType<Binding['FSRSBindingItem']>;

/**
 * fsrs-rs items of the histories: one per review after the first, tagged with its study day (items
 * whose last review came the same day as the one before only shape the short-term parameters).
 */
export function toItems(b: Binding, histories: readonly CardHistory[]): { item: Item; day: number }[] {
  const out: { item: Item; day: number }[] = [];
  for (const h of histories) {
    const reviews = [];
    for (let i = 0; i < h.ratings.length; i++) {
      const delta = i === 0 ? 0 : Math.max(0, (h.days[i] ?? 0) - (h.days[i - 1] ?? 0));
      reviews.push(new b.FSRSBindingReview(h.ratings[i] ?? 3, delta));
      if (i > 0) out.push({ item: new b.FSRSBindingItem(reviews.slice()), day: h.days[i] ?? 0 });
    }
  }
  return out;
}

/** Fits parameters to `items` (progress and cancel through `onProgress` / `cancelled`). */
export async function fitParameters(
  b: Binding,
  items: Item[],
  onProgress: (done: number, total: number) => void,
  cancelled: () => boolean,
): Promise<number[]> {
  if (cancelled()) throw new OptimizeCancelled();
  let fitted: number[];
  try {
    fitted = await b.computeParameters(items, {
      enableShortTerm: true,
      timeout: 200,
      progress: (done, total) => {
        onProgress(done, total);
        return !cancelled();
      },
    });
  } catch (err) {
    if (cancelled()) throw new OptimizeCancelled();
    throw err;
  }
  // A cancel that came after fsrs-rs's last progress report still counts.
  if (cancelled()) throw new OptimizeCancelled();
  return fitted;
}

/** Scores a parameter set (empty: the defaults) on `items`. */
export function score(b: Binding, parameters: number[] | null, items: Item[]): Scores {
  const model = parameters ? new b.FSRSBinding(parameters) : new b.FSRSBinding();
  const e = model.evaluate(items);
  return { logLoss: e.logLoss, rmseBins: e.rmseBins };
}

/**
 * Fits on the reviews before `cutDay` and scores default vs fitted on the reviews from `cutDay` on,
 * then fits on the whole history. Under 8 items nothing is fitted (fsrs-rs would return defaults).
 */
export async function optimizeHistories(
  histories: readonly CardHistory[],
  cutDay: number,
  onProgress: OptimizeProgress,
  cancelled: () => boolean = () => false,
): Promise<OptimizeOutcome> {
  const b = await loadBinding();
  const all = toItems(b, histories);
  const train = all.filter((x) => x.day < cutDay).map((x) => x.item);
  const test = all.filter((x) => x.day >= cutDay).map((x) => x.item);
  const base = { items: countTrainingItems(histories), trainItems: train.length, testItems: test.length };
  if (base.items < 8) return { ...base, parameters: null, evaluation: null, better: false };
  let evaluation: OptimizeOutcome['evaluation'] = null;
  if (train.length >= 8 && test.length > 0) {
    const early = await fitParameters(b, train, (d, t) => onProgress(1, d, t), cancelled);
    evaluation = { default: score(b, null, test), fitted: score(b, early, test) };
  }
  const parameters = await fitParameters(
    b,
    all.map((x) => x.item),
    (d, t) => onProgress(2, d, t),
    cancelled,
  );
  // Without a later part to score on, fsrs-rs's fit is taken as it is (Anki does the same).
  const better = evaluation ? evaluation.fitted.logLoss < evaluation.default.logLoss : true;
  return { ...base, parameters, evaluation, better };
}
