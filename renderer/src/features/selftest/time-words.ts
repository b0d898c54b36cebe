/**
 * Time on the self-test screens in words: the countdown ("4:59"), its spoken form, the announcements
 * at 5 minutes and 1 minute left, and durations in the report.
 */

// The countdown and durations read the same as on the study screen.
export { formatCountdown, formatDuration as formatElapsed } from '../study/format';

const MINUTE = 60_000;

/** Remaining time in words for assistive technology: "4 minutes 59 seconds left". */
export function describeRemaining(ms: number): string {
  const total = Number.isFinite(ms) && ms > 0 ? Math.ceil(ms / 1000) : 0;
  const m = Math.floor(total / 60);
  const s = total % 60;
  const parts: string[] = [];
  if (m > 0) parts.push(`${m} minute${m === 1 ? '' : 's'}`);
  if (s > 0 || m === 0) parts.push(`${s} second${s === 1 ? '' : 's'}`);
  return `${parts.join(' ')} left`;
}

/** The moments announced aloud, longest first. */
export const ANNOUNCE_AT_MS = [5 * MINUTE, MINUTE] as const;

/**
 * The announcement due when the remaining time moves from `before` to `after` (ms), or null. Only a
 * crossing of 5 minutes or 1 minute is announced, so a screen reader hears two messages, not one a
 * second. A test that starts with 5 minutes or less does not announce the 5-minute mark.
 */
export function findTimeAnnouncement(before: number, after: number): string | null {
  let crossed: number | null = null;
  for (const mark of ANNOUNCE_AT_MS) if (before > mark && after <= mark && after > 0) crossed = mark;
  if (crossed === null) return null;
  return crossed === MINUTE ? '1 minute left.' : `${crossed / MINUTE} minutes left.`;
}

/** A short date for a chart axis, e.g. "16 Mar". */
export function formatShortDay(at: number): string {
  return new Date(at).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
}

/** 0.8666 → "87%". */
export function formatScore(score: number): string {
  return `${Math.round((Number.isFinite(score) ? score : 0) * 100)}%`;
}
