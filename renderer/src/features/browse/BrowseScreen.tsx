/**
 * Browse: every question of every pack in one list (Anki's browser, Quizlet's set view) — search,
 * filters, sorting, many rows chosen at once and bulk actions on them (each one transaction), a
 * question's history, and Read in context.
 */
import { useDeferredValue, useMemo, useState } from 'react';
import { useMarkWhenReady } from '../../app/perf';
import {
  type BrowseFilter,
  type BrowseRow,
  type BrowseSort,
  browseRows,
  collectTags,
  EMPTY_FILTER,
  EMPTY_SELECTION,
  keepShown,
  pickRow,
  type Selection,
  type SortKey,
  selectAll,
  toggleRow,
} from '../../core/browse';
import { type BrowseAction, runBrowseAction } from '../../ops/browse';
import { useAppStore } from '../../store';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ScreenHeading } from '../../ui/ScreenHeading';
import { BrowseActions } from './BrowseActions';
import { BrowseFilters } from './BrowseFilters';
import { BrowseGrid } from './BrowseGrid';
import { HistoryDialog } from './HistoryDialog';
import { useBrowse } from './use-browse';
import { endOfToday } from './words';
import './browse.css';
import { describeError } from '../../core/describe-error';
import { formatCount } from '../../ui/count';

/** What each action did, in words for the notice. */
const DONE_WORDS: Record<BrowseAction, string> = {
  suspend: 'Suspended',
  unsuspend: 'Unsuspended',
  flag: 'Flagged',
  unflag: 'Unflagged',
  reset: 'Reset',
  reschedule: 'Rescheduled to today',
};

