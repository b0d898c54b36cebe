/**
 * Matching (a select of right-hand items for each left-hand item) and ordering (a list with Move up /
 * Move down per item; Alt+ArrowUp / Alt+ArrowDown move the item that has focus).
 */
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { moveItem } from './draft';
import type { WidgetProps } from './widget-props';

/** The text of right-hand option `i`: a pair's right side, then the distractors. */
function rightText(question: WidgetProps<'matching'>['question'], i: number): string {
  const n = question.pairs.length;
  return i < n ? (question.pairs[i]?.right ?? '') : (question.distractors?.[i - n] ?? '');
}

export function MatchingWidget({
  question,
  arrangement,
  draft,
  onChange,
  disabled,
  idPrefix,
  promptId,
}: WidgetProps<'matching'>) {
  return (
    <fieldset className="answer-group" aria-labelledby={promptId} disabled={disabled}>
      <ul className="match-list">
        {question.pairs.map((pair, left) => {
          const id = `${idPrefix}-match-${left}`;
          const value = draft.pairs[left];
          return (
            <li key={left} className="match-row">
              <label htmlFor={id} className="match-row__left">
                {pair.left}
              </label>
              <select
                id={id}
                className="match-row__select"
                value={value === null || value === undefined ? '' : String(value)}
                onChange={(e) => {
                  const pairs = draft.pairs.slice();
                  pairs[left] = e.target.value === '' ? null : Number(e.target.value);
                  onChange({ type: 'matching', pairs });
                }}
              >
                <option value="">Choose…</option>
                {arrangement.rightOrder.map((right) => (
                  <option key={right} value={String(right)}>
                    {rightText(question, right)}
                  </option>
                ))}
              </select>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

export function OrderingWidget({
  question,
  draft,
  onChange,
  disabled,
  idPrefix,
  promptId,
}: WidgetProps<'ordering'>) {
  const listRef = useRef<HTMLOListElement>(null);
  const [focusAfterMove, setFocusAfterMove] = useState<{ item: number; direction: 'up' | 'down' } | null>(
    null,
  );
  const [announcement, setAnnouncement] = useState('');
  const n = draft.order.length;

  useEffect(() => {
    if (!focusAfterMove) return;
    const row = listRef.current?.querySelector<HTMLElement>(`[data-item="${focusAfterMove.item}"]`);
    const wanted = row?.querySelector<HTMLButtonElement>(`[data-move="${focusAfterMove.direction}"]`);
    // At the top (or bottom) the button in that direction is disabled: keep focus on the other one.
    const target =
      wanted && !wanted.disabled ? wanted : row?.querySelector<HTMLButtonElement>('button:enabled');
    target?.focus();
    setFocusAfterMove(null);
  }, [focusAfterMove]);

  const move = (position: number, delta: number) => {
    const order = moveItem(draft.order, position, delta);
    const item = draft.order[position] as number;
    const to = order.indexOf(item);
    if (to === position) return;
    onChange({ type: 'ordering', order });
    setFocusAfterMove({ item, direction: delta < 0 ? 'up' : 'down' });
    setAnnouncement(`${question.items[item]} moved to position ${to + 1} of ${n}.`);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLLIElement>, position: number) => {
    if (disabled || !e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    move(position, e.key === 'ArrowUp' ? -1 : 1);
  };

  return (
    <div className="answer-group">
      <p className="muted" id={`${idPrefix}-order-how`}>
        Put the items in order, first at the top. Alt+↑ and Alt+↓ move the item with focus.
      </p>
      <ol ref={listRef} className="order-list" aria-labelledby={promptId}>
        {draft.order.map((item, position) => {
          const text = question.items[item] ?? '';
          return (
            <li key={item} className="order-row" data-item={item} onKeyDown={(e) => onKeyDown(e, position)}>
              <span className="order-row__pos" aria-hidden="true">
                {position + 1}
              </span>
              <span className="order-row__text">{text}</span>
              <span className="order-row__buttons">
                <button
                  type="button"
                  className="secondary"
                  data-move="up"
                  disabled={disabled || position === 0}
                  aria-label={`Move up: ${text}`}
                  aria-describedby={`${idPrefix}-order-how`}
                  onClick={() => move(position, -1)}
                >
                  ↑ Up
                </button>
                <button
                  type="button"
                  className="secondary"
                  data-move="down"
                  disabled={disabled || position === n - 1}
                  aria-label={`Move down: ${text}`}
                  aria-describedby={`${idPrefix}-order-how`}
                  onClick={() => move(position, 1)}
                >
                  ↓ Down
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
