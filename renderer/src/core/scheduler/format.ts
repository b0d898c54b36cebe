const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function trimmed(n: number): string {
  const r = Math.round(n * 10) / 10;
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
}

/**
 * Short label of a span of time for answer buttons: "<1m", "10m", "3h", "1d", "12d", "2mo", "1.5y".
 * Minutes below an hour, hours below a day, days below 30 days, months (30 days) below a year
 * (365 days), then years with one decimal below 10. Negative or non-finite spans read "<1m".
 */
export function formatInterval(ms: number): string {
  if (!Number.isFinite(ms) || ms < MINUTE - 500) return '<1m';
  if (ms < HOUR - 30_000) return `${Math.round(ms / MINUTE)}m`;
  if (ms < DAY - 30 * MINUTE) return `${Math.round(ms / HOUR)}h`;
  const days = ms / DAY;
  if (days < 29.5) return `${Math.round(days)}d`;
  if (days < 365) return `${Math.max(1, Math.round(days / 30))}mo`;
  const years = days / 365;
  return years < 10 ? `${trimmed(years)}y` : `${Math.round(years)}y`;
}
