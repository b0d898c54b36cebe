/**
 * Browse's data: every question of every pack, loaded once when the screen opens (the first batch is
 * shown as soon as it is read, so a large library shows rows at once), and refreshed row by row
 * after a bulk action.
 */
import { useCallback, useEffect, useState } from 'react';
import type { BrowseRow } from '../../core/browse';
import { describeError } from '../../core/describe-error';
import { type BrowsePack, loadBrowse, refreshBrowseRows } from '../../ops/browse';

export interface BrowseData {
  rows: BrowseRow[];
  packs: BrowsePack[];
  /** True until every question is read. */
  loading: boolean;
  /** Questions read so far (while loading). */
  read: number;
  error: string | null;
  /** Re-reads these rows (after a write) and puts them in place. */
  refresh: (changed: readonly BrowseRow[]) => Promise<void>;
}

export function useBrowse(): BrowseData {
  const [rows, setRows] = useState<BrowseRow[]>([]);
  const [packs, setPacks] = useState<BrowsePack[]>([]);
  const [loading, setLoading] = useState(true);
  const [read, setRead] = useState(0);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    let shownFirst = false;
    let count = 0;
    // Leaving the screen stops the reading between batches.
    const abort = new AbortController();
    loadBrowse((batch, packList) => {
      if (cancelled) return;
      count += batch.length;
      setRead(count);
      // Only the first batch is listed early: listing every batch would cost more than it gives.
      if (shownFirst) return;
      shownFirst = true;
      setPacks(packList);
      setRows(batch);
    }, abort.signal)
      .then((data) => {
        if (cancelled) return;
        setPacks(data.packs);
        setRows(data.rows);
      })
      .catch((err: unknown) => {
        if (!cancelled) setError(describeError(err));
      })
      .finally(() => {
        if (!cancelled) setLoading(false);
      });
    return () => {
      cancelled = true;
      abort.abort();
    };
  }, []);

  const refresh = useCallback(async (changed: readonly BrowseRow[]) => {
    const fresh = await refreshBrowseRows(changed);
    const byKey = new Map(fresh.map((r) => [r.key, r]));
    setRows((old) => old.map((r) => byKey.get(r.key) ?? r));
  }, []);

  return { rows, packs, loading, read, error, refresh };
}
