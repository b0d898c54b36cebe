/** Words for the study screen: rating names, why a rating was suggested, durations, due times. */
import type { Grade, RatingContext } from '../../core/grading';
import type { Rating } from '../../core/scheduler';

/** Names of the four ratings. */
export const RATING_NAMES: Record<Rating, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };

/** Why the app suggests `rating` for `grade`, in one sentence. */
export function explainRating(grade: Grade, ctx: Pick<RatingContext, 'hintUsed'>, rating: Rating): string {
  if (!grade.correct) {
    return grade.partial ? 'Partly right, so Hard.' : 'Not right this time, so Again: it comes back soon.';
  }
  if (ctx.hintUsed) return 'Right after the hint, so Hard.';
  if (rating === 4) return 'Right and quick, so Easy.';
  return grade.typo ? 'Right (with a typo), so Good.' : 'Right, so Good.';
}

/** A duration as "45 s", "3 min 05 s" or "1 h 02 min". */
export function formatDuration(ms: number): string {
  const total = Number.isFinite(ms) && ms > 0 ? Math.round(ms / 1000) : 0;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h} h ${String(m).padStart(2, '0')} min`;
  if (m > 0) return `${m} min ${String(s).padStart(2, '0')} s`;
  return `${s} s`;
}

/** A countdown as "m:ss" (or "h:mm:ss"). */
export function formatCountdown(ms: number): string {
  const total = Number.isFinite(ms) && ms > 0 ? Math.ceil(ms / 1000) : 0;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How far away `due` is from `now`, in words: "now", "in 10 minutes", "in 3 hours", "in 4 days". */
export function describeWhen(due: number, now: number): string {
  const ms = due - now;
  if (ms <= 30_000) return 'now';
  if (ms < HOUR) {
    const m = Math.max(1, Math.round(ms / MINUTE));
    return `in ${m} minute${m === 1 ? '' : 's'}`;
  }
  if (ms < DAY) {
    const h = Math.round(ms / HOUR);
    return `in ${h} hour${h === 1 ? '' : 's'}`;
  }
  const d = Math.round(ms / DAY);
  return `in ${d} day${d === 1 ? '' : 's'}`;
}

/** Share of `part` in `whole` as a whole percent; 0 when `whole` is 0. */
export function computePercent(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 100) : 0;
}
