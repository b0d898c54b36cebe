import { describe, expect, it } from 'vitest';
import { plural } from '../../../renderer/src/features/stats/format';
import { formatCount } from '../../../renderer/src/ui/count';

describe('counts in words', () => {
  it('says "1 chapter", never "1 chapters" (regression), and separates thousands', () => {
    expect(formatCount(1, 'chapter')).toBe('1 chapter');
    expect(formatCount(0, 'chapter')).toBe('0 chapters');
    expect(formatCount(2, 'question')).toBe('2 questions');
    expect(formatCount(1234, 'question')).toBe('1,234 questions');
    expect(formatCount(2, 'entry', 'entries')).toBe('2 entries');
    expect(plural(1, 'review')).toBe('1 review');
    expect(plural(3, 'review')).toBe('3 reviews');
  });
});
