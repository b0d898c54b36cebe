/**
 * A running self-test's clock: resumed when the test comes on screen, checkpointed every few
 * seconds, and paused when the screen is left or the window goes away. Its writes go through the
 * screen's queue of writes, one after another.
 */

import { pauseSelfTest, resumeSelfTest } from '../../db/repos/selftest-repo';
import type { LecternDb } from '../../db/schema/database';
import { checkpointSelfTest } from './actions';

/** How often the time used is saved while the test is open (at most this much is lost in a crash). */
export const CHECKPOINT_MS = 5_000;

/** Runs a write after every earlier one; a failure is reported through `onError` and resolves to undefined. */
export type EnqueueWrite = <T>(work: () => Promise<T>) => Promise<T | undefined>;

/**
 * Starts the test's clock: resumes it now, checkpoints every CHECKPOINT_MS, pauses on `pagehide` of
 * `events` and when the returned stop function runs. Each write carries the moment of its event, not
 * of its turn in the queue: a pause waiting behind a slow answer save must not count the wait (or
 * anything after it) as time used.
 */
export function startTestClock(
  database: LecternDb,
  testId: number,
  enqueue: EnqueueWrite,
  events: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>,
  now: () => number = Date.now,
): () => void {
  const resume = (at: number) => void enqueue(() => resumeSelfTest(database, testId, at));
  const pause = () => {
    const at = now();
    void enqueue(() => pauseSelfTest(database, testId, at));
  };
  const show = (e: Event) => {
    if ((e as PageTransitionEvent).persisted) resume(now());
  };
  resume(now());
  const checkpoint = setInterval(() => {
    const at = now();
    void enqueue(() => checkpointSelfTest(database, testId, at));
  }, CHECKPOINT_MS);
  events.addEventListener('pagehide', pause);
  events.addEventListener('pageshow', show);
  return () => {
    clearInterval(checkpoint);
    events.removeEventListener('pagehide', pause);
    events.removeEventListener('pageshow', show);
    pause();
  };
}
