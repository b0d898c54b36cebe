/**
 * Figures from the review log: reviews per day (heatmap), time studied, streaks and true retention.
 * One pass over the log fills per-day counters (typed arrays indexed by study day); every figure is then
 * read off those counters, so the cost is O(reviews + days) with no allocation per review.
 */
import { type DayClock, dayIndexAt, formatDay, formatMonth } from './day';
import type { ReviewColumns } from './review-log';

/** Pass rate of a set of reviews. */
export interface RetentionFigure {
  /** Reviews rated Hard, Good or Easy. */
  passed: number;
  total: number;
  /** passed / total, or null when there were none. */
  rate: number | null;
}

/** Per-day values for a run of consecutive study days, oldest first. */
export interface DaySeries {
  /** Study day index of `values[0]`. */
  firstDay: number;
  /** `firstDay` as `YYYY-MM-DD` (local date). */
  firstDate: string;
  values: number[];
}

/** Everything `computeReviewStats` reports. */
export interface ReviewStats {
  /** Today's study day index and date. */
  today: number;
  todayDate: string;
  totalReviews: number;
  totalTimeMs: number;
  todayReviews: number;
  todayTimeMs: number;
  /** Reviews per day for the heatmap: `heatmapDays` days ending today. */
  reviewsPerDay: DaySeries;
  /** Time studied per day (ms), aligned with `reviewsPerDay`. */
  timePerDayMs: DaySeries;
  streak: {
    /**
     * Consecutive days with at least one review, ending today — or ending yesterday when nothing has
     * been reviewed yet today (the streak is not broken until today is over).
     */
    current: number;
    /** Whether today already counts in `current`. */
    includesToday: boolean;
    /** Longest run ever (within the log's span up to today). */
    longest: number;
  };
  /**
   * True retention: the pass rate (rating above Again) of reviews of cards that were in Review state
   * when answered — learning steps and new cards are left out, as Anki's true retention does.
   */
  retention: {
    /** The last `retentionDays` study days including today. */
    recent: RetentionFigure;
    /** Per calendar month (`YYYY-MM`), oldest first, months without such reviews left out. */
    byMonth: (RetentionFigure & { month: string })[];
  };
}

/** Options of `computeReviewStats`. */
export interface ReviewStatsOptions {
  now: number;
  clock: DayClock;
  /** Days in the heatmap, ending today (default 365). */
  heatmapDays?: number;
  /** Days counted in `retention.recent`, ending today (default 30). */
  retentionDays?: number;
}

/** Reviews older than this many days are counted in totals only (a bad timestamp cannot blow up memory). */
const MAX_SPAN_DAYS = 36_600;
const REVIEW_STATE = 2;

/** Computes the review-log figures at `now`. Reviews timestamped after today count in totals only. */
export function computeReviewStats(log: ReviewColumns, options: ReviewStatsOptions): ReviewStats {
  const { clock } = options;
  const heatmapDays = Math.max(1, Math.floor(options.heatmapDays ?? 365));
  const retentionDays = Math.max(1, Math.floor(options.retentionDays ?? 30));
  const today = dayIndexAt(options.now, clock);
  const n = log.length;
  const at = log.at;

  let minAt = Number.POSITIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const t = at[i] as number;
    if (t < minAt) minAt = t;
  }
  const firstDay = Math.min(today, Math.max(n > 0 ? dayIndexAt(minAt, clock) : today, today - MAX_SPAN_DAYS));
  const span = today - firstDay + 1;
  // Days before the heatmap window are still needed for the streak and the monthly retention.
  const reviews = new Uint32Array(span);
  const timeMs = new Float64Array(span);
  const rsTotal = new Uint32Array(span);
  const rsPassed = new Uint32Array(span);

  let totalTimeMs = 0;
  const { rating, stateBefore, responseMs } = log;
  const offset = clock.offsetMs;
  for (let i = 0; i < n; i++) {
    const ms = responseMs[i] as number;
    totalTimeMs += ms;
    const d = Math.floor(((at[i] as number) + offset) / 86_400_000) - firstDay;
    if (!(d >= 0 && d < span)) continue; // also skips a NaN timestamp
    reviews[d] = (reviews[d] as number) + 1;
    timeMs[d] = (timeMs[d] as number) + ms;
    if (stateBefore[i] === REVIEW_STATE) {
      rsTotal[d] = (rsTotal[d] as number) + 1;
      if ((rating[i] as number) > 1) rsPassed[d] = (rsPassed[d] as number) + 1;
    }
  }

  const last = span - 1;
  const includesToday = (reviews[last] as number) > 0;
  let current = 0;
  for (let d = includesToday ? last : last - 1; d >= 0 && (reviews[d] as number) > 0; d--) current++;
  let longest = 0;
  let run = 0;
  for (let d = 0; d < span; d++) {
    run = (reviews[d] as number) > 0 ? run + 1 : 0;
    if (run > longest) longest = run;
  }

  let recentPassed = 0;
  let recentTotal = 0;
  for (let d = Math.max(0, span - retentionDays); d < span; d++) {
    recentPassed += rsPassed[d] as number;
    recentTotal += rsTotal[d] as number;
  }

  const byMonth: (RetentionFigure & { month: string })[] = [];
  let month = '';
  let passed = 0;
  let total = 0;
  for (let d = 0; d < span; d++) {
    const dayTotal = rsTotal[d] as number;
    if (dayTotal === 0) continue;
    const m = formatMonth(firstDay + d);
    if (m !== month) {
      if (total > 0) byMonth.push({ month, ...figure(passed, total) });
      month = m;
      passed = 0;
      total = 0;
    }
    passed += rsPassed[d] as number;
    total += dayTotal;
  }
  if (total > 0) byMonth.push({ month, ...figure(passed, total) });

  const heatFirst = today - heatmapDays + 1;
  const heatCounts = new Array<number>(heatmapDays).fill(0);
  const heatTime = new Array<number>(heatmapDays).fill(0);
  for (let i = 0; i < heatmapDays; i++) {
    const d = heatFirst + i - firstDay;
    if (d < 0) continue;
    heatCounts[i] = reviews[d] as number;
    heatTime[i] = timeMs[d] as number;
  }
  const heatDate = formatDay(heatFirst);

  return {
    today,
    todayDate: formatDay(today),
    totalReviews: n,
    totalTimeMs,
    todayReviews: reviews[last] as number,
    todayTimeMs: timeMs[last] as number,
    reviewsPerDay: { firstDay: heatFirst, firstDate: heatDate, values: heatCounts },
    timePerDayMs: { firstDay: heatFirst, firstDate: heatDate, values: heatTime },
    streak: { current, includesToday, longest },
    retention: { recent: figure(recentPassed, recentTotal), byMonth },
  };
}

function figure(passed: number, total: number): RetentionFigure {
  return { passed, total, rate: total > 0 ? passed / total : null };
}
