// biome-ignore-all lint/a11y/useSemanticElements: a virtualized grid positions its rows itself, which table elements cannot do
// biome-ignore-all lint/a11y/useFocusableInteractive: the grid takes focus and points at its rows with aria-activedescendant
// biome-ignore-all lint/a11y/useKeyWithClickEvents: the grid handles the keys of its rows (see onKeyDown)
/**
 * The question list: a virtualized ARIA grid (only the rows in view are in the DOM, so 100k
 * questions cost what 30 do). The grid takes focus as one control and points at its active row
 * (aria-activedescendant): ↑/↓, Home/End and Page Up/Down move it, Shift with them extends the
 * selection, Space adds or drops the active row, Ctrl/Cmd-A chooses every row shown, Enter opens the
 * row's history. A click chooses a row, Ctrl/Cmd-click adds one, Shift-click a range; a
 * double-click opens the history.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, type MouseEvent, useEffect, useId, useRef } from 'react';
import type { BrowseRow, BrowseSort, PickModifiers, SortKey } from '../../core/browse';
import { MediaLabelText } from '../../ui/media/MediaLabels';
import { describeState, formatDue, TYPE_WORDS } from './words';

export interface BrowseGridProps {
  rows: readonly BrowseRow[];
  selected: ReadonlySet<string>;
  active: number;
  sort: BrowseSort;
  /** "Pack · Chapter" of a row. */
  placeOf: (row: BrowseRow) => string;
  now: number;
  onActive: (index: number) => void;
  onPick: (index: number, mods: PickModifiers) => void;
  onToggle: (index: number) => void;
  /** Extends the selection from the anchor to `index` (Shift + a movement key). */
  onExtend: (index: number) => void;
  onSelectAll: () => void;
  onOpen: (row: BrowseRow) => void;
  onSort: (key: SortKey) => void;
}

const COLUMNS: { key: SortKey; label: string; className: string }[] = [
  { key: 'prompt', label: 'Question', className: 'browse-cell--question' },
  { key: 'type', label: 'Type', className: 'browse-cell--type' },
  { key: 'state', label: 'State', className: 'browse-cell--state' },
  { key: 'due', label: 'Due', className: 'browse-cell--due' },
  { key: 'lapses', label: 'Lapses', className: 'browse-cell--lapses' },
];

export function BrowseGrid(props: BrowseGridProps) {
  const { rows, selected, active, sort, now } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const id = useId();
  const rowId = (i: number) => `${id}-row-${i}`;
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 56,
    overscan: 8,
    getItemKey: (i) => rows[i]?.key ?? i,
  });

  useEffect(() => {
    if (active >= 0 && active < rows.length) virtual.scrollToIndex(active, { align: 'auto' });
  }, [active, rows.length, virtual]);

  const items = virtual.getVirtualItems();
  const activeShown = items.some((v) => v.index === active);

  const move = (e: KeyboardEvent<HTMLDivElement>, to: number) => {
    e.preventDefault();
    if (rows.length === 0) return;
    const index = Math.max(0, Math.min(rows.length - 1, to));
    props.onActive(index);
    if (e.shiftKey) props.onExtend(index);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget) return; // keys on the column headers' buttons are theirs
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 400) / 56) - 1);
    const at = Math.max(0, active);
    switch (e.key) {
      case 'ArrowDown':
        return move(e, active < 0 ? 0 : at + 1);
      case 'ArrowUp':
        return move(e, at - 1);
      case 'Home':
        return move(e, 0);
      case 'End':
        return move(e, rows.length - 1);
      case 'PageDown':
        return move(e, at + page);
      case 'PageUp':
        return move(e, at - page);
      case ' ':
        e.preventDefault();
        if (active >= 0) props.onToggle(active);
        return;
      case 'Enter': {
        const row = rows[active];
        if (row) {
          e.preventDefault();
          props.onOpen(row);
        }
        return;
      }
      default:
        if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'a') {
          e.preventDefault();
          props.onSelectAll();
        }
    }
  };

  const onRowClick = (e: MouseEvent, index: number) => {
    props.onActive(index);
    props.onPick(index, { range: e.shiftKey, toggle: e.ctrlKey || e.metaKey });
    scroller.current?.focus({ preventScroll: true });
  };

  return (
    <div
      ref={scroller}
      role="grid"
      className="browse-grid"
      aria-label="Questions"
      aria-multiselectable="true"
      aria-rowcount={rows.length + 1}
      aria-activedescendant={activeShown ? rowId(active) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <div role="rowgroup" className="browse-head">
        <div role="row" aria-rowindex={1} className="browse-row browse-row--head">
          {COLUMNS.map((c) => {
            const current = sort.key === c.key;
            const ariaSort = current ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined;
            return (
              <div
                key={c.key}
                role="columnheader"
                aria-sort={ariaSort}
                className={`browse-cell ${c.className}`}
              >
                <button type="button" className="browse-sort" onClick={() => props.onSort(c.key)}>
                  {c.label}
                  <span aria-hidden="true">{current ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                </button>
              </div>
            );
          })}
        </div>
      </div>
      <div role="rowgroup" className="browse-body" style={{ height: virtual.getTotalSize() }}>
        {items.map((v) => {
          const row = rows[v.index];
          if (!row) return null;
          const isSelected = selected.has(row.key);
          return (
            <div
              key={v.key}
              id={rowId(v.index)}
              role="row"
              aria-rowindex={v.index + 2}
              aria-selected={isSelected}
              data-index={v.index}
              data-key={row.key}
              ref={virtual.measureElement}
              className={`browse-row${isSelected ? ' is-selected' : ''}${v.index === active ? ' is-active' : ''}`}
              style={{ transform: `translateY(${v.start}px)` }}
              onClick={(e) => onRowClick(e, v.index)}
              onDoubleClick={() => props.onOpen(row)}
            >
              <div role="gridcell" className="browse-cell browse-cell--question">
                <span className="browse-prompt">
                  <MediaLabelText text={row.prompt} />
                </span>
                <span className="browse-place muted">{props.placeOf(row)}</span>
              </div>
              <div role="gridcell" className="browse-cell browse-cell--type">
                {TYPE_WORDS[row.type]}
              </div>
              <div role="gridcell" className="browse-cell browse-cell--state">
                {describeState(row)}
              </div>
              <div role="gridcell" className="browse-cell browse-cell--due">
                {formatDue(row.due, now)}
              </div>
              <div role="gridcell" className="browse-cell browse-cell--lapses">
                {row.lapses}
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}
