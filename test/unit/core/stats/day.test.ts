import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  civilFromDay,
  dayIndexAt,
  dayStartAt,
  formatDay,
  formatMonth,
  makeDayClock,
} from '../../../../renderer/src/core/stats';

describe('study days', () => {
  it('files a timestamp under the local day, shifted by the day start hour', () => {
    const clock = makeDayClock({ utcOffsetMinutes: -300, dayStartHour: 4 });
    // 2026-01-10 03:30 in UTC−5 is 08:30 UTC: before 04:00 local, so still 2026-01-09.
    expect(formatDay(dayIndexAt(Date.UTC(2026, 0, 10, 8, 30), clock))).toBe('2026-01-09');
    expect(formatDay(dayIndexAt(Date.UTC(2026, 0, 10, 9, 0), clock))).toBe('2026-01-10');
    expect(dayStartAt(dayIndexAt(Date.UTC(2026, 0, 10, 12), clock), clock)).toBe(Date.UTC(2026, 0, 10, 9));
  });

  it('defaults to UTC midnight', () => {
    expect(formatDay(dayIndexAt(Date.UTC(2024, 1, 29, 23, 59), makeDayClock()))).toBe('2024-02-29');
    expect(formatMonth(0)).toBe('1970-01');
  });

  it('converts day indexes to the same civil date as Date does', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (day) => {
        const d = new Date(day * 86_400_000);
        expect(civilFromDay(day)).toEqual({
          year: d.getUTCFullYear(),
          month: d.getUTCMonth() + 1,
          day: d.getUTCDate(),
        });
      }),
    );
  });
});
