/**
 * The Library's due and new counts, apart from the study session's code: the Library shows them at
 * start-up, and `StudyOps` with the session, its queue and the graders load only when Study opens.
 */
import {
  type CountedPack,
  countsByPackAndChapter,
  type LibraryCounts,
} from '../../db/repos/study-counts-repo';
import { db as appDb, type LecternDb } from '../../db/schema/database';

export type { CountedPack, LibraryCounts };

/** Due and new counts per pack and chapter of `packs` at `now`, for the Library. */
export function countLibrary(
  packs: readonly CountedPack[],
  now: number,
  db: LecternDb = appDb,
): Promise<LibraryCounts> {
  return countsByPackAndChapter(db, now, { packs });
}
