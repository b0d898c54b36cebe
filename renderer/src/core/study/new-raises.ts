/**
 * Today's raise of the new-question limit (Anki's custom study "increase today's new card limit"),
 * per pack, for the study day it was given in: added to that pack's limit when the queue is built.
 * A new study day goes back to the settings' limits. Plain values: the app keeps them in memory.
 */

/** Raises by pack id. */
export type NewRaises = ReadonlyMap<string, { dayStart: number; extra: number }>;

/** No raise. */
export const NO_RAISES: NewRaises = new Map();

/** `raises` with today's new limit of each pack in `packIds` raised by `by` (on top of any raise today). */
export function raiseNewToday(
  raises: NewRaises,
  dayStart: number,
  packIds: readonly string[],
  by: number,
): NewRaises {
  const next = new Map(raises);
  for (const id of packIds)
    next.set(id, { dayStart, extra: extraNewToday(raises, dayStart, id) + Math.max(0, Math.floor(by)) });
  return next;
}

/** What today's raise adds to `packId`'s new limit in the study day starting at `dayStart`. */
export function extraNewToday(raises: NewRaises, dayStart: number, packId: string): number {
  const held = raises.get(packId);
  return held && held.dayStart === dayStart ? held.extra : 0;
}
