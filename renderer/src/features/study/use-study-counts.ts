/**
 * Live due and new counts per pack and chapter for the Library (re-read each minute and on every
 * change), for the packs the Library has read: counting starts once they are shown, and does not
 * read the pack rows again.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { type CountedPack, countLibrary, type LibraryCounts } from '../../ops/study/library-counts';
import { useNow } from './use-now';

export function useStudyCounts(packs: readonly CountedPack[] | undefined): LibraryCounts | undefined {
  const now = useNow(60_000);
  return useLiveQuery(() => (packs ? countLibrary(packs, Date.now()) : undefined), [now, packs]);
}