export function BrowseScreen() {
  const data = useBrowse();
  const navigate = useAppStore((s) => s.navigate);
  const notify = useAppStore((s) => s.notify);
  const [filter, setFilter] = useState<BrowseFilter>(EMPTY_FILTER);
  const [sort, setSort] = useState<BrowseSort>({ key: 'course', direction: 'asc' });
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  const [active, setActive] = useState(-1);
  const [historyOf, setHistoryOf] = useState<BrowseRow | null>(null);
  const [confirmReset, setConfirmReset] = useState(false);
  const [busy, setBusy] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  // Typing stays quick at 100k rows: the list follows the search a moment later.
  const deferredFilter = useDeferredValue(filter);

  const shown = useMemo(
    () => browseRows(data.rows, deferredFilter, sort, { endOfToday: endOfToday(now) }),
    [data.rows, deferredFilter, sort, now],
  );
  // For `npm run bench` (test/bench/phases/browse.ts): first rows painted, every question listed.
  useMarkWhenReady('lectern:browse:rows', data.rows.length > 0);
  useMarkWhenReady('lectern:browse:end', !data.loading);
  const shownKeys = useMemo(() => shown.map((r) => r.key), [shown]);
  const tags = useMemo(() => collectTags(data.rows), [data.rows]);
  const visibleSelection = useMemo(() => keepShown(selection, shownKeys), [selection, shownKeys]);
  const chosen = useMemo(
    () => shown.filter((r) => visibleSelection.keys.has(r.key)),
    [shown, visibleSelection],
  );
  const titles = useMemo(() => {
    const m = new Map<string, string>();
    for (const p of data.packs) {
      m.set(p.id, p.title);
      for (const c of p.chapters) m.set(`${p.id}\n${c.id}`, c.title);
    }
    return m;
  }, [data.packs]);
  const placeOf = (r: BrowseRow) =>
    `${titles.get(r.packId) ?? r.packId} · ${titles.get(`${r.packId}\n${r.chapterId}`) ?? r.chapterId}`;

  const single = (chosen.length === 1 ? chosen[0] : shown[active]) ?? null;

  // A new search starts a new choice: rows chosen for the last one are not acted on unseen.
  const changeFilter = (f: BrowseFilter) => {
    setFilter(f);
    setActive(-1);
    setSelection(EMPTY_SELECTION);
  };
  const changeSort = (key: SortKey) =>
    setSort((s) => ({ key, direction: s.key === key && s.direction === 'asc' ? 'desc' : 'asc' }));

  const readInContext = (row: BrowseRow) =>
    navigate({
      name: 'reader',
      packId: row.packId,
      chapterId: row.chapterId,
      sectionId: row.section,
      highlight: true,
    });

  const run = async (action: BrowseAction) => {
    if (chosen.length === 0 || busy) return;
    setBusy(true);
    try {
      const stamp = Date.now();
      const result = await runBrowseAction(action, chosen, stamp);
      await data.refresh(chosen);
      setNow(stamp);
      const already =
        result.unchanged > 0 ? ` (${formatCount(result.unchanged, 'question')} left as they were)` : '';
      notify('success', `${DONE_WORDS[action]}: ${formatCount(result.changed, 'question')}${already}.`);
    } catch (err) {
      notify('error', `Nothing was changed: ${describeError(err)}`);
    } finally {
      setBusy(false);
      setConfirmReset(false);
    }
  };

  return (
    <section className="screen browse" aria-labelledby="browse-title">
      <div id="browse-title">
        <ScreenHeading focusKey="browse">Browse</ScreenHeading>
      </div>
      {data.error ? (
        <p role="alert">The questions could not be read: {data.error}</p>
      ) : (
        <>
          <BrowseFilters filter={filter} packs={data.packs} tags={tags} onChange={changeFilter} />
          <p className="browse-count" role="status">
            {data.loading
              ? `Reading questions… ${formatCount(data.read, 'question')} so far.`
              : `${formatCount(shown.length, 'question')} shown of ${data.rows.length.toLocaleString()}`}
            {chosen.length > 0 ? ` · ${chosen.length.toLocaleString()} selected` : ''}
          </p>
          <BrowseActions
            count={chosen.length}
            busy={busy}
            single={single}
            onRun={(a) => (a === 'reset' ? setConfirmReset(true) : void run(a))}
            onHistory={(r) => setHistoryOf(r)}
            onReadInContext={readInContext}
          />
          {shown.length === 0 && !data.loading ? (
            <p className="browse-empty">
              {data.rows.length === 0
                ? 'There are no questions yet: import a pack.'
                : 'No question matches these filters.'}
            </p>
          ) : null}
          <BrowseGrid
            rows={shown}
            selected={visibleSelection.keys}
            active={active}
            sort={sort}
            placeOf={placeOf}
            now={now}
            onActive={setActive}
            onPick={(i, mods) => {
              const key = shownKeys[i];
              if (key) setSelection((s) => pickRow(keepShown(s, shownKeys), shownKeys, key, mods));
            }}
            onToggle={(i) => {
              const key = shownKeys[i];
              if (key) setSelection((s) => toggleRow(keepShown(s, shownKeys), key));
            }}
            onExtend={(i) => {
              const key = shownKeys[i];
              if (key) setSelection((s) => pickRow(keepShown(s, shownKeys), shownKeys, key, { range: true }));
            }}
            onSelectAll={() => setSelection(selectAll(shownKeys))}
            onOpen={(r) => setHistoryOf(r)}
            onSort={changeSort}
          />
        </>
      )}
      <HistoryDialog row={historyOf} onClose={() => setHistoryOf(null)} onReadInContext={readInContext} />
      <ConfirmDialog
        open={confirmReset}
        title="Reset progress?"
        confirmLabel={`Reset ${formatCount(chosen.length, 'question')}`}
        danger
        busy={busy}
        onConfirm={() => void run('reset')}
        onCancel={() => setConfirmReset(false)}
      >
        <p>
          {formatCount(chosen.length, 'question')} will be new again and their review history deleted.
          Suspended and flagged questions keep their marks. This cannot be undone.
        </p>
      </ConfirmDialog>
    </section>
  );
}
