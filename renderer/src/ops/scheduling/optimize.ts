/**
 * "Optimize" for one scheduling preset: reads the reviews of its packs, hands their histories to
 * the FSRS optimizer in main (fsrs-rs; see electron/fsrs/optimize.ts) with progress and cancel, and
 * stores the fitted parameters in the preset only when they predicted the later reviews better than
 * the defaults (Anki's "Evaluate": a time-series split, fitted on the earlier two thirds).
 */

import {
  type CardHistory,
  cardHistory,
  countReviews,
  type FitScope,
  fitScope,
  groupByCard,
  type ReviewFact,
  splitDay,
} from '../../core/scheduler';
import { DEFAULT_PRESET_ID, presetById, presetPatch } from '../../core/settings';
import { type DayClock, makeDayClock } from '../../core/stats/day';
import { getSettings, patchSettings } from '../../db/repos/settings-repo';
import { db as appDb, type LecternDb } from '../../db/schema/database';
import type { FsrsOptimizeResult } from '../../platform/bridge';
import { invoke, onMainEvent } from '../../platform/bridge';
import { packsOfPreset } from './preset-packs';
import { readReviewFacts } from './review-facts';

/** What an optimization found and did. */
export interface OptimizeReport extends FsrsOptimizeResult {
  /** Reviews read for the preset. */
  reviews: number;
  /** What fsrs-rs could fit with this many items. */
  scope: FitScope;
  /** The fitted parameters were stored in the preset. */
  applied: boolean;
}

/** Progress of a run: phase 0 reads the reviews, 1 fits the earlier part, 2 fits all. */
export interface OptimizeProgress {
  phase: 0 | 1 | 2;
  done: number;
  total: number;
}

/**
 * Fits preset `presetId`'s FSRS parameters to its packs' reviews. Rejects with an Error (its message
 * for the student) when the optimizer fails; a cancel rejects with `{ cancelled: true }`.
 */
export async function optimizePreset(
  db: LecternDb,
  presetId: string,
  options: { now: number; onProgress?: (p: OptimizeProgress) => void; signal?: AbortSignal },
): Promise<OptimizeReport> {
  const { settings } = await getSettings(db);
  options.onProgress?.({ phase: 0, done: 0, total: 1 });
  const facts = await readReviewFacts(db, await packsOfPreset(db, settings, presetId));
  const clock = makeDayClock({
    utcOffsetMinutes: -new Date(options.now).getTimezoneOffset(),
    dayStartHour: settings.dayStartHour,
  });
  const histories = await buildHistoriesInSteps(facts, clock);
  if (options.signal?.aborted) throw new OptimizeCancelledError();
  const jobId = `${presetId}-${options.now}-${Math.floor(Math.random() * 1e9)}`;
  const stop = onMainEvent('fsrs:progress', (p) => {
    if (p.jobId === jobId) options.onProgress?.({ phase: p.phase, done: p.done, total: p.total });
  });
  const cancel = () => void invoke('fsrs:cancel', { jobId });
  options.signal?.addEventListener('abort', cancel);
  try {
    const cutDay = splitDay(histories);
    await yieldToPage();
    const historiesJson = await toJsonInSteps(histories);
    const res = await invoke('fsrs:optimize', { jobId, historiesJson, cutDay });
    if (!res.ok) {
      if (res.error.code === 'cancelled') throw new OptimizeCancelledError();
      throw new Error(res.error.message);
    }
    const found = res.value;
    const applied = found.better && found.parameters !== null;
    if (applied && found.parameters) {
      const current = (await getSettings(db)).settings;
      const preset = presetById(current, presetId);
      if (presetId === DEFAULT_PRESET_ID || Object.hasOwn(current.presets, presetId)) {
        await patchSettings(
          db,
          presetPatch(current, presetId, {
            ...preset,
            parameters: found.parameters,
            optimizedAt: options.now,
          }),
        );
      }
    }
    return { ...found, reviews: countReviews(histories), scope: fitScope(found.items), applied };
  } finally {
    stop();
    options.signal?.removeEventListener('abort', cancel);
  }
}

/** Cards whose history is built, and facts grouped, between two yields to the page. */
const CARDS_PER_STEP = 2000;
const FACTS_PER_STEP = 10_000;

/** `buildHistories`, a few thousand cards at a time, so a long log makes no long task. */
async function buildHistoriesInSteps(facts: ReviewFact[], clock: DayClock): Promise<CardHistory[]> {
  // Grouped a slice of the facts at a time too (the same Map as groupByCard's).
  const byCard = new Map<string, ReviewFact[]>();
  for (let i = 0; i < facts.length; i += FACTS_PER_STEP) {
    for (const [key, list] of groupByCard(facts.slice(i, i + FACTS_PER_STEP))) {
      const known = byCard.get(key);
      if (known) known.push(...list);
      else byCard.set(key, list);
    }
    await yieldToPage();
  }
  const out: CardHistory[] = [];
  let n = 0;
  for (const list of byCard.values()) {
    const h = cardHistory(list, clock);
    if (h) out.push(h);
    if (++n % CARDS_PER_STEP === 0) await yieldToPage();
  }
  await yieldToPage();
  return out;
}

/** `JSON.stringify(histories)`, a few thousand cards at a time (the same text). */
async function toJsonInSteps(histories: readonly CardHistory[]): Promise<string> {
  const parts: string[] = [];
  for (let i = 0; i < histories.length; i += CARDS_PER_STEP) {
    parts.push(JSON.stringify(histories.slice(i, i + CARDS_PER_STEP)).slice(1, -1));
    await yieldToPage();
  }
  return `[${parts.join(',')}]`;
}

const yieldToPage = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The optimization was cancelled: nothing was changed. */
export class OptimizeCancelledError extends Error {
  readonly cancelled = true;
  constructor() {
    super('Optimization cancelled: the parameters were not changed.');
  }
}

/** {@link optimizePreset} on the app's database (for the settings screen). */
export function optimizeAppPreset(
  presetId: string,
  options: Parameters<typeof optimizePreset>[2],
): Promise<OptimizeReport> {
  return optimizePreset(appDb, presetId, options);
}
