/**
 * What the study queue needs of a pack — its place in the Library's order and its chapters' order
 * ranges — kept in memory by `(id, updatedAt)`. A pack row carries every chapter's text (about 1 MB
 * at 100k questions), and reading it costs tens of milliseconds here; the Library has read it
 * already (`rememberPackLayouts`), so a queue build only checks each pack's `updatedAt` through the
 * `updatedAt` index (keys only) and reads a pack row again only when it changed.
 */
import { hasChapterText } from '../../core/queue';
import type { LecternDb } from '../schema/database';
import type { PackRow } from '../schema/rows';

/** A pack's queue-relevant shape. */
export interface PackLayout {
  id: string;
  origin: PackRow['origin'];
  title: string;
  updatedAt: number;
  /** Each chapter's live order range [from, to] (empty when to < from), in course order. */
  chapters: Array<{ chapterId: string; from: number; to: number }>;
  /** Chapters with no text to read (imported Anki, Quizlet, Aiken, plain GIFT): open from the start. */
  textless: string[];
}

/** The fields of a pack row a layout is made from. */
export type LayoutSource = Pick<
  PackRow,
  'id' | 'origin' | 'title' | 'updatedAt' | 'chapters' | 'chapterCounts'
>;

const cache = new WeakMap<LecternDb, Map<string, PackLayout>>();

function cacheOf(db: LecternDb): Map<string, PackLayout> {
  let map = cache.get(db);
  if (!map) {
    map = new Map();
    cache.set(db, map);
  }
  return map;
}

/** Each chapter of `pack` with its live order range [from, to] (empty when to < from), in course order. */
export function chapterOrderRanges(
  pack: Pick<PackRow, 'chapters' | 'chapterCounts'>,
): Array<{ chapterId: string; from: number; to: number }> {
  let start = 0;
  return pack.chapters.map((c) => {
    const count = Math.max(0, pack.chapterCounts[c.id] ?? 0);
    const range = { chapterId: c.id, from: start, to: start + count - 1 };
    start += count;
    return range;
  });
}

/** The layout of a pack row. */
export function layoutOf(pack: LayoutSource): PackLayout {
  return {
    id: pack.id,
    origin: pack.origin,
    title: pack.title,
    updatedAt: pack.updatedAt,
    chapters: chapterOrderRanges(pack),
    textless: pack.chapters.filter((c) => !hasChapterText(c)).map((c) => c.id),
  };
}

/** Keeps the layouts of pack rows just read (by the Library, or a queue build). */
export function rememberPackLayouts(db: LecternDb, packs: readonly LayoutSource[]): void {
  const map = cacheOf(db);
  for (const p of packs) if (map.get(p.id)?.updatedAt !== p.updatedAt) map.set(p.id, layoutOf(p));
}

/** Packs in the Library's order: bundled first, then by title. */
export function sortPacksForStudy<T extends Pick<PackRow, 'origin' | 'title'>>(packs: readonly T[]): T[] {
  return [...packs].sort((a, b) =>
    a.origin === b.origin ? a.title.localeCompare(b.title) : a.origin === 'bundled' ? -1 : 1,
  );
}

/**
 * The layouts of `packIds` (or every pack), in the Library's order, reading only the rows that are
 * not in memory at their current `updatedAt`. Call inside a read transaction on `packs`. The checks
 * go out together (the stored ids, and for each layout in memory whether its pack still has that
 * `updatedAt`): one round trip to the database when nothing changed.
 */
export async function readPackLayouts(
  db: LecternDb,
  packIds: readonly string[] | 'all',
): Promise<PackLayout[]> {
  const map = cacheOf(db);
  const held = [...map.values()];
  const [ids, current] = await Promise.all([
    db.packs.toCollection().primaryKeys() as Promise<string[]>,
    Promise.all(
      held.map(async (l) =>
        (await db.packs.where('updatedAt').equals(l.updatedAt).primaryKeys()).includes(l.id) ? l.id : null,
      ),
    ),
  ]);
  const fresh = new Set(current.filter((id): id is string => id !== null));
  const wanted = packIds === 'all' ? ids : ids.filter((id) => packIds.includes(id));
  const stale = wanted.filter((id) => !fresh.has(id));
  if (stale.length > 0) {
    const rows = await db.packs.bulkGet(stale);
    rememberPackLayouts(
      db,
      rows.filter((r): r is PackRow => r !== undefined),
    );
  }
  return sortPacksForStudy(wanted.map((id) => map.get(id)).filter((l): l is PackLayout => l !== undefined));
}
