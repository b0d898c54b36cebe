/**
 * Filtering and sorting the Browse list. Pure: the screen hands in every row once and gets back the
 * ones to show, in order. Every filter left empty lets every row through; within one filter, a row
 * matches when it matches any chosen value (states: any chosen state or mark).
 */
import type { QuestionType } from '../pack/schema';
import { type BrowseRow, foldText } from './rows';

/** A state or a mark the list can be narrowed to. */
export type StateFilter = 'new' | 'learning' | 'review' | 'suspended' | 'flagged' | 'removed';

/** Every state filter, in the order the screen offers them. */
export const STATE_FILTERS: readonly StateFilter[] = [
  'new',
  'learning',
  'review',
  'suspended',
  'flagged',
  'removed',
];

/** When a question is due: any time, overdue or due by the end of today, within 7 days, or not scheduled. */
export type DueFilter = 'any' | 'today' | 'week' | 'unscheduled';

export interface BrowseFilter {
  /** Words that must all appear in the prompt, answer or tags (case and accents ignored). */
  text: string;
  packIds: readonly string[];
  /** `${packId}\n${chapterId}` of chosen chapters. */
  chapters: readonly string[];
  types: readonly QuestionType[];
  /** Tags, compared without case. */
  tags: readonly string[];
  states: readonly StateFilter[];
  due: DueFilter;
}

/** A filter that lets every row through. */
export const EMPTY_FILTER: BrowseFilter = {
  text: '',
  packIds: [],
  chapters: [],
  types: [],
  tags: [],
  states: [],
  due: 'any',
};

/** Columns the list sorts by. `course`: pack after pack, in course order. */
export type SortKey = 'course' | 'prompt' | 'type' | 'state' | 'due' | 'lapses';

export interface BrowseSort {
  key: SortKey;
  direction: 'asc' | 'desc';
}

/** The moments the due filter compares with (epoch ms). */
export interface BrowseClock {
  /** The end of today (the first moment of tomorrow). */
  endOfToday: number;
}

const DAY_MS = 86_400_000;

/** The key of a chapter in {@link BrowseFilter.chapters}. */
export function chapterFilterKey(packId: string, chapterId: string): string {
  return `${packId}\n${chapterId}`;
}

/** A filter compiled once for many rows. */
export type RowTest = (row: BrowseRow) => boolean;

/** Compiles `filter` into a test of one row. */
export function compileFilter(filter: BrowseFilter, clock: BrowseClock): RowTest {
  const words = foldText(filter.text).split(' ').filter(Boolean);
  const packs = filter.packIds.length > 0 ? new Set(filter.packIds) : null;
  const chapters = filter.chapters.length > 0 ? new Set(filter.chapters) : null;
  const types = filter.types.length > 0 ? new Set<string>(filter.types) : null;
  const tags = filter.tags.length > 0 ? new Set(filter.tags.map((t) => t.toLowerCase())) : null;
  const states = filter.states.length > 0 ? new Set(filter.states) : null;
  const dueBefore =
    filter.due === 'today' ? clock.endOfToday : filter.due === 'week' ? clock.endOfToday + 6 * DAY_MS : null;
  return (row) => {
    if (packs && !packs.has(row.packId)) return false;
    if (chapters && !chapters.has(chapterFilterKey(row.packId, row.chapterId))) return false;
    if (types && !types.has(row.type)) return false;
    if (tags && !row.tags.some((t) => tags.has(t.toLowerCase()))) return false;
    if (states && !matchesState(row, states)) return false;
    if (filter.due === 'unscheduled' && row.due !== null) return false;
    if (dueBefore !== null && (row.due === null || row.due >= dueBefore)) return false;
    for (const w of words) if (!row.haystack.includes(w)) return false;
    return true;
  };
}

function matchesState(row: BrowseRow, states: ReadonlySet<StateFilter>): boolean {
  return (
    states.has(row.state) ||
    (row.suspended && states.has('suspended')) ||
    (row.flagged && states.has('flagged')) ||
    (row.removed && states.has('removed'))
  );
}

const STATE_RANK = { new: 0, learning: 1, review: 2 } as const;

const byCourse = (a: BrowseRow, b: BrowseRow) =>
  a.packRank - b.packRank || a.order - b.order || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Compares by the chosen column (ties in course order, which is total). */
export function compareRows(sort: BrowseSort): (a: BrowseRow, b: BrowseRow) => number {
  const sign = sort.direction === 'asc' ? 1 : -1;
  const column = (a: BrowseRow, b: BrowseRow): number => {
    switch (sort.key) {
      case 'course':
        return 0;
      case 'prompt':
        return collator.compare(a.prompt, b.prompt);
      case 'type':
        return a.type < b.type ? -1 : a.type > b.type ? 1 : 0;
      case 'state':
        return STATE_RANK[a.state] - STATE_RANK[b.state];
      case 'due':
        // Not scheduled sorts after every due time.
        return (a.due ?? Number.POSITIVE_INFINITY) - (b.due ?? Number.POSITIVE_INFINITY) || 0;
      case 'lapses':
        return a.lapses - b.lapses;
    }
  };
  return (a, b) => sign * (column(a, b) || byCourse(a, b));
}

/** The rows `filter` lets through, sorted by `sort`. */
export function browseRows(
  rows: readonly BrowseRow[],
  filter: BrowseFilter,
  sort: BrowseSort,
  clock: BrowseClock,
): BrowseRow[] {
  const test = compileFilter(filter, clock);
  return rows.filter(test).sort(compareRows(sort));
}

/** Every tag of the rows, sorted, once each (first spelling kept). */
export function collectTags(rows: readonly BrowseRow[]): string[] {
  const seen = new Map<string, string>();
  for (const r of rows) for (const t of r.tags) if (!seen.has(t.toLowerCase())) seen.set(t.toLowerCase(), t);
  return [...seen.values()].sort((a, b) => collator.compare(a, b));
}
