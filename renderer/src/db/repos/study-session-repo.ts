/**
 * What the end-of-session summary needs beyond `study-repo`: when the next card falls due and how
 * many come due by a given time. Reads only index counts and one row per range, over
 * `[packId+state+dueKey]` (a pack) or `[packId+chapterId+dueKey]` (a chapter): cards in those
 * indexes are the scheduled ones (studied, not suspended, not removed).
 */
import type { LecternDb } from '../schema/database';
import type { EpochMs } from '../schema/rows';

/** What comes due after a session. */
export interface Upcoming {
  /** Active, studied cards already due at `now` (left in the queue). */
  dueNow: number;
  /** The earliest due after `now`, or null when no studied card will fall due. */
  nextDue: EpochMs | null;
  /** Cards that fall due after `now` and up to `until` (e.g. the end of tomorrow's study day). */
  dueBy: number;
}

const MIN = Number.NEGATIVE_INFINITY;
const MAX = Number.POSITIVE_INFINITY;
const STUDIED_STATES = [1, 2, 3] as const;

/**
 * Counts what is due now, finds the next due time, and counts what falls due in (`now`, `until`],
 * over `packIds` (or every pack), optionally one chapter. Suspended, removed and new cards are left
 * out. One read transaction.
 */
export async function loadUpcoming(
  db: LecternDb,
  packIds: readonly string[] | 'all',
  now: EpochMs,
  until: EpochMs,
  chapterId?: string,
): Promise<Upcoming> {
  return db.transaction('r', db.packs, db.cards, async () => {
    const ids = packIds === 'all' ? ((await db.packs.toCollection().primaryKeys()) as string[]) : packIds;
    // One index range per pack (and state): [prefix…, from] to [prefix…, to].
    const prefixes: Array<{ index: string; prefix: Array<string | number> }> = ids.flatMap((packId) =>
      chapterId === undefined
        ? STUDIED_STATES.map((state) => ({ index: '[packId+state+dueKey]', prefix: [packId, state] }))
        : [{ index: '[packId+chapterId+dueKey]', prefix: [packId, chapterId] }],
    );
    const range = (p: (typeof prefixes)[number], from: number, to: number, includeFrom: boolean) =>
      db.cards.where(p.index).between([...p.prefix, from], [...p.prefix, to], includeFrom, true);
    const parts = await Promise.all(
      prefixes.map(async (p) => {
        const [dueNow, next, dueBy] = await Promise.all([
          range(p, MIN, now, true).count(),
          range(p, now, MAX, false).first(),
          until > now ? range(p, now, until, false).count() : 0,
        ]);
        return { dueNow, next: next?.due ?? null, dueBy };
      }),
    );
    const out: Upcoming = { dueNow: 0, nextDue: null, dueBy: 0 };
    for (const p of parts) {
      out.dueNow += p.dueNow;
      out.dueBy += p.dueBy;
      if (p.next !== null && (out.nextDue === null || p.next < out.nextDue)) out.nextDue = p.next;
    }
    return out;
  });
}
