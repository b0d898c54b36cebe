/**
 * Dates and times as the screens (and the file names they suggest) write them, in the student's
 * locale and time zone. Counts in words are in `count.ts`.
 */

const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** A moment with date and time, e.g. "16 Mar 2026, 18:05" (review and self-test history). */
export function formatDateTime(at: number): string {
  return dateTimeFormat.format(at);
}

/** When a file was written, e.g. "Mar 16, 2026, 6:05 PM" (backups). */
export function formatFileTime(at: number): string {
  return new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** The local date of `at` as `YYYY-MM-DD` (for file names and printed sheets). */
export function formatLocalDate(at: number): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Why an automatic backup was written, from its file name: "On quit", "Daily" or "Before sync". */
export function autoBackupReason(fileName: string): string {
  if (fileName.endsWith('-quit.json')) return 'On quit';
  if (fileName.endsWith('-sync.json')) return 'Before sync';
  return 'Daily';
}
