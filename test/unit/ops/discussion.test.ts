import { describe, expect, it } from 'vitest';
import { buildSheetFileName, formatToday } from '../../../renderer/src/ops/discussion';

describe('discussion sheet file names', () => {
  it('names the file after the pack and the day, with characters safe on every OS', () => {
    expect(buildSheetFileName('openai-microsoft', '2026-03-15', 'pdf')).toBe(
      'discussion-openai-microsoft-2026-03-15.pdf',
    );
    expect(buildSheetFileName('a/b\\c: d*?', '2026-03-15', 'md')).toBe('discussion-a-b-c-d-2026-03-15.md');
    expect(buildSheetFileName('///', '2026-03-15', 'md')).toBe('discussion-pack-2026-03-15.md');
  });

  it("writes today's local date as YYYY-MM-DD", () => {
    const d = new Date(2026, 0, 5, 23, 59);
    expect(formatToday(d.getTime())).toBe('2026-01-05');
  });
});
