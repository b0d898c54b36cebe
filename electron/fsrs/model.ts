/**
 * fsrs-rs's training items and its "Evaluate", in TypeScript: the optimizer (fsrs-browser, fsrs-rs
 * 5.2 built to WebAssembly by its authors) fits parameters but has no evaluation of its own, so the
 * log loss and RMSE (bins) of a parameter set are computed here with fsrs-rs 5.2's FSRS-6 memory
 * model (model.rs `step`, clamps S ∈ [0.001, 36500], D ∈ [1, 10]) and its `evaluate` (recency-weighted
 * binary cross-entropy; RMSE over bins of interval, review count and lapses). Pure: the optimizer's
 * worker runs it, and so do the tests and the bench.
 */
import type { CardHistory } from '../../renderer/src/core/scheduler/fsrs-history';

/** fsrs-rs 5.2's `DEFAULT_PARAMETERS` (FSRS-6), what the optimizer starts from and the defaults it scores. */
export const FSRS_RS_DEFAULT_PARAMETERS: readonly number[] = [
  0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629,
  1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
];

const S_MIN = 0.001;
const S_MAX = 36500;
const D_MIN = 1;
const D_MAX = 10;

/** A review as fsrs-rs sees it: the rating and the days since the review before (0 for the first). */
export interface Review {
  rating: number;
  deltaT: number;
}

/**
 * One fsrs-rs training item: a card's reviews up to and including one of them (`end`, ≥ 1), which
 * the model predicts from the reviews before it. `day` is that review's study day.
 */
