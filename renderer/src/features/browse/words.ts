/** Words for the Browse screen: question types, states, due times. */
import type { BrowseRow, DueFilter, StateFilter } from '../../core/browse';
import type { QuestionType } from '../../core/pack/schema';

export const TYPE_WORDS: Record<QuestionType, string> = {
  flashcard: 'Flashcard',
  'multiple-choice': 'Multiple choice',
  'true-false': 'True or false',
  typed: 'Typed',
  cloze: 'Fill in the blanks',
  matching: 'Matching',
  ordering: 'Ordering',
};

export const STATE_WORDS: Record<StateFilter, string> = {
  new: 'New',
  learning: 'Learning',
  review: 'Review',
  suspended: 'Suspended',
  flagged: 'Flagged',
  removed: 'Removed from its pack',
};

export const DUE_WORDS: Record<DueFilter, string> = {
  any: 'Any time',
  today: 'Due by the end of today',
  week: 'Due within 7 days',
  unscheduled: 'Not scheduled',
};

/** A row's state and marks, e.g. "Review · Flagged". */
export function describeState(row: Pick<BrowseRow, 'state' | 'suspended' | 'flagged' | 'removed'>): string {
  const parts: string[] = [STATE_WORDS[row.state]];
  if (row.suspended) parts.push('Suspended');
  if (row.flagged) parts.push('Flagged');
  if (row.removed) parts.push('Removed');
  return parts.join(' · ');
}

/** The first moment of tomorrow, local time. */
export function endOfToday(now: number): number {
  const d = new Date(now);
  d.setHours(24, 0, 0, 0);
  return d.getTime();
}

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** When a row is due: "Now", "Today 14:30", "9 Dec 2026", or "—" when not scheduled. */
export function formatDue(due: number | null, now: number): string {
  if (due === null) return '—';
  if (due <= now) return 'Now';
  if (due < endOfToday(now)) return `Today ${timeFormat.format(due)}`;
  return dateFormat.format(due);
}
