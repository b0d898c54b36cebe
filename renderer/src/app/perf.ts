/**
 * Performance marks that `npm run bench` (test/bench/) reads with `performance.getEntriesByName`.
 * Names follow `lectern:<phase>:start|end`. A mark costs well under a microsecond; marks are plain
 * User Timing entries and change nothing the student sees.
 */
import { useEffect } from 'react';

/** Marks a point now. */
export function markPhase(name: string): void {
  performance.mark(name);
}

/**
 * Marks once the current frame has been painted: requestAnimationFrame runs just before the paint,
 * and a task queued from it runs just after.
 */
export function markAfterPaint(name: string): void {
  requestAnimationFrame(() => setTimeout(() => performance.mark(name), 0));
}

const markedOnce = new Set<string>();

/**
 * Marks `name` after the paint that first shows a screen ready (`ready` true). With `once`, only the
 * first time in this page load (start-up figures); otherwise every time `ready` turns true.
 */
export function useMarkWhenReady(name: string, ready: boolean, once = false): void {
  useEffect(() => {
    if (!ready || (once && markedOnce.has(name))) return;
    markedOnce.add(name);
    markAfterPaint(name);
  }, [name, ready, once]);
}
