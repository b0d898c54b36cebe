/**
 * Study-day bounds for the queue's daily limits, from the same day clock the statistics use
 * (core/stats/day), so "today" means one thing everywhere.
 */
import { DAY_MS, dayIndexAt, dayStartAt, makeDayClock } from '../stats/day';

/**
 * Start (epoch ms) of the study day containing `now`. The day starts at `dayStartHour` o'clock
 * local time (0 = midnight); `utcOffsetMinutes` is the local offset east of UTC at `now`
 * (`-new Date(now).getTimezoneOffset()` in the app; a fixed number in tests).
 */
export function computeDayStart(now: number, utcOffsetMinutes: number, dayStartHour = 0): number {
  const clock = makeDayClock({ utcOffsetMinutes, dayStartHour });
  return dayStartAt(dayIndexAt(now, clock), clock);
}

/** End (exclusive, epoch ms) of the study day containing `now`; see {@link computeDayStart}. */
export function computeDayEnd(now: number, utcOffsetMinutes: number, dayStartHour = 0): number {
  return computeDayStart(now, utcOffsetMinutes, dayStartHour) + DAY_MS;
}
