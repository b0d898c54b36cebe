/** Live data for the Library: packs with their chapters and reading progress. */
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db/schema/database';
import type { PackRow, ReadingRow } from '../../db/schema/rows';

export interface LibraryPack {
  pack: PackRow;
  reading: Map<string, ReadingRow>;
}

export function useLibrary(): LibraryPack[] | undefined {
  return useLiveQuery(async () => {
    const packs = await db.packs.toArray();
    packs.sort((a, b) =>
      a.origin === b.origin ? a.title.localeCompare(b.title) : a.origin === 'bundled' ? -1 : 1,
    );
    const reading = await db.reading.toArray();
    return packs.map((pack) => ({
      pack,
      reading: new Map(reading.filter((r) => r.packId === pack.id).map((r) => [r.chapterId, r])),
    }));
  }, []);
}
