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

/**
 * Date formats in the user's locale, made once: `toLocaleDateString` with options builds a new
 * formatter on every call (~0.3 ms here), and the heatmap and charts label a year of days.
 */
const formats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(name: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let f = formats.get(name);
  if (!f) {
    f = new Intl.DateTimeFormat(undefined, { timeZone: 'UTC', ...options });
    formats.set(name, f);
  }
  return f;
}

/** The UTC midnight of a `YYYY-MM-DD` (or `YYYY-MM`: its first) day. */
function utcDate(isoDate: string): Date {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

/** A `YYYY-MM-DD` study day as a readable date ("Mon, 16 Mar 2026"), computed without time zones. */
export function formatDayLabel(isoDate: string, style: 'long' | 'short' = 'long'): string {
  const format =
    style === 'long'
      ? dateFormat('day-long', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' })
      : dateFormat('day-short', { day: 'numeric', month: 'short' });
  return format.format(utcDate(isoDate));
}

/** A `YYYY-MM` month as "Mar 2026". */
export function formatMonthLabel(month: string): string {
  return dateFormat('month-year', { month: 'short', year: 'numeric' }).format(utcDate(month.slice(0, 7)));
}

/** The month of a `YYYY-MM-DD` date as a short name ("Mar"). */
export function formatMonthName(isoDate: string): string {
  return dateFormat('month', { month: 'short' }).format(utcDate(isoDate.slice(0, 7)));
}
