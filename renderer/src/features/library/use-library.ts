/** Live data for the Library: packs with their chapters and reading progress. */
import { useLiveQuery } from 'dexie-react-hooks';
import { type LibraryPack, loadLibrary } from '../../ops/library';

export type { LibraryPack };

export function useLibrary(): LibraryPack[] | undefined {
  return useLiveQuery(loadLibrary, []);
}
