import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BrowseFilter,
  type BrowseRow,
  type BrowseSort,
  browseRows,
  chapterFilterKey,
  collectTags,
  compareRows,
  compileFilter,
  EMPTY_FILTER,
  type SortKey,
  STATE_FILTERS,
  toBrowseRow,
} from '../../../../renderer/src/core/browse';
import type { Question } from '../../../../renderer/src/core/pack/schema';

const NOW = Date.UTC(2026, 5, 1, 12);
const clock = { endOfToday: Date.UTC(2026, 5, 2) };
const DAY = 86_400_000;

function tf(id: string, prompt: string, tags?: string[]): Question {
  return { id, section: 's1', type: 'true-false', prompt, answer: true, ...(tags ? { tags } : {}) };
}

function row(
  id: string,
  prompt: string,
  card?: Partial<Parameters<typeof toBrowseRow>[1]>,
  extra: { packId?: string; chapterId?: string; order?: number; tags?: string[]; removed?: 0 | 1 } = {},
): BrowseRow {
  const packId = extra.packId ?? 'p';
  return toBrowseRow(
    {
      key: `${packId}:${id}`,
      packId,
      chapterId: extra.chapterId ?? 'c1',
      section: 's1',
      order: extra.order ?? 0,
      type: 'true-false',
      question: tf(id, prompt, extra.tags),
      removed: extra.removed ?? 0,
    },
    card
      ? { state: 0, due: NOW, reps: 0, lapses: 0, suspended: 0, flagged: 0, removed: 0, ...card }
      : undefined,
    packId === 'p' ? 0 : 1,
  );
}

describe('toBrowseRow', () => {
  it('reads a question with no card row as new, unscheduled and unmarked', () => {
    const r = row('q1', 'Is it?');
    expect(r).toMatchObject({ state: 'new', due: null, suspended: false, flagged: false, removed: false });
  });
  it('maps relearning to learning and keeps the due of a scheduled card only', () => {
    expect(row('q', 'x', { state: 3, due: NOW }).state).toBe('learning');
    expect(row('q', 'x', { state: 2, due: NOW }).due).toBe(NOW);
    expect(row('q', 'x', { state: 2, due: NOW, suspended: 1 }).due).toBeNull();
  });
  it('counts a question removed from its pack as removed even without a card row', () => {
    expect(row('q', 'x', undefined, { removed: 1 }).removed).toBe(true);
  });
});

describe('compileFilter', () => {
  it('finds words anywhere in prompt, answer or tags, without case or accents', () => {
    const r = row('q', 'Microsoft invested in OpenAI', undefined, { tags: ['Café'] });
    const test = (text: string) => compileFilter({ ...EMPTY_FILTER, text }, clock)(r);
    expect(test('openai MICROSOFT')).toBe(true);
    expect(test('cafe')).toBe(true);
    expect(test('true')).toBe(true); // the answer
    expect(test('google')).toBe(false);
  });
  it('matches any chosen state or mark', () => {
    const flaggedReview = row('a', 'x', { state: 2, flagged: 1 });
    const suspendedNew = row('b', 'x', { suspended: 1 });
    const f = (states: BrowseFilter['states']) => compileFilter({ ...EMPTY_FILTER, states }, clock);
    expect(f(['flagged'])(flaggedReview)).toBe(true);
    expect(f(['flagged'])(suspendedNew)).toBe(false);
    expect(f(['suspended', 'review'])(suspendedNew)).toBe(true);
    expect(f(['new'])(suspendedNew)).toBe(true);
  });
  it('narrows by pack, chapter, tag and due time', () => {
    const today = row('a', 'x', { state: 2, due: NOW + DAY / 4 }, { tags: ['Money'] });
    const inFiveDays = row('b', 'x', { state: 2, due: NOW + 5 * DAY }, { chapterId: 'c2' });
    const other = row('c', 'x', undefined, { packId: 'o' });
    const f = (patch: Partial<BrowseFilter>) => compileFilter({ ...EMPTY_FILTER, ...patch }, clock);
    expect([today, inFiveDays, other].filter(f({ due: 'today' }))).toEqual([today]);
    expect([today, inFiveDays, other].filter(f({ due: 'week' }))).toEqual([today, inFiveDays]);
    expect([today, inFiveDays, other].filter(f({ due: 'unscheduled' }))).toEqual([other]);
    expect([today, inFiveDays, other].filter(f({ packIds: ['o'] }))).toEqual([other]);
    expect([today, inFiveDays, other].filter(f({ chapters: [chapterFilterKey('p', 'c2')] }))).toEqual([
      inFiveDays,
    ]);
    expect([today, inFiveDays, other].filter(f({ tags: ['money'] }))).toEqual([today]);
  });
});

