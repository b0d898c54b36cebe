/** Live due and new counts per pack and chapter for the Library (re-read each minute and on every change). */
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db/db';
import { countsByPackAndChapter, type LibraryCounts } from '../../db/study-repo';
import { useNow } from './use-now';

export function useStudyCounts(): LibraryCounts | undefined {
  const now = useNow(60_000);
  return useLiveQuery(() => countsByPackAndChapter(db, Date.now()), [now]);
}