export interface Item {
  card: readonly Review[];
  end: number;
  day: number;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** Probability of recall `t` days after a review that left stability `s` (FSRS-6's power curve, decay w20). */
export function forgettingCurve(w: readonly number[], t: number, s: number): number {
  const decay = -(w[20] ?? 0.5);
  const factor = Math.exp(Math.log(0.9) / decay) - 1;
  return (1 + (t / s) * factor) ** decay;
}

const initDifficulty = (w: readonly number[], rating: number) =>
  (w[4] ?? 0) - Math.exp((w[5] ?? 0) * (rating - 1)) + 1;

/** Stability and difficulty after `reviews[0 .. count)` (fsrs-rs's forward pass; count ≥ 1). */
export function memoryAfter(
  w: readonly number[],
  reviews: readonly Review[],
  count: number,
): { stability: number; difficulty: number } {
  const first = clamp(reviews[0]?.rating ?? 3, 1, 4);
  let s = clamp(w[first - 1] ?? 1, S_MIN, S_MAX);
  let d = clamp(initDifficulty(w, first), D_MIN, D_MAX);
  for (let i = 1; i < count; i++) {
    const { rating, deltaT } = reviews[i] as Review;
    const lastS = clamp(s, S_MIN, S_MAX);
    const lastD = clamp(d, D_MIN, D_MAX);
    let newS: number;
    if (deltaT === 0) {
      // Same-day review: short-term stability (fsrs-rs 5.2 keeps it from falling on Good and Easy).
      const sinc = Math.exp((w[17] ?? 0) * (rating - 3 + (w[18] ?? 0))) * lastS ** -(w[19] ?? 0);
      newS = lastS * (rating >= 3 ? Math.max(1, sinc) : sinc);
    } else {
      const r = forgettingCurve(w, deltaT, lastS);
      if (rating === 1) {
        const fail =
          (w[11] ?? 0) *
          lastD ** -(w[12] ?? 0) *
          ((lastS + 1) ** (w[13] ?? 0) - 1) *
          Math.exp((1 - r) * (w[14] ?? 0));
        newS = Math.min(fail, lastS / Math.exp((w[17] ?? 0) * (w[18] ?? 0)));
      } else {
        const hard = rating === 2 ? (w[15] ?? 1) : 1;
        const easy = rating === 4 ? (w[16] ?? 1) : 1;
        newS =
          lastS *
          (Math.exp(w[8] ?? 0) *
            (11 - lastD) *
            lastS ** -(w[9] ?? 0) *
            (Math.exp((1 - r) * (w[10] ?? 0)) - 1) *
            hard *
            easy +
            1);
      }
    }
    const next = lastD + ((10 - lastD) * (-(w[6] ?? 0) * (rating - 3))) / 9;
    d = clamp((w[7] ?? 0) * (initDifficulty(w, 4) - next) + next, D_MIN, D_MAX);
    s = clamp(newS, S_MIN, S_MAX);
  }
  return { stability: s, difficulty: d };
}

/** A card history as fsrs-rs reviews: ratings with the days since the review before. */
export function toReviews(h: CardHistory): Review[] {
  return h.ratings.map((rating, i) => ({
    rating,
    deltaT: i === 0 ? 0 : Math.max(0, (h.days[i] ?? 0) - (h.days[i - 1] ?? 0)),
  }));
}

/**
 * The training items of the histories, ordered by study day (fsrs-rs weighs later items more and
 * expects them in time order; ties keep the cards' order, so the order is deterministic).
 */
export function toItems(histories: readonly CardHistory[]): Item[] {
  const out: Item[] = [];
  for (const h of histories) {
    const card = toReviews(h);
    for (let end = 1; end < card.length; end++) out.push({ card, end, day: h.days[end] ?? 0 });
  }
  return out.sort((a, b) => a.day - b.day);
}

/** fsrs-rs trains on no item of more reviews than this (its `max_seq_len`). */
export const MAX_ITEM_REVIEWS = 64;

/**
 * fsrs-rs can train on the item: it has a review on a later day than the one before it (fsrs-rs 5.2
 * panics on one without) and at most {@link MAX_ITEM_REVIEWS} reviews (fsrs-rs would drop it after
 * copying it: leaving it out here keeps a long-studied card's items from filling the memory).
 */
export function isTrainable(item: Item): boolean {
  if (item.end + 1 > MAX_ITEM_REVIEWS) return false;
  for (let i = 1; i <= item.end; i++) if ((item.card[i]?.deltaT ?? 0) > 0) return true;
  return false;
}

/** The predicted review came on a later day than the review before (what the evaluation scores). */
export function isLongTermPrediction(item: Item): boolean {
  return (item.card[item.end]?.deltaT ?? 0) > 0;
}

/** fsrs-browser's packed input: all items' reviews in a row, and each item's length. */
export function packItems(items: readonly Item[]): {
  ratings: Uint32Array;
  deltaTs: Uint32Array;
  lengths: Uint32Array;
} {
  let n = 0;
  for (const it of items) n += it.end + 1;
  const ratings = new Uint32Array(n);
  const deltaTs = new Uint32Array(n);
  const lengths = new Uint32Array(items.length);
  let k = 0;
  items.forEach((it, j) => {
    lengths[j] = it.end + 1;
    for (let i = 0; i <= it.end; i++) {
      const r = it.card[i] as Review;
      ratings[k] = r.rating;
      deltaTs[k] = r.deltaT;
      k++;
    }
  });
  return { ratings, deltaTs, lengths };
}

/** Log loss and RMSE (bins) of a parameter set on a set of items (lower is better). */
export interface Scores {
  logLoss: number;
  rmseBins: number;
}

/** fsrs-rs's `r_matrix_index`: bins of the interval, the long-term review count and the lapses. */
function binKey(item: Item): string {
  const t = item.card[item.end]?.deltaT ?? 0;
  const tBin = Math.round(2.48 * 3.62 ** Math.floor(Math.log(t) / Math.log(3.62)) * 100);
  let longTerm = 0;
  let lapses = 0;
  for (let i = 0; i <= item.end; i++) {
    const r = item.card[i] as Review;
    if (r.deltaT > 0) {
      longTerm++;
      if (i < item.end && r.rating === 1) lapses++;
    }
  }
  const lBin = Math.round(1.99 * 1.89 ** Math.floor(Math.log(longTerm + 1) / Math.log(1.89)));
  const lapseBin =
    lapses === 0 ? 0 : Math.round(1.65 * 1.73 ** Math.floor(Math.log(lapses) / Math.log(1.73)));
  return `${tBin}/${lBin}/${lapseBin}`;
}

/**
 * fsrs-rs's `evaluate`: each item's predicted recall against its outcome (rated above Again), items
 * weighted by recency (0.25 + 0.75 · (i / (n − 1))³ in the given order); `labels` overrides an item's
 * outcome (the bench scores against the true recall). Items must be in time order.
 */
export function evaluate(w: readonly number[], items: readonly Item[], labels?: readonly boolean[]): Scores {
  const n = items.length;
  if (n === 0) return { logLoss: Number.NaN, rmseBins: Number.NaN };
  const span = Math.max(1, n - 1);
  let loss = 0;
  let weights = 0;
  const bins = new Map<string, { p: number; y: number; count: number; weight: number }>();
  items.forEach((item, i) => {
    const weight = 0.25 + 0.75 * (i / span) ** 3;
    const { stability } = memoryAfter(w, item.card, item.end);
    const p = forgettingCurve(w, item.card[item.end]?.deltaT ?? 0, stability);
    const y = labels ? (labels[i] ? 1 : 0) : (item.card[item.end]?.rating ?? 3) > 1 ? 1 : 0;
    loss += (y * Math.log(p) + (1 - y) * Math.log(1 - p)) * weight;
    weights += weight;
    const key = binKey(item);
    const bin = bins.get(key) ?? { p: 0, y: 0, count: 0, weight: 0 };
    bin.p += p;
    bin.y += y;
    bin.count++;
    bin.weight += weight;
    bins.set(key, bin);
  });
  let sq = 0;
  let binWeights = 0;
  for (const b of bins.values()) {
    sq += (b.p / b.count - b.y / b.count) ** 2 * b.weight;
    binWeights += b.weight;
  }
  return { logLoss: -loss / weights, rmseBins: Math.sqrt(sq / binWeights) };
}
