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

/** The mark the Library sets once it is painted with its packs: the end of a start. */
export const START_MARK = 'lectern:start:end';

/**
 * Resolves once the app has started — the Library painted with its packs (`START_MARK`) — or after
 * `fallbackMs` (a start that opens on another screen). What the student does not wait for (the daily
 * backup, folder sync, preloading the next screens) waits for this, so its code is neither fetched
 * nor compiled while the first screen's data is on its way.
 */
export function afterStart(fallbackMs = 5000): Promise<void> {
  return new Promise((resolve) => {
    let observer: PerformanceObserver | null = null;
    const done = () => {
      clearTimeout(timer);
      observer?.disconnect();
      resolve();
    };
    const timer = setTimeout(done, fallbackMs);
    if (performance.getEntriesByName(START_MARK, 'mark').length > 0) return done();
    if (typeof PerformanceObserver !== 'function') return;
    observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName(START_MARK).length > 0) done();
    });
    observer.observe({ type: 'mark' });
  });
}
