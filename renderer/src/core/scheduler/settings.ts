import { EASY_DAYS, type EasyDay, NORMAL_WEEK } from './load-balance';

/**
 * Per-pack study settings. Values from storage or a settings file are untrusted: read them through
 * {@link normalizeSchedulerSettings}, which clamps and fills defaults and never throws.
 */

/** A learning step such as `"1m"`, `"10m"`, `"1h"` or `"1d"` (ts-fsrs `StepUnit`). */
export type StepText = `${number}${'m' | 'h' | 'd'}`;

/**
 * What the student can tune per pack. Structurally the same as `SchedulingSettings` of
 * `core/settings` (what `resolveSchedulingSettings` returns), so that value can be passed as is.
 */
export interface SchedulerSettings {
  /** Probability of recall FSRS aims for when it picks an interval: 0.70–0.97, default 0.90. */
  desiredRetention: number;
  /** Steps a new card goes through before it graduates (default `['1m', '10m']`); see {@link isStepText}. */
  learningSteps: readonly string[];
  /** Steps a forgotten card goes through (default `['10m']`). */
  relearningSteps: readonly string[];
  /** The longest interval in days (default 36 500). */
  maximumIntervalDays: number;
  /** New cards introduced per day (default 20). */
  newPerDay: number;
  /** Reviews of graduated cards per day (default 200). */
  reviewsPerDay: number;
  /** Prefer days with fewer due cards within the fuzz range (default on); see `load-balance.ts`. */
  loadBalancing?: boolean;
  /** Seven easy-day values, Monday first (default all normal). */
  easyDays?: readonly EasyDay[];
  /** The 21 FSRS-6 parameters; empty (the default) or anything but 21 numbers means ts-fsrs's defaults. */
  parameters?: readonly number[];
}

/** Lowest desired retention the app allows. */
export const MIN_DESIRED_RETENTION = 0.7;
/** Highest desired retention the app allows. */
export const MAX_DESIRED_RETENTION = 0.97;

/** The defaults of {@link SchedulerSettings}. */
export const DEFAULT_SCHEDULER_SETTINGS: Readonly<SchedulerSettings> = Object.freeze({
  desiredRetention: 0.9,
  learningSteps: Object.freeze(['1m', '10m']),
  relearningSteps: Object.freeze(['10m']),
  maximumIntervalDays: 36_500,
  newPerDay: 20,
  reviewsPerDay: 200,
});

/** How many parameters FSRS-6 has. */
export const FSRS6_PARAMETER_COUNT = 21;

/** Tells whether `value` is a usable FSRS-6 parameter list (21 finite numbers). */
export function isFsrsParameters(value: unknown): value is number[] {
  return (
    Array.isArray(value) &&
    value.length === FSRS6_PARAMETER_COUNT &&
    value.every((n) => typeof n === 'number' && Number.isFinite(n))
  );
}

function readEasyDays(value: unknown): EasyDay[] {
  if (!Array.isArray(value) || value.length !== 7) return [...NORMAL_WEEK];
  return value.map((d) => (EASY_DAYS.includes(d as EasyDay) ? (d as EasyDay) : 'normal'));
}

const STEP = /^[1-9]\d{0,5}[mhd]$/;

/** Tells whether `text` is a usable step: a positive whole number followed by m, h or d. */
export function isStepText(text: unknown): text is StepText {
  return typeof text === 'string' && STEP.test(text);
}

function readSteps(value: unknown, fallback: readonly string[]): StepText[] {
  if (!Array.isArray(value)) return fallback.filter(isStepText);
  return value.filter(isStepText).slice(0, 20);
}

function readNumber(value: unknown, fallback: number, min: number, max: number, whole: boolean): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  const v = whole ? Math.round(value) : value;
  return Math.min(max, Math.max(min, v));
}

/**
 * Returns complete, in-range settings from anything (a partial object, a stored value, garbage).
 * Out-of-range numbers are clamped, invalid steps dropped (an empty list means "no steps": FSRS
 * schedules in days straight away), missing fields take the defaults.
 */
export function normalizeSchedulerSettings(input: unknown): Omit<
  SchedulerSettings,
  'loadBalancing' | 'easyDays' | 'parameters'
> & {
  learningSteps: StepText[];
  relearningSteps: StepText[];
} {
  const d = DEFAULT_SCHEDULER_SETTINGS;
  const o = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  return {
    desiredRetention: readNumber(
      o.desiredRetention,
      d.desiredRetention,
      MIN_DESIRED_RETENTION,
      MAX_DESIRED_RETENTION,
      false,
    ),
    learningSteps: readSteps(o.learningSteps, d.learningSteps),
    relearningSteps: readSteps(o.relearningSteps, d.relearningSteps),
    maximumIntervalDays: readNumber(o.maximumIntervalDays, d.maximumIntervalDays, 1, 36_500, true),
    newPerDay: readNumber(o.newPerDay, d.newPerDay, 0, 100_000, true),
    reviewsPerDay: readNumber(o.reviewsPerDay, d.reviewsPerDay, 0, 1_000_000, true),
  };
}

/** The load-balancing, easy-day and FSRS-parameter settings, complete (defaults filled, never throws). */
export interface SchedulerExtras {
  loadBalancing: boolean;
  easyDays: EasyDay[];
  /** Empty: ts-fsrs's default parameters. */
  parameters: number[];
}

/** Reads {@link SchedulerExtras} from anything (see {@link normalizeSchedulerSettings}). */
export function normalizeSchedulerExtras(input: unknown): SchedulerExtras {
  const o = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  return {
    loadBalancing: typeof o.loadBalancing === 'boolean' ? o.loadBalancing : true,
    easyDays: readEasyDays(o.easyDays),
    parameters: isFsrsParameters(o.parameters) ? [...o.parameters] : [],
  };
}
