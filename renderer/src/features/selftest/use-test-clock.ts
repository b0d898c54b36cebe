/**
 * The running test's writes, one after another (a late autosave never lands after a finish or a
 * move), and its clock: resumed when the test comes on screen, checkpointed every few seconds, and
 * paused when the screen is left or the window goes away.
 */
import { useCallback, useEffect, useRef } from 'react';
import { db } from '../../db/db';
import { pauseSelfTest, resumeSelfTest } from '../../db/selftest-repo';
import { checkpointSelfTest } from './test-actions';

/** How often the time used is saved while the test is open (at most this much is lost in a crash). */
export const CHECKPOINT_MS = 5_000;

/** Runs a write after every earlier one; a failure is reported through `onError` and resolves to undefined. */
export type EnqueueWrite = <T>(work: () => Promise<T>) => Promise<T | undefined>;

export function useSerialWrites(onError: (message: string) => void): EnqueueWrite {
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const report = useRef(onError);
  report.current = onError;
  return useCallback(<T>(work: () => Promise<T>): Promise<T | undefined> => {
    const next = queue.current.then(work).catch((err: unknown) => {
      report.current(err instanceof Error ? err.message : String(err));
      return undefined;
    });
    queue.current = next;
    return next;
  }, []);
}

/** Keeps the test's clock running only while it is on screen. */
export function useTestClock(testId: number, enqueue: EnqueueWrite): void {
  useEffect(() => {
    void enqueue(() => resumeSelfTest(db, testId, Date.now()));
    const checkpoint = setInterval(
      () => void enqueue(() => checkpointSelfTest(db, testId, Date.now())),
      CHECKPOINT_MS,
    );
    const pause = () => void enqueue(() => pauseSelfTest(db, testId, Date.now()));
    const show = (e: PageTransitionEvent) => {
      if (e.persisted) void enqueue(() => resumeSelfTest(db, testId, Date.now()));
    };
    window.addEventListener('pagehide', pause);
    window.addEventListener('pageshow', show);
    return () => {
      clearInterval(checkpoint);
      window.removeEventListener('pagehide', pause);
      window.removeEventListener('pageshow', show);
      pause();
    };
  }, [testId, enqueue]);
}
