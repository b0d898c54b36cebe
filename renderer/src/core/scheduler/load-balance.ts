/**
 * Load balancing and easy days, as Anki defines them (rslib `scheduler/states/load_balancer.rs`):
 * once FSRS has picked a review interval, the day it lands on is drawn from the fuzz range with a
 * weight per day, `(1 / cards due that day)² × (1 / days from today)` (an empty day weighs 1), times
 * the day's easy-day factor (Normal 1, Reduced 0.5 or Minimum ≈ 0). Intervals over 90 days are not
 * balanced (the plain seeded fuzz applies). The draw is seeded, so the same card, state and load
 * always give the same day.
 *
 * One deliberate difference from Anki: there an empty day weighs 1 whatever its easy-day setting,
 * so a Minimum weekday with nothing due yet still attracts cards; here the easy-day factor applies
 * to empty days too (a day the student marked as "minimum" stays nearly empty).
 */
import { createRng } from '../random';
import { type DayClock, dayIndexAt } from '../stats/day';

/** How much of a normal load a weekday should get. */
export type EasyDay = 'normal' | 'reduced' | 'minimum';

/** Every easy-day value, in the order the settings screen offers them. */
export const EASY_DAYS: readonly EasyDay[] = ['normal', 'reduced', 'minimum'];

/** Weekday names, Monday first (the index used by {@link DueLoad.weekday} and easy-day lists). */
export const WEEKDAYS = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;

/** Seven normal days: easy days off. */
export const NORMAL_WEEK: readonly EasyDay[] = Object.freeze(
  Array.from({ length: 7 }, () => 'normal' as const),
);

/** Longest interval (days) the balancer moves; longer ones keep the plain fuzz (Anki: 90). */
export const MAX_BALANCED_INTERVAL = 90;

/** How many days ahead a {@link DueLoad} should count (Anki keeps 10 % more than the 90 it balances). */
export const LOAD_DAYS = 99;

/** Cards already due on each coming study day. */
export interface DueLoad {
  /** `counts[d]`: review cards due on the study day `d` days after today (missing = 0). */
  readonly counts: readonly number[];
  /** Weekday of today, 0 Monday … 6 Sunday. */
  readonly weekday: number;
}

/** What the balancer needs besides the load. */
export interface BalanceOptions {
  /** Prefer days with fewer due cards (the load balancer proper). */
  loadBalancing: boolean;
  /** Seven values, Monday first. */
  easyDays: readonly EasyDay[];
}

const LOAD_FACTOR: Record<EasyDay, number> = { normal: 1, reduced: 0.5, minimum: 0.0001 };

function easyDayAt(easyDays: readonly EasyDay[], weekday: number): EasyDay {
  return easyDays[weekday] ?? 'normal';
}

/** Tells whether any weekday is marked Reduced or Minimum. */
export function hasEasyDays(easyDays: readonly EasyDay[]): boolean {
  return easyDays.some((d) => d !== 'normal');
}

/**
 * The easy-day factor of each candidate day (Anki's `calculate_easy_days_modifiers`): Normal days
 * weigh 1, Minimum days almost 0, and a Reduced day weighs 1 while its count, doubled, stays at or
 * below the other days' count per unit of load, else almost 0 — so a Reduced day fills up to about
 * half of what the others carry.
 */
export function easyDayFactors(
  easyDays: readonly EasyDay[],
  weekdays: readonly number[],
  counts: readonly number[],
): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  const totalLoad = weekdays.reduce((a, w) => a + LOAD_FACTOR[easyDayAt(easyDays, w)], 0);
  return weekdays.map((w, i) => {
    const kind = easyDayAt(easyDays, w);
    if (kind !== 'reduced') return LOAD_FACTOR[kind];
    const count = counts[i] ?? 0;
    const othersPerLoad = (total - count) / (totalLoad - LOAD_FACTOR.reduced);
    return count / LOAD_FACTOR.reduced > othersPerLoad ? LOAD_FACTOR.minimum : LOAD_FACTOR.normal;
  });
}

/** One candidate day and its weight. */
export interface WeightedDay {
  days: number;
  weight: number;
}

/** The weight of every day in `[min, max]` (see the file comment). */
export function weighDays(min: number, max: number, load: DueLoad, options: BalanceOptions): WeightedDay[] {
  const days: number[] = [];
  for (let d = min; d <= max; d++) days.push(d);
  const counts = days.map((d) => (options.loadBalancing ? (load.counts[d] ?? 0) : 0));
  const weekdays = days.map((d) => (((load.weekday + d) % 7) + 7) % 7);
  const easy = easyDayFactors(options.easyDays, weekdays, counts);
  return days.map((d, i) => {
    const count = counts[i] ?? 0;
    const base = count === 0 ? 1 : (1 / count) ** 2 * (1 / Math.max(1, d));
    return { days: d, weight: base * (easy[i] ?? 1) };
  });
}

/**
 * The interval (whole days) to use instead of `interval`, drawn from `[min, max]` (the fuzz range)
 * by the day weights, or `null` when the balancer does not apply: the interval is over
 * {@link MAX_BALANCED_INTERVAL}, the range is empty, or neither load balancing nor easy days is on.
 */
export function balanceInterval(
  interval: number,
  range: { min: number; max: number },
  load: DueLoad,
  options: BalanceOptions,
  seed: string,
): number | null {
  if (!options.loadBalancing && !hasEasyDays(options.easyDays)) return null;
  if (interval > MAX_BALANCED_INTERVAL || range.min > MAX_BALANCED_INTERVAL) return null;
  if (!(range.min <= range.max) || range.min < 1) return null;
  const weighted = weighDays(range.min, range.max, load, options);
  const total = weighted.reduce((a, w) => a + w.weight, 0);
  if (!(total > 0)) return null;
  let r = createRng(`balance#${seed}`)() * total;
  for (const w of weighted) {
    r -= w.weight;
    if (r < 0) return w.days;
  }
  return weighted[weighted.length - 1]?.days ?? null;
}

/** The weekday (0 Monday … 6 Sunday) of a study day index (day 0, 1970-01-01, was a Thursday). */
export function weekdayOfDay(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** How many study days after the one holding `now` the time `t` falls (negative: before today). */
export function dayOffset(t: number, now: number, clock: DayClock): number {
  return dayIndexAt(t, clock) - dayIndexAt(now, clock);
}

/**
 * Counts `dues` (epoch ms) per study day from today on, for {@link LOAD_DAYS} days (earlier dues
 * count for today), and notes today's weekday.
 */
export function countDueLoad(
  dues: Iterable<number>,
  now: number,
  clock: DayClock,
): { counts: number[]; weekday: number } {
  const counts = new Array<number>(LOAD_DAYS).fill(0);
  for (const due of dues) {
    const d = Math.max(0, dayOffset(due, now, clock));
    if (d < LOAD_DAYS) counts[d] = (counts[d] ?? 0) + 1;
  }
  return { counts, weekday: weekdayOfDay(dayIndexAt(now, clock)) };
}
