import { describe, expect, it } from 'vitest';
import { describeQuestion } from '../../../../renderer/src/core/pack/question-text';
import type { Question } from '../../../../renderer/src/core/pack/schema';
import { formatDuration, formatPercent, plural } from '../../../../renderer/src/features/stats/format';
import { heatLevel, weekdayOf } from '../../../../renderer/src/features/stats/heatmap-layout';

describe('statistics formatting', () => {
  it.each([
    [0, '0 min'],
    [400, '0 min'],
    [40_000, '40 s'],
    [60_000, '1 min'],
    [12 * 60_000 + 20_000, '12 min'],
    [60 * 60_000, '1 h'],
    [125 * 60_000, '2 h 5 min'],
  ])('formatDuration(%d) is %j', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('writes rates and counts', () => {
    expect(formatPercent(null)).toBe('—');
    expect(formatPercent(0.8666)).toBe('87%');
    expect(plural(1, 'review')).toBe('1 review');
    expect(plural(0, 'review')).toBe('0 reviews');
    expect(plural(2, 'day')).toBe('2 days');
  });
});

describe('heatmap layout', () => {
  it('grades a day by quarters of the busiest day', () => {
    expect([0, 1, 2, 3, 4, 5, 8].map((n) => heatLevel(n, 8))).toEqual([0, 1, 1, 2, 2, 3, 4]);
    expect(heatLevel(3, 0)).toBe(0);
  });

  it('knows the weekday of a study day (Monday 0)', () => {
    expect(weekdayOf(0)).toBe(3); // 1970-01-01, a Thursday
    expect(weekdayOf(Date.UTC(2026, 2, 16) / 86_400_000)).toBe(0); // a Monday
    expect(weekdayOf(-1)).toBe(2);
  });
});

describe('describeQuestion', () => {
  const base = { id: 'q', section: 's', explanation: 'x' };
  it('shows the prompt without Markdown, blanks as […], cut to length', () => {
    expect(
      describeQuestion({
        ...base,
        type: 'flashcard',
        front: 'What is **FSRS**?',
        back: 'A scheduler',
      } as Question),
    ).toBe('What is FSRS?');
    expect(
      describeQuestion({
        ...base,
        type: 'cloze',
        text: 'Microsoft invested {{c1::$1 billion}} in {{c2::2019}}.',
      } as Question),
    ).toBe('Microsoft invested […] in […].');
    const long = describeQuestion(
      { ...base, type: 'true-false', prompt: 'a '.repeat(200), answer: true } as Question,
      20,
    );
    expect(long).toHaveLength(20);
    expect(long.endsWith('…')).toBe(true);
  });
});
