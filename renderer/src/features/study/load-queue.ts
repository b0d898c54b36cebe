/**
 * Builds the study queue at `now`: loads what `buildQueue` needs through `study-repo`, applies the
 * settings (per-pack limits, require-reading, the study day) and the session's scope.
 */
import { buildQueue, computeDayStart, nextLearningDue, type QueuePlan } from '../../core/queue';
import type { SchedulerSettings } from '../../core/scheduler';
import { type AppSettings, resolveSchedulingSettings } from '../../core/settings';
import type { LecternDb } from '../../db/db';
import type { CardKey } from '../../db/rows';
import { loadQueueInput } from '../../db/study-repo';
import type { StudyScope } from '../../store';

/** The queue and when the next learning card falls due (for waiting once the queue is empty). */
export interface StudyQueue {
  plan: QueuePlan<CardKey>;
  nextLearning: number | null;
}

/** The local UTC offset at `now`, minutes east (what `computeDayStart` takes). */
export function readUtcOffset(now: number): number {
  return -new Date(now).getTimezoneOffset();
}

/** Start of the study day containing `now` under the settings' day-start hour. */
export function computeStudyDayStart(now: number, settings: AppSettings): number {
  return computeDayStart(now, readUtcOffset(now), settings.dayStartHour);
}

/** The scheduler settings of the pack a card belongs to (the key is `${packId}:${questionId}`). */
export function resolveCardSettings(settings: AppSettings, key: CardKey): SchedulerSettings {
  return resolveSchedulingSettings(settings, key.slice(0, key.indexOf(':')));
}

/** Packs in the Library's order: bundled first, then by title. */
async function loadPackOrder(db: LecternDb): Promise<string[]> {
  const packs = await db.packs.toArray();
  packs.sort((a, b) =>
    a.origin === b.origin ? a.title.localeCompare(b.title) : a.origin === 'bundled' ? -1 : 1,
  );
  return packs.map((p) => p.id);
}

/** Loads and orders the cards to study in `scope` at `now`. */
export async function loadStudyQueue(
  db: LecternDb,
  scope: StudyScope,
  now: number,
  settings: AppSettings,
): Promise<StudyQueue> {
  const packOrder = await loadPackOrder(db);
  const packIds = scope.packId ? packOrder.filter((id) => id === scope.packId) : packOrder;
  const limits = Object.fromEntries(
    packIds.map((id) => {
      const s = resolveSchedulingSettings(settings, id);
      return [id, { newPerDay: s.newPerDay, reviewsPerDay: s.reviewsPerDay }] as const;
    }),
  );
  const newPerPack = Math.max(0, ...Object.values(limits).map((l) => l.newPerDay));
  const input = await loadQueueInput(db, packIds, now, {
    dayStartMs: computeStudyDayStart(now, settings),
    requireReading: settings.requireReading,
    newPerPack,
  });
  const cards = scope.chapterId ? input.cards.filter((c) => c.chapterId === scope.chapterId) : input.cards;
  const plan = buildQueue(cards, now, {
    limits,
    doneToday: input.doneToday,
    openedChapters: input.openedChapters,
    requireReading: settings.requireReading,
    packOrder,
  });
  return { plan, nextLearning: nextLearningDue(cards, now) };
}

/**
 * The card to show next: the first of the queue, except the one just answered while anything else
 * is due (a learning card due again at once should not follow itself).
 */
export function pickNextKey(keys: readonly CardKey[], lastKey: CardKey | null): CardKey | null {
  const other = keys.find((k) => k !== lastKey);
  return other ?? keys[0] ?? null;
}
