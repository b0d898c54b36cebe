/**
 * What the end-of-session summary needs beyond `study-repo`: when the next card falls due and how
 * many come due by a given time. Reads only the `[removed+suspended+state+due]` index ranges of
 * learning, review and relearning cards.
 */
import { Dexie } from 'dexie';
import type { LecternDb } from './db';
import type { CardRow, EpochMs } from './rows';

/** What comes due after a session. */
export interface Upcoming {
  /** Active, studied cards already due at `now` (left in the queue). */
  dueNow: number;
  /** The earliest due after `now`, or null when no studied card will fall due. */
  nextDue: EpochMs | null;
  /** Cards that fall due after `now` and up to `until` (e.g. the end of tomorrow's study day). */
  dueBy: number;
}

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
  const wanted = packIds === 'all' ? null : new Set(packIds);
  const inScope = (c: CardRow) =>
    (wanted === null || wanted.has(c.packId)) && (chapterId === undefined || c.chapterId === chapterId);
  const range = (state: number, from: unknown, to: unknown, includeFrom: boolean) =>
    db.cards
      .where('[removed+suspended+state+due]')
      .between([0, 0, state, from], [0, 0, state, to], includeFrom, true)
      .filter(inScope);
  return db.transaction('r', db.cards, async () => {
    const out: Upcoming = { dueNow: 0, nextDue: null, dueBy: 0 };
    for (const state of STUDIED_STATES) {
      out.dueNow += await range(state, Dexie.minKey, now, true).count();
      const next = await range(state, now, Dexie.maxKey, false).first();
      if (next && (out.nextDue === null || next.due < out.nextDue)) out.nextDue = next.due;
      if (until > now) out.dueBy += await range(state, now, until, false).count();
    }
    return out;
  });
}
