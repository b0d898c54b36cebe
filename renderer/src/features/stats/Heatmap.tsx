/**
 * Reviews per day for the last year as a calendar heatmap: a CSS grid, one column per week (Monday
 * first). The grid is one image to assistive technology, with a summary as its name; the figures are
 * in a table under "Show as a table" (days with reviews; every other day had none).
 */
import { type CSSProperties, useMemo } from 'react';
import type { DaySeries } from '../../core/stats';
import { formatDay } from '../../core/stats';
import { formatDayLabel, formatDuration, formatMonthName, plural } from './format';
import { heatLevel, weekdayOf } from './heatmap-layout';

interface Cell {
  date: string;
  count: number;
  timeMs: number;
  level: number;
}

export function Heatmap({ reviews, time }: { reviews: DaySeries; time: DaySeries }) {
  const { cells, lead, max, active, total, months } = useMemo(() => {
    const max = Math.max(0, ...reviews.values);
    const cells: Cell[] = reviews.values.map((count, i) => ({
      date: formatDay(reviews.firstDay + i),
      count,
      timeMs: time.values[i] ?? 0,
      level: heatLevel(count, max),
    }));
    const lead = weekdayOf(reviews.firstDay);
    // A month's label goes above the first week column that contains its 1st day.
    const months: { column: number; label: string }[] = [];
    cells.forEach((c, i) => {
      if (c.date.endsWith('-01')) {
        months.push({
          column: Math.floor((i + lead) / 7),
          label: formatMonthName(c.date),
        });
      }
    });
    const active = cells.filter((c) => c.count > 0);
    const total = active.reduce((a, c) => a + c.count, 0);
    return { cells, lead, max, active, total, months };
  }, [reviews, time]);
  const weeks = Math.ceil((cells.length + lead) / 7);
  const summary = `Reviews per day, last ${cells.length} days: ${plural(total, 'review')} on ${plural(active.length, 'day')}${max > 0 ? `, at most ${max} in a day` : ''}.`;

  return (
    <figure className="heatmap" aria-labelledby="heatmap-title">
      <figcaption id="heatmap-title" className="chart__title">
        Reviews per day, last {cells.length} days
      </figcaption>
      {/* Columns share the width (no scrolling): one per week. */}
      <div className="heatmap__body" style={{ '--weeks': weeks } as CSSProperties}>
        <div className="heatmap__months" aria-hidden="true">
          {months.map((m) => (
            <span
              key={`${m.column}-${m.label}`}
              className="heatmap__month"
              style={{ gridColumnStart: m.column + 1 }}
            >
              {m.label}
            </span>
          ))}
        </div>
        <div className="heatmap__grid" role="img" aria-label={summary}>
          {Array.from({ length: lead }, (_, i) => (
            <span key={`lead-${i}`} className="heatmap__cell heatmap__cell--pad" />
          ))}
          {cells.map((c) => (
            <span
              key={c.date}
              className={`heatmap__cell heat-${c.level}`}
              data-date={c.date}
              data-count={c.count}
              title={`${formatDayLabel(c.date)}: ${plural(c.count, 'review')}`}
            />
          ))}
        </div>
      </div>
      <p className="heatmap__legend" aria-hidden="true">
        Less <span className="heatmap__cell heat-0" /> <span className="heatmap__cell heat-1" />{' '}
        <span className="heatmap__cell heat-2" /> <span className="heatmap__cell heat-3" />{' '}
        <span className="heatmap__cell heat-4" /> More
      </p>
      <details className="chart__table">
        <summary>Show as a table</summary>
        {active.length === 0 ? (
          <p>No reviews in the last {cells.length} days.</p>
        ) : (
          <table className="stats-table">
            <caption>Days with reviews (every other day of the last {cells.length} had none)</caption>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Reviews</th>
                <th scope="col">Time studied</th>
              </tr>
            </thead>
            <tbody>
              {[...active].reverse().map((c) => (
                <tr key={c.date} data-date={c.date}>
                  <th scope="row">{formatDayLabel(c.date)}</th>
                  <td>{c.count}</td>
                  <td>{formatDuration(c.timeMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </details>
    </figure>
  );
}
