import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatDayLabel,
  formatMonthLabel,
  formatMonthName,
} from '../../../../renderer/src/features/stats/format';

/** A date as `YYYY-MM-DD`. */
const isoDay = fc
  .date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const at = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('the statistics’ date labels', () => {
  // The formats are made once, not per label (a year of heatmap days made ~0.3 ms each): the labels
  // must stay exactly what `toLocaleDateString` gives.
  it('read as toLocaleDateString writes them, in UTC, whatever the day', () => {
    fc.assert(
      fc.property(isoDay, (day) => {
        expect(formatDayLabel(day)).toBe(
          at(day).toLocaleDateString(undefined, {
            timeZone: 'UTC',
            weekday: 'short',
            day: 'numeric',
            month: 'short',
            year: 'numeric',
          }),
        );
        expect(formatDayLabel(day, 'short')).toBe(
          at(day).toLocaleDateString(undefined, { timeZone: 'UTC', day: 'numeric', month: 'short' }),
        );
        const first = `${day.slice(0, 7)}-01`;
        expect(formatMonthLabel(day.slice(0, 7))).toBe(
          at(first).toLocaleDateString(undefined, { timeZone: 'UTC', month: 'short', year: 'numeric' }),
        );
        expect(formatMonthName(day)).toBe(
          at(first).toLocaleDateString(undefined, { timeZone: 'UTC', month: 'short' }),
        );
      }),
    );
  });

  it('name the day itself, not its neighbour, in any time zone of the machine', () => {
    expect(formatDayLabel('2026-03-16')).toMatch(/16/);
    expect(formatDayLabel('2026-03-16')).toMatch(/Mar/);
    expect(formatMonthLabel('2026-03')).toMatch(/Mar.*2026/);
  });
});
