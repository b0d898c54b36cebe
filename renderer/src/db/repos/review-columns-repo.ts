/** Reading and saving the statistics' cached review columns (kept valid by `review-column-cache.ts`). */
import { Dexie } from 'dexie';
import type { ReviewColumnChunk } from '../../core/stats';
import type { LecternDb } from '../schema/database';
import {
  GENERATION_KEY,
  isReviewColumnChunk,
  type ReviewGenerationRow,
} from '../schema/middleware/review-column-cache';

/** The cached chunks' spans and the generation, read inside the statistics' transaction. */
export async function readColumnIndex(db: LecternDb): Promise<{ spans: Set<number>; generation: number }> {
  const [keys, gen] = await Promise.all([
    db.reviewColumns.where('first').aboveOrEqual(0).primaryKeys(),
    db.reviewColumns.get(GENERATION_KEY),
  ]);
  return {
    spans: new Set(keys as number[]),
    generation: (gen as ReviewGenerationRow | undefined)?.generation ?? 0,
  };
}

/** Reads the cached chunks of the spans from `from` to `to` (inside the statistics' transaction). */
export async function readColumnChunks(
  db: LecternDb,
  from: number,
  to: number,
): Promise<{ chunks: ReviewColumnChunk[]; broken: number[] }> {
  const rows = await db.reviewColumns.where('first').between(Math.max(0, from), to, true, true).toArray();
  const chunks: ReviewColumnChunk[] = [];
  const broken: number[] = [];
  for (const r of rows) {
    if (typeof r.first !== 'number' || r.first < 0) continue;
    if (isReviewColumnChunk(r)) chunks.push(r);
    else broken.push(r.first);
  }
  return { chunks, broken };
}

/**
 * Saves chunks the statistics built, unless the review log changed since they read it (its
 * generation moved on): then they are dropped, and the next opening builds them again. Runs in its
 * own transaction, outside any live query. Resolves to whether they were saved.
 */
export function saveReviewColumnChunks(
  db: LecternDb,
  generation: number,
  chunks: readonly ReviewColumnChunk[],
): Promise<boolean> {
  if (chunks.length === 0) return Promise.resolve(false);
  return Dexie.ignoreTransaction(() =>
    db.transaction('rw', db.reviewColumns, async () => {
      const gen = (await db.reviewColumns.get(GENERATION_KEY)) as ReviewGenerationRow | undefined;
      if ((gen?.generation ?? 0) !== generation) return false;
      await db.reviewColumns.bulkPut([...chunks]);
      return true;
    }),
  );
}
