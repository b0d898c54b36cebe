/**
 * Why a study queue is empty, for the empty state to name the real reason and offer its action:
 * new questions held back by today's limit (per pack), or waiting in chapters with text that were
 * not opened yet ("New questions only after reading"). What falls due next is `loadUpcoming`'s.
 */
import { type DailyLimits, hasChapterText } from '../../core/queue';
import type { LecternDb } from '../schema/database';
import type { EpochMs } from '../schema/rows';
import { countsByPackAndChapter } from './study-counts-repo';
import { sortPacksForStudy } from './study-pack-layouts';
import { reviewsDoneToday } from './study-queue-repo';

/** The reasons nothing new is queued. */
export interface EmptyReasons {
  /** Packs whose open chapters still hold new questions but whose new limit for today is used up. */
  limited: Array<{ packId: string; title: string; waiting: number; limit: number }>;
  /** Chapters with text, not opened yet, holding new questions, in the Library's order. */
  unread: Array<{ packId: string; chapterId: string; title: string; newCount: number }>;
}

/**
 * Finds why `packIds` (or every pack; optionally one chapter) queue no new question at `now`:
 * `limitsOf` gives each pack's limits for today (with any raise), `requireReading` the setting.
 */
export async function explainEmptyQueue(
  db: LecternDb,
  scope: { packIds: readonly string[] | 'all'; chapterId?: string },
  now: EpochMs,
  dayStart: EpochMs,
  opts: { requireReading: boolean; limitsOf: (packId: string) => DailyLimits },
): Promise<EmptyReasons> {
  const { packIds, chapterId } = scope;
  const all = await db.packs.toArray();
  const packs = sortPacksForStudy(packIds === 'all' ? all : all.filter((p) => packIds.includes(p.id)));
  const [reading, counts, done] = await Promise.all([
    db.reading.toArray(),
    countsByPackAndChapter(db, now, { packs }),
    reviewsDoneToday(db, now, dayStart),
  ]);
  const opened = new Set(reading.map((r) => `${r.packId}:${r.chapterId}`));
  const out: EmptyReasons = { limited: [], unread: [] };
  for (const pack of packs) {
    let openNew = 0;
    for (const c of pack.chapters) {
      if (chapterId !== undefined && c.id !== chapterId) continue;
      const key = `${pack.id}:${c.id}`;
      const fresh = counts.chapters[key]?.new ?? 0;
      if (fresh === 0) continue;
      const open = !opts.requireReading || !hasChapterText(c) || opened.has(key);
      if (open) openNew += fresh;
      else out.unread.push({ packId: pack.id, chapterId: c.id, title: c.title, newCount: fresh });
    }
    const limit = opts.limitsOf(pack.id).newPerDay;
    if (openNew > 0 && (done.byPack[pack.id]?.newDone ?? 0) >= limit)
      out.limited.push({ packId: pack.id, title: pack.title, waiting: openNew, limit });
  }
  return out;
}
