/**
 * Which card comes next, and when the session's queue must be read again: pure decisions over the
 * queue in memory (`core/queue/session-queue`), taken at `now`.
 */
import { nextQueuedLearning, pickNextCard, type SessionQueue } from '../queue';

/** What comes next from the queue in memory. */
export type NextChoice<K extends string = string> =
  | { kind: 'show'; key: K }
  | { kind: 'wait'; until: number }
  | { kind: 'none' };

/**
 * The next card due at `now`, avoiding `avoid` (the card just answered) while anything else is due;
 * else, when a learning card is still to come, a wait until it is due; else none.
 */
export function chooseNextCard<K extends string>(
  queue: SessionQueue<K>,
  now: number,
  avoid: K | null,
): NextChoice<K> {
  const pick = pickNextCard(queue, now, avoid);
  if (pick) return { kind: 'show', key: pick.key };
  const until = nextQueuedLearning(queue, now);
  return until !== null ? { kind: 'wait', until } : { kind: 'none' };
}

/** What the queue in memory was built from, for {@link needsRebuild}. */
export interface QueueFreshness {
  /** A write the session did not make itself touched what the queue is made of (or nothing is built yet). */
  stale: boolean;
  /** When it was built. */
  builtAt: number;
  /** The start of the study day it was built for. */
  dayStart: number;
}

/**
 * Whether the queue must be read again before choosing at `now` (Anki's
 * `requires_study_queue_rebuild`): something else wrote, the study day changed (`dayStartNow` is the
 * start of the study day at `now`), or the clock went back past the build. Time alone never makes
 * it stale: writes are reported as they happen.
 */
export function needsRebuild(f: QueueFreshness, now: number, dayStartNow: number): boolean {
  return f.stale || now < f.builtAt || dayStartNow !== f.dayStart;
}
