const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * Start (epoch ms) of the study day containing `now`. The day starts at `dayStartHour` o'clock
 * local time (0 = midnight); `utcOffsetMinutes` is the local offset east of UTC at `now`
 * (`-new Date(now).getTimezoneOffset()` in the app; a fixed number in tests).
 */
export function computeDayStart(now: number, utcOffsetMinutes: number, dayStartHour = 0): number {
  const shift = utcOffsetMinutes * 60_000 - dayStartHour * HOUR_MS;
  const local = now + shift;
  return local - (((local % DAY_MS) + DAY_MS) % DAY_MS) - shift;
}

/** End (exclusive, epoch ms) of the study day containing `now`; see {@link computeDayStart}. */
export function computeDayEnd(now: number, utcOffsetMinutes: number, dayStartHour = 0): number {
  return computeDayStart(now, utcOffsetMinutes, dayStartHour) + DAY_MS;
}
