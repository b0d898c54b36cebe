/**
 * Fitting FSRS-6 parameters to a student's history, and Anki's "Evaluate": log loss and RMSE (bins)
 * of the default and the fitted parameters on a time-series split — fitted on the earlier reviews,
 * scored on the later ones. The fitting is fsrs-rs's own (native or WebAssembly, see ./engine.ts), passed in
 * as `fitItems`; this runs inside the optimizer's worker thread (./optimize.worker.ts, started by
 * ./runner.ts), never on main's event loop.
 */
import { type CardHistory, countTrainingItems } from '../../renderer/src/core/scheduler/fsrs-history';
import {
  evaluate,
  FSRS_RS_DEFAULT_PARAMETERS,
  type Item,
  isLongTermPrediction,
  isTrainable,
  type Scores,
  toItems,
} from './model';

export type { Scores } from './model';

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

/** fsrs-rs's fit of `items` (in time order), as phase `phase` of a run. */
export type Fit = (phase: 1 | 2, items: readonly Item[]) => Promise<number[]>;

/**
 * Fits on the reviews before `cutDay` and scores default vs fitted on the reviews from `cutDay` on,
 * then fits on the whole history. Under 8 items nothing is fitted (fsrs-rs would return defaults).
 */
export async function runOptimization(
  histories: readonly CardHistory[],
  cutDay: number,
  fitItems: Fit,
): Promise<OptimizeOutcome> {
  const all = toItems(histories);
  const trainable = all.filter(isTrainable);
  const train = trainable.filter((x) => x.day < cutDay);
  const test = all.filter((x) => x.day >= cutDay && isLongTermPrediction(x));
  const base = { items: countTrainingItems(histories), trainItems: train.length, testItems: test.length };
  if (base.items < 8) return { ...base, parameters: null, evaluation: null, better: false };
  let evaluation: OptimizeOutcome['evaluation'] = null;
  if (train.length >= 8 && test.length > 0) {
    const early = await fitItems(1, train);
    evaluation = { default: evaluate(FSRS_RS_DEFAULT_PARAMETERS, test), fitted: evaluate(early, test) };
  }
  const parameters = await fitItems(2, trainable);
  // Without a later part to score on, fsrs-rs's fit is taken as it is (Anki does the same).
  const better = evaluation ? evaluation.fitted.logLoss < evaluation.default.logLoss : true;
  return { ...base, parameters, evaluation, better };
}

/** One fit of the items before `beforeDay` (all when null): what the bench times and scores. */
export function runFit(
  histories: readonly CardHistory[],
  beforeDay: number | null,
  fitItems: Fit,
): Promise<number[]> {
  const items = toItems(histories).filter((x) => isTrainable(x) && (beforeDay === null || x.day < beforeDay));
  return fitItems(2, items);
}
