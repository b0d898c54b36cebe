/**
 * The running test's writes, one after another (a late autosave never lands after a finish or a
 * move), and its clock while the test is on screen (see `ops/selftest/clock.ts`).
 */
import { useCallback, useEffect, useRef } from 'react';
import { describeError } from '../../core/describe-error';
import { type EnqueueWrite, runTestClock } from '../../ops/selftest';

export function useSerialWrites(onError: (message: string) => void): EnqueueWrite {
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const report = useRef(onError);
  report.current = onError;
  return useCallback(<T>(work: () => Promise<T>): Promise<T | undefined> => {
    const next = queue.current.then(work).catch((err: unknown) => {
      report.current(describeError(err));
      return undefined;
    });
    queue.current = next;
    return next;
  }, []);
}

/** Keeps the test's clock running only while it is on screen. */
export function useTestClock(testId: number, enqueue: EnqueueWrite): void {
  useEffect(() => runTestClock(testId, enqueue, window), [testId, enqueue]);
}
