/**
 * Due and new counts per pack and chapter for the Library: a chapter's due cards by an index count
 * over `[packId+chapterId+dueKey]`, its started ones from `chapterTallies` (schema v3, kept with
 * every card write), and new = its live questions (`pack.chapterCounts`) − started. The tallies are
 * compared with the check kept beside them; when they disagree (cleared or edited outside the app)
 * they are recounted from the cards first.
 */

import type { LecternDb } from '../schema/database';
import { TALLY_CHECK_KEY, talliesMatchCheck } from '../schema/middleware/chapter-tallies';
import type { EpochMs, PackRow } from '../schema/rows';
import { MIN } from './study-index-ranges';
import { rememberPackLayouts } from './study-pack-layouts';
import { rebuildChapterTallies } from './tallies-repo';

/** Counts of one pack or chapter for the Library. */
export interface StudyCounts {
  /** Learning, relearning and review cards due by the cutoff (not suspended, not removed). */
  due: number;
  /** Questions never studied: no card row, or a state-0 row that is not suspended. */
  new: number;
  /** Live questions (the pack's or chapter's question count). */
  total: number;
}

/** Counts per pack and per chapter (`${packId}:${chapterId}`). */
export interface LibraryCounts {
  packs: Record<string, StudyCounts>;
  chapters: Record<string, StudyCounts>;
}

/** What {@link countsByPackAndChapter} needs of a pack row. */
export type CountedPack = Pick<
  PackRow,
  'id' | 'origin' | 'title' | 'updatedAt' | 'chapters' | 'chapterCounts'
>;

/**
 * Due and new counts per pack and per chapter for the Library, in one read transaction: per
 * chapter, an index count of its due cards (by `[packId+chapterId+dueKey]`) and its tally of started
 * cards; new = the chapter's live questions − started. Pass `packs`
 * when the caller has already read them (the Library has), or every stored pack is counted.
 */
export async function countsByPackAndChapter(
  db: LecternDb,
  now: EpochMs,
  opts: { dueCutoff?: EpochMs; packs?: readonly CountedPack[] } = {},
): Promise<LibraryCounts> {
  const counted = await countOnce(db, now, opts);
  if (counted) return counted;
  await rebuildChapterTallies(db);
  return (
    (await countOnce(db, now, opts)) ??
    Promise.reject(new Error('the chapter tallies disagree with their check'))
  );
}

/** The counts, or null when the tallies disagree with their check. */
function countOnce(
  db: LecternDb,
  now: EpochMs,
  opts: { dueCutoff?: EpochMs; packs?: readonly CountedPack[] },
): Promise<LibraryCounts | null> {
  const cutoff = opts.dueCutoff ?? now;
  return db.transaction('r', db.packs, db.cards, db.chapterTallies, db.meta, async () => {
    const tallies = db.chapterTallies.toArray();
    const check = db.meta.get(TALLY_CHECK_KEY);
    const packRows: readonly CountedPack[] = opts.packs ?? (await db.packs.toArray());
    const tallyRows = await tallies;
    if (!talliesMatchCheck(tallyRows, await check)) return null;
    // The queue needs these rows' chapter layout too: keep it, so Study does not read them again.
    rememberPackLayouts(db, packRows);
    const out: LibraryCounts = { packs: {}, chapters: {} };
    const startedBy = new Map(tallyRows.map((t) => [`${t.packId}:${t.chapterId}`, t.started]));
    const perChapter = await Promise.all(
      packRows.flatMap((pack) =>
        pack.chapters.map(async (c) => {
          const due = await db.cards
            .where('[packId+chapterId+dueKey]')
            .between([pack.id, c.id, MIN], [pack.id, c.id, cutoff], true, true)
            .count();
          const started = startedBy.get(`${pack.id}:${c.id}`) ?? 0;
          const total = Math.max(0, pack.chapterCounts[c.id] ?? 0);
          return { packId: pack.id, chapterId: c.id, due, new: Math.max(0, total - started), total };
        }),
      ),
    );
    for (const pack of packRows) out.packs[pack.id] = { due: 0, new: 0, total: 0 };
    for (const c of perChapter) {
      out.chapters[`${c.packId}:${c.chapterId}`] = { due: c.due, new: c.new, total: c.total };
      const p = out.packs[c.packId] as StudyCounts;
      p.due += c.due;
      p.new += c.new;
      p.total += c.total;
    }
    return out;
  });
}
