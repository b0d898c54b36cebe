/**
 * The statistics screen's reads: every figure computed in one read of cards, review log and
 * settings (in the pure core, with `now` passed in), and the names of packs and chapters. The review
 * log's columns are cached by span of ids after a read (`db/review-column-cache.ts`), the cards'
 * columns as a snapshot brought up to date after a read (`card-columns.ts`).
 */

import { saveCardColumns } from '../db/repos/card-columns-repo';
import { saveReviewColumnChunks } from '../db/repos/review-columns-repo';
import {
  type ColumnsToSave,
  type LoadStatsOptions,
  loadStats,
  type StatsSummary,
} from '../db/repos/stats-repo';
import { db } from '../db/schema/database';

export type { HardQuestionDetail, StatsSummary } from '../db/repos/stats-repo';

/** What to read: as {@link LoadStatsOptions}, and `onCached` once the column cache is up to date. */
export type ReadStatsOptions = Omit<
  LoadStatsOptions,
  'settings' | 'onColumnsBuilt' | 'onCardColumnsStale'
> & {
  onCached?: () => void;
};

/** The statistics (for a live query: it only reads; the column cache is saved after it, apart). */
export async function readStats({ onCached, ...options }: ReadStatsOptions): Promise<StatsSummary> {
  let built: ColumnsToSave | null = null;
  let cardsStale = false;
  const summary = await loadStats(db, {
    ...options,
    onColumnsBuilt: (b) => {
      built = b;
    },
    onCardColumnsStale: () => {
      cardsStale = true;
    },
  });
  saveLater(built, cardsStale, onCached);
  return summary;
}

/**
 * Saves the review log's column chunks a statistics read built (so the next opening reads them
 * instead of every review row), and brings the cards' columns up to date when the read found them
 * behind, once the read is over and outside the live query, which may not write. A failed save (a
 * full disk) loses nothing: the next opening reads the rows again.
 */
function saveLater(built: ColumnsToSave | null, cardsStale: boolean, onCached?: () => void): void {
  setTimeout(() => {
    const save = async () => {
      if (built) await saveReviewColumnChunks(db, built.generation, built.chunks);
      if (cardsStale) await saveCardColumns(db);
    };
    save()
      .then(() => onCached?.())
      .catch(() => {});
  }, 0);
}

/** Titles of packs and their chapters, for labelling the figures. */
export interface PackNames {
  title: string;
  chapters: Map<string, string>;
}

/** Every pack's names by pack id. */
export async function loadPackNames(): Promise<Map<string, PackNames>> {
  const names = new Map<string, PackNames>();
  await db.packs.each((p) => {
    names.set(p.id, { title: p.title, chapters: new Map(p.chapters.map((c) => [c.id, c.title])) });
  });
  return names;
}
