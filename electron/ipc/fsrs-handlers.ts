/**
 * `fsrs:optimize` and `fsrs:cancel`: runs the FSRS optimizer in a worker thread of main
 * (electron/fsrs/runner.ts) for the page, sending `fsrs:progress` to the window that asked, at most
 * every 100 ms. A cancel terminates the thread.
 */

import type { CardHistory } from '../../renderer/src/core/scheduler/fsrs-history';
import { OptimizeCancelled } from '../fsrs/optimize';
import { optimizeHistories } from '../fsrs/runner';
import { spawnOptimizer } from '../fsrs/spawn';
import type { FsrsOptimizeRequest } from './contract';
import { HandlerError, type HandlerRegistry } from './handle';

const MAX_REVIEWS = 5_000_000;

/** The JSON text of more reviews than MAX_REVIEWS could not be shorter than this (bytes). */
const MAX_JSON_CHARS = MAX_REVIEWS * 16;

function readRequest(req: unknown): { jobId: string; histories: CardHistory[]; cutDay: number } {
  const r = req as Partial<FsrsOptimizeRequest> | null;
  if (
    !r ||
    typeof r.jobId !== 'string' ||
    typeof r.historiesJson !== 'string' ||
    typeof r.cutDay !== 'number'
  )
    throw new HandlerError('bad-request', 'an optimization needs a job id, histories and a split day');
  if (r.historiesJson.length > MAX_JSON_CHARS)
    throw new HandlerError('too-large', `more than ${MAX_REVIEWS} reviews`);
  let histories: unknown;
  try {
    histories = JSON.parse(r.historiesJson);
  } catch {
    throw new HandlerError('bad-request', 'the histories are not JSON');
  }
  if (!Array.isArray(histories)) throw new HandlerError('bad-request', 'the histories must be a list');
  let reviews = 0;
  for (const h of histories as Partial<CardHistory>[]) {
    if (!h || !Array.isArray(h.ratings) || !Array.isArray(h.days) || h.ratings.length !== h.days.length)
      throw new HandlerError('bad-request', 'each history needs as many ratings as days');
    if (!h.ratings.every((x) => x === 1 || x === 2 || x === 3 || x === 4) || !h.days.every(Number.isFinite))
      throw new HandlerError('bad-request', 'ratings must be 1–4 and days whole numbers');
    reviews += h.ratings.length;
  }
  if (reviews > MAX_REVIEWS) throw new HandlerError('too-large', `more than ${MAX_REVIEWS} reviews`);
  return { jobId: r.jobId, histories: histories as CardHistory[], cutDay: r.cutDay };
}

/** Registers the optimizer's channels. */
export function registerFsrsHandlers(registry: HandlerRegistry): void {
  const running = new Map<string, AbortController>();
  registry.handle('fsrs:optimize', async (event, req) => {
    const { jobId, histories, cutDay } = readRequest(req);
    const job = new AbortController();
    running.set(jobId, job);
    let sentAt = 0;
    try {
      return await optimizeHistories(
        histories,
        cutDay,
        spawnOptimizer,
        (phase, done, total) => {
          const now = Date.now();
          if (now - sentAt < 100 && done < total) return;
          sentAt = now;
          if (!event.sender.isDestroyed()) event.sender.send('fsrs:progress', { jobId, phase, done, total });
        },
        job.signal,
      );
    } catch (err) {
      if (err instanceof OptimizeCancelled) throw new HandlerError('cancelled', err.message);
      throw new HandlerError(
        'internal',
        `The optimizer failed: ${err instanceof Error ? err.message : String(err)}`,
      );
    } finally {
      running.delete(jobId);
    }
  });
  registry.handle('fsrs:cancel', (_event, req) => {
    running.get(String(req?.jobId ?? ''))?.abort();
    return null;
  });
}