describe('collectTags', () => {
  it('lists each tag once, whatever its case, sorted', () => {
    const rows = [row('a', 'x', undefined, { tags: ['b', 'A'] }), row('b', 'x', undefined, { tags: ['B'] })];
    expect(collectTags(rows)).toEqual(['A', 'b']);
  });
});

const SORT_KEYS: SortKey[] = ['course', 'prompt', 'type', 'state', 'due', 'lapses'];

const arbRow: fc.Arbitrary<BrowseRow> = fc
  .record({
    id: fc.stringMatching(/^[a-z]{1,4}$/),
    prompt: fc.string({ maxLength: 12 }),
    pack: fc.constantFrom('p', 'o'),
    chapter: fc.constantFrom('c1', 'c2'),
    order: fc.nat(50),
    tags: fc.array(fc.constantFrom('x', 'Y', 'z'), { maxLength: 2 }),
    removed: fc.constantFrom<0 | 1>(0, 1),
    card: fc.option(
      fc.record({
        state: fc.constantFrom<0 | 1 | 2 | 3>(0, 1, 2, 3),
        due: fc.integer({ min: NOW - 3 * DAY, max: NOW + 10 * DAY }),
        lapses: fc.nat(5),
        suspended: fc.constantFrom<0 | 1>(0, 1),
        flagged: fc.constantFrom<0 | 1>(0, 1),
      }),
      { nil: undefined },
    ),
  })
  .map((r) =>
    row(r.id, r.prompt, r.card, {
      packId: r.pack,
      chapterId: r.chapter,
      order: r.order,
      tags: r.tags,
      removed: r.removed,
    }),
  );

const arbFilter: fc.Arbitrary<BrowseFilter> = fc.record({
  text: fc.constantFrom('', 'a', 'b c', 'true'),
  packIds: fc.subarray(['p', 'o']),
  chapters: fc.subarray([chapterFilterKey('p', 'c1'), chapterFilterKey('o', 'c2')]),
  types: fc.subarray(['true-false', 'typed'] as const),
  tags: fc.subarray(['x', 'y']),
  states: fc.subarray([...STATE_FILTERS]),
  due: fc.constantFrom('any', 'today', 'week', 'unscheduled'),
});

const arbSort: fc.Arbitrary<BrowseSort> = fc.record({
  key: fc.constantFrom(...SORT_KEYS),
  direction: fc.constantFrom('asc', 'desc'),
});

// Keys are unique in the app (one row per question).
const arbRows = fc.uniqueArray(arbRow, { selector: (r) => r.key, maxLength: 40 });

describe('browseRows (property)', () => {
  it('shows exactly the rows the filter lets through, each once, in sorted order', () => {
    fc.assert(
      fc.property(arbRows, arbFilter, arbSort, (rows, filter, sort) => {
        const shown = browseRows(rows, filter, sort, clock);
        const test = compileFilter(filter, clock);
        expect(shown.map((r) => r.key).sort()).toEqual(
          rows
            .filter(test)
            .map((r) => r.key)
            .sort(),
        );
        const cmp = compareRows(sort);
        for (let i = 1; i < shown.length; i++)
          expect(cmp(shown[i - 1] as BrowseRow, shown[i] as BrowseRow)).toBeLessThan(0);
      }),
    );
  });

  it('gives the same list whether it filters then sorts or sorts then filters, from any input order', () => {
    fc.assert(
      fc.property(arbRows, arbFilter, arbSort, (rows, filter, sort) => {
        const test = compileFilter(filter, clock);
        const sortedFirst = [...rows].reverse().sort(compareRows(sort)).filter(test);
        expect(browseRows(rows, filter, sort, clock)).toEqual(sortedFirst);
      }),
    );
  });

  it('reverses the list when the direction flips', () => {
    fc.assert(
      fc.property(arbRows, arbFilter, fc.constantFrom(...SORT_KEYS), (rows, filter, key) => {
        const asc = browseRows(rows, filter, { key, direction: 'asc' }, clock);
        const desc = browseRows(rows, filter, { key, direction: 'desc' }, clock);
        expect(desc).toEqual([...asc].reverse());
      }),
    );
  });
});
