/** The headline figures: today, time studied, streak and true retention. */
import type { ReviewStats } from '../../core/stats';
import { formatDuration, formatPercent, plural } from './format';

export function SummaryFigures({ reviews }: { reviews: ReviewStats }) {
  const { retention, streak } = reviews;
  const recent = retention.recent;
  return (
    <dl className="summary-figures">
      <div className="summary-figure">
        <dt>Reviews today</dt>
        <dd>{reviews.todayReviews}</dd>
      </div>
      <div className="summary-figure">
        <dt>Time studied today</dt>
        <dd>{formatDuration(reviews.todayTimeMs)}</dd>
      </div>
      <div className="summary-figure">
        <dt>Time studied in all</dt>
        <dd>
          {formatDuration(reviews.totalTimeMs)}{' '}
          <span className="muted">({plural(reviews.totalReviews, 'review')})</span>
        </dd>
      </div>
      <div className="summary-figure">
        <dt>Current streak</dt>
        <dd>
          {plural(streak.current, 'day')}{' '}
          <span className="muted">
            {streak.current > 0 && !streak.includesToday ? '(review today to keep it) ' : ''}· longest{' '}
            {plural(streak.longest, 'day')}
          </span>
        </dd>
      </div>
      <div className="summary-figure">
        <dt>True retention, last 30 days</dt>
        <dd>
          {recent.total === 0 ? (
            <span className="muted">No reviews of graduated questions yet</span>
          ) : (
            <>
              {formatPercent(recent.rate)}{' '}
              <span className="muted">
                ({recent.passed} of {recent.total} recalled)
              </span>
            </>
          )}
        </dd>
      </div>
    </dl>
  );
}
