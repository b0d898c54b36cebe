/** Flag, suspend, undo and end-session buttons under the card (each also has a key, from the key map). */
import { ACTION_LETTERS } from '../questions';

const key = (k: string) => k.toUpperCase();

export type CardToolAction = 'flag' | 'suspend' | 'undo' | 'end';

export function CardTools({
  flagged,
  busy,
  canUndo,
  onAction,
}: {
  flagged: boolean;
  busy: boolean;
  canUndo: boolean;
  onAction: (action: CardToolAction) => void;
}) {
  return (
    <fieldset className="study-tools">
      <legend className="visually-hidden">Card actions</legend>
      <button type="button" className="secondary" aria-pressed={flagged} onClick={() => onAction('flag')}>
        Flag{' '}
        <span className="kbd" aria-hidden="true">
          {key(ACTION_LETTERS.flag)}
        </span>
      </button>
      <button type="button" className="secondary" disabled={busy} onClick={() => onAction('suspend')}>
        Suspend{' '}
        <span className="kbd" aria-hidden="true">
          {key(ACTION_LETTERS.suspend)}
        </span>
      </button>
      <button
        type="button"
        className="secondary"
        disabled={busy || !canUndo}
        onClick={() => onAction('undo')}
      >
        Undo{' '}
        <span className="kbd" aria-hidden="true">
          {key(ACTION_LETTERS.undo)}
        </span>
      </button>
      <button type="button" className="secondary" onClick={() => onAction('end')}>
        End session{' '}
        <span className="kbd" aria-hidden="true">
          Esc
        </span>
      </button>
    </fieldset>
  );
}
