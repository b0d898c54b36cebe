/** How the statistics screen writes numbers, durations and dates. */

/** 0.8666 → "87%"; null → "—". */
export function formatPercent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}

/** Milliseconds as "2 h 5 min", "12 min", "40 s" or "0 min". */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.round(ms / 1000);
  if (totalSeconds <= 0) return '0 min';
  if (totalSeconds < 60) return `${totalSeconds} s`;
  const minutes = Math.round(totalSeconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

const PLURAL_RULES = new Intl.PluralRules('en');

/** "1 review", "3 reviews" (English plural rules). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${PLURAL_RULES.select(n) === 'one' ? one : many}`;
}

/** A `YYYY-MM-DD` study day as a readable date ("Mon, 16 Mar 2026"), computed without time zones. */
export function formatDayLabel(isoDate: string, style: 'long' | 'short' = 'long'): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
  return date.toLocaleDateString(undefined, {
    timeZone: 'UTC',
    ...(style === 'long'
      ? { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }
      : { day: 'numeric', month: 'short' }),
  });
}

/** A `YYYY-MM` month as "Mar 2026". */
export function formatMonthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, 1)).toLocaleDateString(undefined, {
    timeZone: 'UTC',
    month: 'short',
    year: 'numeric',
  });
}

/** The month of a `YYYY-MM-DD` date as a short name ("Mar"). */
export function formatMonthName(isoDate: string): string {
  const [y, m] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, 1)).toLocaleDateString(undefined, {
    timeZone: 'UTC',
    month: 'short',
  });
}
