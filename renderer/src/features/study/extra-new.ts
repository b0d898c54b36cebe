/**
 * Today's raise of the new-question limit (Anki's custom study "increase today's new card limit"):
 * kept in memory for the study day it was given in, per pack, and added to that pack's limit when
 * the queue is built. A new study day (or a restart) goes back to the settings' limits.
 */
const raised = new Map<string, { dayStart: number; extra: number }>();

/** Raises today's new limit of each pack in `packIds` by `by` (on top of any earlier raise today). */
export function raiseNewToday(dayStart: number, packIds: readonly string[], by: number): void {
  for (const id of packIds) {
    const held = raised.get(id);
    const before = held && held.dayStart === dayStart ? held.extra : 0;
    raised.set(id, { dayStart, extra: before + Math.max(0, Math.floor(by)) });
  }
}

/** What today's raise adds to `packId`'s new limit in the study day starting at `dayStart`. */
export function extraNewToday(dayStart: number, packId: string): number {
  const held = raised.get(packId);
  return held && held.dayStart === dayStart ? held.extra : 0;
}

/** Forgets every raise (tests). */
export function clearNewRaises(): void {
  raised.clear();
}
