/**
 * Live statistics: one query loads cards, review log and settings and computes every figure (in the
 * pure core, with `now` passed in). It re-runs when a review, card or setting changes, so a review
 * just done shows at once. The screen calls this once and hands the result down.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { markPhase } from '../../app/perf';
import { db } from '../../db/db';
import { loadStats, type StatsSummary } from '../../db/stats-repo';

/** How many hardest questions the screen lists. */
export const HARDEST_LIMIT = 10;

export function useStats(packId: string | undefined): StatsSummary | undefined {
  return useLiveQuery(() => {
    const now = Date.now();
    markPhase('lectern:stats:start');
    return loadStats(db, {
      now,
      utcOffsetMinutes: -new Date(now).getTimezoneOffset(),
      ...(packId !== undefined ? { packId } : {}),
      hardestLimit: HARDEST_LIMIT,
    });
  }, [packId]);
}

/** Titles of packs and their chapters, for labelling the figures. */
export interface PackNames {
  title: string;
  chapters: Map<string, string>;
}

export function usePackNames(): Map<string, PackNames> | undefined {
  return useLiveQuery(async () => {
    const names = new Map<string, PackNames>();
    await db.packs.each((p) => {
      names.set(p.id, { title: p.title, chapters: new Map(p.chapters.map((c) => [c.id, c.title])) });
    });
    return names;
  }, []);
}
