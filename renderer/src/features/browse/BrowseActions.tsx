/** The bulk actions on the chosen rows, and the history and passage of one row. */
import type { BrowseRow } from '../../core/browse';
import type { BrowseAction } from '../../ops/browse';

export interface BrowseActionsProps {
  /** Rows chosen. */
  count: number;
  busy: boolean;
  /** The row History and Read in context apply to: the one chosen, or the active one. */
  single: BrowseRow | null;
  onRun: (action: BrowseAction) => void;
  onHistory: (row: BrowseRow) => void;
  onReadInContext: (row: BrowseRow) => void;
}

const BULK: { action: BrowseAction; label: string; danger?: boolean }[] = [
  { action: 'suspend', label: 'Suspend' },
  { action: 'unsuspend', label: 'Unsuspend' },
  { action: 'flag', label: 'Flag' },
  { action: 'unflag', label: 'Unflag' },
  { action: 'reschedule', label: 'Reschedule to today' },
  { action: 'reset', label: 'Reset progress…', danger: true },
];

export function BrowseActions({
  count,
  busy,
  single,
  onRun,
  onHistory,
  onReadInContext,
}: BrowseActionsProps) {
  const none = count === 0;
  return (
    <div className="browse-actions">
      <fieldset className="browse-actions__group">
        <legend className="visually-hidden">Selected questions</legend>
        {BULK.map((b) => (
          <button
            key={b.action}
            type="button"
            className={b.danger ? 'secondary browse-danger' : 'secondary'}
            disabled={none || busy}
            onClick={() => onRun(b.action)}
          >
            {b.label}
          </button>
        ))}
      </fieldset>
      <fieldset className="browse-actions__group">
        <legend className="visually-hidden">One question</legend>
        <button
          type="button"
          className="secondary"
          disabled={!single}
          onClick={() => single && onHistory(single)}
        >
          History
        </button>
        <button
          type="button"
          className="secondary"
          disabled={!single}
          onClick={() => single && onReadInContext(single)}
        >
          Read in context
        </button>
      </fieldset>
    </div>
  );
}
