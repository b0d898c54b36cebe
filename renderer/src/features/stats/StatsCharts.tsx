/** The three charts: due forecast, recent reviews and time, true retention by month. */
import { useMemo } from 'react';
import type { DaySeries, ReviewStats } from '../../core/stats';
import { formatDay } from '../../core/stats';
import { CategoryChart, type ChartSeries } from './CategoryChart';
import { formatDayLabel, formatDuration, formatMonthLabel, formatPercent, plural } from './format';

/** Days of recent activity charted (the heatmap shows the whole year). */
export const ACTIVITY_DAYS = 30;

function dayDates(series: DaySeries, from = 0): string[] {
  return series.values.slice(from).map((_, i) => formatDay(series.firstDay + from + i));
}

export function ForecastChart({ forecast }: { forecast: DaySeries }) {
  const { labels, dates, series } = useMemo(() => {
    const dates = dayDates(forecast);
    const labels = dates.map((d, i) => (i === 0 ? 'Today' : formatDayLabel(d, 'short')));
    const series: ChartSeries[] = [{ label: 'Due', values: forecast.values, kind: 'bars', color: 'accent' }];
    return { labels, dates, series };
  }, [forecast]);
  const total = forecast.values.reduce((a, b) => a + b, 0);
  const today = forecast.values[0] ?? 0;
  return (
    <CategoryChart
      title={`Due in the next ${forecast.values.length} days`}
      summary={`${plural(total, 'review')} ${total === 1 ? 'falls' : 'fall'} due in the next ${forecast.values.length} days, ${today} of them today (overdue included).`}
      labels={labels}
      series={series}
      leftLabel="Questions due"
      table={
        <table className="stats-table">
          <caption className="visually-hidden">Questions due per day</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Due</th>
            </tr>
          </thead>
          <tbody>
            {dates.map((d, i) => (
              <tr key={d}>
                <th scope="row">{i === 0 ? `Today (${formatDayLabel(d)})` : formatDayLabel(d)}</th>
                <td>{forecast.values[i]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

export function ActivityChart({ reviews }: { reviews: ReviewStats }) {
  const { dates, labels, series, counts, minutes } = useMemo(() => {
    const from = Math.max(0, reviews.reviewsPerDay.values.length - ACTIVITY_DAYS);
    const dates = dayDates(reviews.reviewsPerDay, from);
    const counts = reviews.reviewsPerDay.values.slice(from);
    const ms = reviews.timePerDayMs.values.slice(from);
    const minutes = ms.map((v) => Math.round(v / 6000) / 10);
    const labels = dates.map((d, i) => (i === dates.length - 1 ? 'Today' : formatDayLabel(d, 'short')));
    const series: ChartSeries[] = [
      { label: 'Reviews', values: counts, kind: 'bars', color: 'accent' },
      { label: 'Minutes studied', values: minutes, kind: 'line', color: 'warn', right: true },
    ];
    return { dates, labels, series, counts, minutes: ms };
  }, [reviews]);
  const total = counts.reduce((a, b) => a + b, 0);
  const time = minutes.reduce((a, b) => a + b, 0);
  return (
    <CategoryChart
      title={`Reviews and time studied, last ${dates.length} days`}
      summary={`${plural(total, 'review')} in ${formatDuration(time)} over the last ${dates.length} days.`}
      labels={labels}
      series={series}
      leftLabel="Reviews"
      rightLabel="Minutes"
      table={
        <table className="stats-table">
          <caption className="visually-hidden">Reviews and time studied per day</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Reviews</th>
              <th scope="col">Time studied</th>
            </tr>
          </thead>
          <tbody>
            {dates.map((d, i) => (
              <tr key={d}>
                <th scope="row">{formatDayLabel(d)}</th>
                <td>{counts[i]}</td>
                <td>{formatDuration(minutes[i] ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

export function RetentionChart({ byMonth }: { byMonth: ReviewStats['retention']['byMonth'] }) {
  const { labels, series } = useMemo(() => {
    const labels = byMonth.map((m) => formatMonthLabel(m.month));
    const series: ChartSeries[] = [
      {
        label: 'True retention',
        values: byMonth.map((m) => (m.rate === null ? null : Math.round(m.rate * 1000) / 10)),
        kind: 'line',
        color: 'good',
        format: (v) => `${v}%`,
      },
    ];
    return { labels, series };
  }, [byMonth]);
  if (byMonth.length === 0) {
    return (
      <p className="muted">
        True retention by month appears once you review questions that have graduated from learning.
      </p>
    );
  }
  const last = byMonth[byMonth.length - 1];
  return (
    <CategoryChart
      title="True retention by month"
      summary={`Share of reviews of graduated questions you recalled, per month; ${last ? `${formatMonthLabel(last.month)}: ${formatPercent(last.rate)} of ${last.total}` : ''}.`}
      labels={labels}
      series={series}
      leftRange={[0, 100]}
      leftLabel="Recalled (%)"
      table={
        <table className="stats-table">
          <caption className="visually-hidden">True retention per month</caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col">Recalled</th>
              <th scope="col">Reviews</th>
              <th scope="col">Retention</th>
            </tr>
          </thead>
          <tbody>
            {byMonth.map((m) => (
              <tr key={m.month}>
                <th scope="row">{formatMonthLabel(m.month)}</th>
                <td>{m.passed}</td>
                <td>{m.total}</td>
                <td>{formatPercent(m.rate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
