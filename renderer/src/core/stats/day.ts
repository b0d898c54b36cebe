/**
 * Study days without Date objects: a day index is a whole number of days since 1970-01-01 in the
 * student's local time, shifted so a day may start at an hour other than midnight. Converting a
 * timestamp is one addition and one division, so a million review rows cost a million divisions.
 *
 * The UTC offset is taken once (at `now`) for the whole computation: around a daylight-saving change
 * a review made within an hour of the day boundary may be filed under the neighbouring day. That is
 * the price of not creating a Date per row; statistics are not affected otherwise.
 */

/** Milliseconds in a day. */
export const DAY_MS = 86_400_000;

/** How timestamps map to study days. Build it with `makeDayClock`. */
export interface DayClock {
  /** Added to an epoch-ms timestamp before dividing by a day. */
  readonly offsetMs: number;
}

/** Where the student is and when their day starts. */
export interface DayClockOptions {
  /**
   * Minutes east of UTC (UTC+2 → 120, UTC−5 → −300). In a browser: `-new Date(now).getTimezoneOffset()`.
   * Default 0.
   */
  utcOffsetMinutes?: number;
  /** Local hour (0–23) at which a study day starts; default 0 (midnight). */
  dayStartHour?: number;
}

/** Builds the clock that files timestamps under study days. */
export function makeDayClock(options: DayClockOptions = {}): DayClock {
  const offset = Number.isFinite(options.utcOffsetMinutes) ? (options.utcOffsetMinutes as number) : 0;
  const hour = Number.isFinite(options.dayStartHour) ? (options.dayStartHour as number) : 0;
  return { offsetMs: offset * 60_000 - hour * 3_600_000 };
}

/** The study day a timestamp falls on. */
export function dayIndexAt(t: number, clock: DayClock): number {
  return Math.floor((t + clock.offsetMs) / DAY_MS);
}

/** The timestamp at which a study day starts. */
export function dayStartAt(day: number, clock: DayClock): number {
  return day * DAY_MS - clock.offsetMs;
}

/** A civil date. */
export interface CivilDate {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

/** The local calendar date of a study day (days-from-civil inverse, proleptic Gregorian; no Date). */
export function civilFromDay(day: number): CivilDate {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d };
}

/** A study day as `YYYY-MM-DD`. */
export function formatDay(day: number): string {
  const c = civilFromDay(day);
  return `${pad(c.year, 4)}-${pad(c.month, 2)}-${pad(c.day, 2)}`;
}

/** The month of a study day as `YYYY-MM`. */
export function formatMonth(day: number): string {
  const c = civilFromDay(day);
  return `${pad(c.year, 4)}-${pad(c.month, 2)}`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
