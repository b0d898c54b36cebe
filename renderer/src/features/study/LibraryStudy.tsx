/** The Library's study parts: due and new counts per pack and per chapter, and a Study button per pack. */
import type { StudyCounts } from '../../ops/study';
import { useAppStore } from '../../store';
import './study.css';

export { useStudyCounts } from './use-study-counts';

export function PackStudyBar({
  packId,
  title,
  counts,
}: {
  packId: string;
  title: string;
  counts: StudyCounts | undefined;
}) {
  const navigate = useAppStore((s) => s.navigate);
  const countsId = `pack-counts-${packId}`;
  return (
    <div className="pack-actions pack-counts">
      <p id={countsId} className="pack-counts__text" data-testid="pack-counts">
        {counts === undefined ? (
          'Counting…'
        ) : (
          <>
            <span className={counts.due > 0 ? 'badge badge--due' : 'badge'}>Due {counts.due}</span>{' '}
            <span className="badge">New {counts.new}</span>
          </>
        )}
      </p>
      <button type="button" aria-describedby={countsId} onClick={() => navigate({ name: 'study', packId })}>
        Study<span className="visually-hidden"> {title}</span>
      </button>
    </div>
  );
}

export function ChapterStudyCounts({ counts }: { counts: StudyCounts | undefined }) {
  if (!counts) return null;
  return (
    <span className="badge chapter-counts" data-testid="chapter-counts">
      {counts.due} due · {counts.new} new
    </span>
  );
}
