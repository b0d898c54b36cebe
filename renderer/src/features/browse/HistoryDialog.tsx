/**
 * A question's history in a modal dialog: every review with its date, rating, whether it was right
 * and what was answered, newest first; Read in context opens the reader at its passage.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { BrowseRow } from '../../core/browse';
import { describeError } from '../../core/describe-error';
import { type HistoryView, loadHistory } from '../../ops/browse';
import { mediaSourceOf } from '../../ops/media';
import { formatCount } from '../../ui/count';
import { formatDateTime } from '../../ui/format';
import { MediaText } from '../../ui/media/MediaText';
import { MediaScope } from '../../ui/media/media-scope';
import { formatDuration } from '../study/format';
import { describeState, formatDue } from './words';

export interface HistoryDialogProps {
  /** The row whose history is shown; null: closed. */
  row: BrowseRow | null;
  onClose: () => void;
  onReadInContext: (row: BrowseRow) => void;
}

export function HistoryDialog({ row, onClose, onReadInContext }: HistoryDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  const titleId = useId();
  const [view, setView] = useState<HistoryView | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (row && !dialog.open) {
      opener.current = document.activeElement;
      dialog.showModal();
    } else if (!row && dialog.open) {
      dialog.close();
      if (opener.current instanceof HTMLElement && opener.current.isConnected) opener.current.focus();
    }
  }, [row]);

  useEffect(() => {
    setView(null);
    setError(null);
    if (!row) return;
    let cancelled = false;
    loadHistory(row)
      .then((v) => !cancelled && setView(v))
      .catch((err: unknown) => !cancelled && setError(describeError(err)));
    return () => {
      cancelled = true;
    };
  }, [row]);

  const now = Date.now();
  return (
    <dialog
      ref={ref}
      className="dialog browse-history"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId}>History</h2>
      {row ? (
        <>
          <p className="browse-history__prompt media-compact">
            <MediaScope source={mediaSourceOf(row.packId)}>
              <MediaText text={row.prompt} />
            </MediaScope>
          </p>
          <p className="muted">
            {describeState(row)} · due {formatDue(row.due, now)}
            {view ? ` · ${formatCount(view.reps, 'review')}, ${formatCount(view.lapses, 'lapse')}` : ''}
          </p>
          {error ? (
            <p role="alert">The history could not be read: {error}</p>
          ) : !view ? (
            <p role="status" className="loading">
              Reading the history…
            </p>
          ) : view.entries.length === 0 ? (
            <p>No reviews yet: this question was never answered in Study.</p>
          ) : (
            <div className="browse-history__table">
              <table>
                <caption className="visually-hidden">Reviews, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Date</th>
                    <th scope="col">Rating</th>
                    <th scope="col">Result</th>
                    <th scope="col">Answered</th>
                    <th scope="col">Time</th>
                  </tr>
                </thead>
                <tbody>
                  {view.entries.map((e, i) => (
                    <tr key={i}>
                      <td>{formatDateTime(e.at)}</td>
                      <td>{e.rating}</td>
                      <td>{e.correct ? 'Right' : 'Wrong'}</td>
                      <td className="browse-history__answer">{e.answered}</td>
                      <td>{formatDuration(e.responseMs)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : null}
      <div className="browse-dialog-actions">
        {row ? (
          <button type="button" className="secondary" onClick={() => onReadInContext(row)}>
            Read in context
          </button>
        ) : null}
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
}
