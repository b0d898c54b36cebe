/**
 * The per-day due counts the load balancer reads, kept in memory per pack for the study day: read
 * once from the cards' `[packId+state+dueKey]` index (keys only, no rows), then updated by each
 * answer ({@link noteRescheduled}), so answering never pays for a count. A new study session or a
 * reschedule starts afresh ({@link forgetDueLoads}).
 */
import { countDueLoad, type DueLoad, dayOffset, LOAD_DAYS } from '../../core/scheduler';
import { DAY_MS, makeDayClock } from '../../core/stats/day';
import { db as appDb, type LecternDb } from '../../db/schema/database';

interface Entry {
  db: LecternDb;
  /** The day clock the counts were made with. */
  clockOffsetMs: number;
  /** When the counts were read: offset 0 is its study day. */
  now: number;
  load: { counts: number[]; weekday: number };
}

const loads = new Map<string, Entry>();

function clockAt(now: number, dayStartHour: number) {
  return makeDayClock({ utcOffsetMinutes: -new Date(now).getTimezoneOffset(), dayStartHour });
}

function fresh(entry: Entry | undefined, db: LecternDb, now: number, dayStartHour: number): entry is Entry {
  if (!entry || entry.db !== db) return false;
  const clock = clockAt(now, dayStartHour);
  return clock.offsetMs === entry.clockOffsetMs && dayOffset(now, entry.now, clock) === 0;
}

/** Cards of `packId` due on each of the next {@link LOAD_DAYS} study days (cached for the day). */
export async function dueLoadFor(
  db: LecternDb,
  packId: string,
  now: number,
  dayStartHour: number,
): Promise<DueLoad> {
  const cached = loads.get(packId);
  if (fresh(cached, db, now, dayStartHour)) return cached.load;
  const clock = clockAt(now, dayStartHour);
  const end = now + (LOAD_DAYS + 1) * DAY_MS;
  const dues: number[] = [];
  // Learning, review and relearning cards: suspended ones have no dueKey.
  for (const state of [1, 2, 3]) {
    const keys = await db.cards
      .where('[packId+state+dueKey]')
      .between([packId, state, 0], [packId, state, end])
      .keys();
    for (const k of keys) dues.push((k as unknown as [string, number, number])[2]);
  }
  const load = countDueLoad(dues, now, clock);
  loads.set(packId, { db, clockOffsetMs: clock.offsetMs, now, load });
  return load;
}

/** The cached load of `packId` if it is for the study day of `now` (the answer buttons' preview). */
export function peekDueLoad(packId: string, now: number, dayStartHour: number): DueLoad | undefined {
  const cached = loads.get(packId);
  return cached && fresh(cached, cached.db, now, dayStartHour) ? cached.load : undefined;
}

/** Moves one card in the cached counts: from its due before an answer to its due after. */
export function noteRescheduled(
  packId: string,
  before: { state: number; due: number } | null,
  after: { state: number; due: number },
): void {
  const cached = loads.get(packId);
  if (!cached) return;
  const clock = { offsetMs: cached.clockOffsetMs };
  const counts = cached.load.counts;
  const slot = (due: number) => Math.max(0, dayOffset(due, cached.now, clock));
  if (before && before.state > 0) {
    const d = slot(before.due);
    if (d < LOAD_DAYS && (counts[d] ?? 0) > 0) counts[d] = (counts[d] ?? 0) - 1;
  }
  if (after.state > 0) {
    const d = slot(after.due);
    if (d < LOAD_DAYS) counts[d] = (counts[d] ?? 0) + 1;
  }
}

/** Drops every cached load (a new session, or cards rescheduled in bulk). */
export function forgetDueLoads(): void {
  loads.clear();
}

/** {@link dueLoadFor} on the app's database (for screens, which do not reach db/). */
export function appDueLoad(packId: string, now: number, dayStartHour: number): Promise<DueLoad> {
  return dueLoadFor(appDb, packId, now, dayStartHour);
}
