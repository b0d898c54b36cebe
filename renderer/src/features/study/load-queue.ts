/**
 * Builds a study session's queue at `now` from the database: loads what the queue needs through
 * `study-queue-repo` (index reads only), applies the settings (per-pack limits, require-reading, the
 * study day) and the session's scope, and returns it split by kind for the in-memory session queue
 * (`core/queue/session-queue`), with the card row (stored, or the new row a first answer starts
 * from) of every queued card and the questions already read.
 */
import { computeDayStart, type SessionQueue, splitQueue } from '../../core/queue';
import type { SchedulerSettings } from '../../core/scheduler';
import { type AppSettings, resolveSchedulingSettings } from '../../core/settings';
import type { LecternDb } from '../../db/db';
import { newCardRow } from '../../db/packs-repo';
import type { CardKey, CardRow, QuestionRow } from '../../db/rows';
import { loadQueueInput } from '../../db/study-repo';
import type { StudyScope } from '../../store';

const DAY_MS = 86_400_000;

/** A session's queue as built from the database. */
export interface StudyQueue {
  queue: SessionQueue<CardKey>;
  /** The card row of every queued card: stored, or (never studied) the row its first answer starts from, rev 0. */
  cards: Map<CardKey, CardRow>;
  /** Questions read while building (the new ones), by key. */
  questions: Map<CardKey, QuestionRow>;
  /** The earliest learning due not in the queue (after the study day), or null. */
  laterLearning: number | null;
  /** Start of the study day the queue was built for. */
  dayStart: number;
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

/**
 * Loads and orders the cards to study in `scope` at `now`. Learning cards due within the study day
 * are queued (a session does not outlive its day: a new day rebuilds the queue).
 */
export async function loadStudyQueue(
  db: LecternDb,
  scope: StudyScope,
  now: number,
  settings: AppSettings,
): Promise<StudyQueue> {
  const dayStart = computeStudyDayStart(now, settings);
  const limitsOf = (id: string) => {
    const s = resolveSchedulingSettings(settings, id);
    return { newPerDay: s.newPerDay, reviewsPerDay: s.reviewsPerDay };
  };
  const input = await loadQueueInput(db, scope.packId ? [scope.packId] : 'all', now, {
    dayStartMs: dayStart,
    learningUntil: dayStart + DAY_MS,
    requireReading: settings.requireReading,
    limits: limitsOf,
    ...(scope.chapterId ? { chapterId: scope.chapterId } : {}),
  });
  const limits = Object.fromEntries(input.packOrder.map((id) => [id, limitsOf(id)] as const));
  const queue = splitQueue(input.cards, now, {
    limits,
    doneToday: input.doneToday,
    openedChapters: input.openedChapters,
    requireReading: settings.requireReading,
    packOrder: input.packOrder,
  });
  const cards = new Map<CardKey, CardRow>();
  for (const c of input.cards) {
    const row = input.rows.get(c.key);
    const question = input.questions.get(c.key);
    if (row) cards.set(c.key, row);
    else if (question) cards.set(c.key, newCardRow(c.packId, question.id, c.chapterId, c.order, now));
  }
  return { queue, cards, questions: input.questions, laterLearning: input.laterLearning, dayStart };
}
