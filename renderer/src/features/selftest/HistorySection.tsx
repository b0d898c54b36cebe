/**
 * A pack's self-test history: the trend of scores as a uPlot line chart (the statistics screen's
 * chart component) with the same figures as a table, each attempt's report one click away.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { listTestHistory } from '../../ops/selftest';
import { useAppStore } from '../../store';
import { CategoryChart, type ChartSeries } from '../stats/CategoryChart';
import '../stats/stats.css';
import { formatDateTime } from '../../ui/format';
import { describeTrend } from './report-words';
import { formatElapsed, formatScore, formatShortDay } from './time-words';

export function HistorySection({
  packId,
  packTitle,
  currentId,
}: {
  packId: string;
  packTitle: string;
  currentId?: number;
}) {
  const entries = useLiveQuery(() => listTestHistory(packId), [packId]);
  const navigate = useAppStore((s) => s.navigate);
  const { labels, series } = useMemo(() => {
    const list = entries ?? [];
    const labels = list.map((e, i) => `${i + 1} · ${formatShortDay(e.finishedAt)}`);
    const series: ChartSeries[] = [
      {
        label: 'Score (%)',
        values: list.map((e) => Math.round(e.score * 100)),
        kind: 'line',
        color: 'accent',
        format: (v) => `${v}%`,
      },
    ];
    return { labels, series };
  }, [entries]);
  const headingId = `history-${packId}`;
  return (
    <section className="card selftest-history" aria-labelledby={headingId}>
      <h2 id={headingId}>History: {packTitle}</h2>
      {entries === undefined ? (
        <p role="status">Loading your past tests…</p>
      ) : entries.length === 0 ? (
        <p>No finished tests for this pack yet.</p>
      ) : (
        <CategoryChart
          title="Score of each test"
          summary={describeTrend(entries)}
          labels={labels}
          series={series}
          leftRange={[0, 100]}
          leftLabel="Score (%)"
          height={200}
          table={
            <table className="stats-table">
              <caption className="visually-hidden">Self-tests of {packTitle}</caption>
              <thead>
                <tr>
                  <th scope="col">Test</th>
                  <th scope="col">Finished</th>
                  <th scope="col">Mode</th>
                  <th scope="col">Score</th>
                  <th scope="col">Right</th>
                  <th scope="col">Time</th>
                  <th scope="col">Report</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e, i) => (
                  <tr key={e.id} aria-current={e.id === currentId ? 'true' : undefined}>
                    <th scope="row">{i + 1}</th>
                    <td>{formatDateTime(e.finishedAt)}</td>
                    <td>
                      {e.mode === 'exam' ? 'Exam' : 'Practice'}
                      {e.expired ? ', time ran out' : ''}
                    </td>
                    <td>{formatScore(e.score)}</td>
                    <td>
                      {e.correct} of {e.questions}
                    </td>
                    <td>{formatElapsed(e.timeUsedMs)}</td>
                    <td>
                      {e.id === currentId ? (
                        <span className="muted">This test</span>
                      ) : (
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => navigate({ name: 'selftest', testId: e.id })}
                        >
                          Open report<span className="visually-hidden"> of test {i + 1}</span>
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
      )}
    </section>
  );
}
