/** Statistics: progress per pack and chapter, activity, forecast, retention and the hardest questions. */
import { useId } from 'react';
import { useMarkWhenReady } from '../../app/perf';
import { useAppStore } from '../../store';
import { ScreenHeading } from '../../ui/ScreenHeading';
import { HardestQuestions } from './HardestQuestions';
import { Heatmap } from './Heatmap';
import { ProgressTable } from './ProgressTable';
import { ActivityChart, ForecastChart, RetentionChart } from './StatsCharts';
import { SummaryFigures } from './SummaryFigures';
import { usePackNames, useStats } from './use-stats';
import './stats.css';

export function StatsScreen({ packId }: { packId?: string }) {
  const { stats, progress } = useStats(packId);
  const names = usePackNames();
  const navigate = useAppStore((s) => s.navigate);
  const filterId = useId();
  useMarkWhenReady('lectern:stats:end', stats !== undefined);

  return (
    <section aria-labelledby="stats-title" className="screen stats">
      <div id="stats-title">
        <ScreenHeading focusKey="stats">Statistics</ScreenHeading>
      </div>
      <div className="field stats-filter">
        <label htmlFor={filterId} className="field__label">
          Show
        </label>
        <select
          id={filterId}
          value={packId ?? ''}
          onChange={(e) => {
            const value = e.currentTarget.value;
            navigate(value ? { name: 'stats', packId: value } : { name: 'stats' });
          }}
        >
          <option value="">All packs</option>
          {[...(names?.entries() ?? [])].map(([id, n]) => (
            <option key={id} value={id}>
              {n.title}
            </option>
          ))}
        </select>
      </div>
      {stats === undefined ? (
        <p>
          <label>
            {progress > 0
              ? `Reading your review log… ${Math.floor(progress * 100)} %`
              : 'Computing your statistics…'}
            <progress className="progress" {...(progress > 0 ? { value: progress, max: 1 } : {})} />
          </label>
        </p>
      ) : (
        <>
          <SummaryFigures reviews={stats.reviews} />
          <section className="card stats-section" aria-labelledby="stats-progress">
            <h2 id="stats-progress">Progress</h2>
            <p className="muted">
              Mastery: questions you would now recall with at least your desired retention.
            </p>
            <ProgressTable packs={stats.cards.packs} names={names} />
          </section>
          <section className="card stats-section" aria-labelledby="stats-activity">
            <h2 id="stats-activity">Activity</h2>
            <Heatmap reviews={stats.reviews.reviewsPerDay} time={stats.reviews.timePerDayMs} />
            <ActivityChart reviews={stats.reviews} />
          </section>
          <section className="card stats-section" aria-labelledby="stats-forecast">
            <h2 id="stats-forecast">Forecast</h2>
            <ForecastChart forecast={stats.cards.forecast} />
          </section>
          <section className="card stats-section" aria-labelledby="stats-retention">
            <h2 id="stats-retention">Retention</h2>
            <RetentionChart byMonth={stats.reviews.retention.byMonth} />
          </section>
          <section className="card stats-section" aria-labelledby="stats-hardest">
            <h2 id="stats-hardest">Hardest questions</h2>
            <HardestQuestions hardest={stats.hardestDetails} names={names} />
          </section>
        </>
      )}
    </section>
  );
}
