/**
 * Getting the next card on screen: the session's working set (`session-runtime.ts`), the queue in
 * memory rebuilt only when it must be, the next card's question and row made ready before it is
 * shown, and the rest of a queue loaded in the background. Used by `session-controller.ts` (answers)
 * and `card-actions.ts` (undo, suspend, flag).
 */

import { markPhase } from '../../app/perf';
import {
  countQueued,
  nextQueuedLearning,
  peekNextCards,
  pickNextCard,
  removeQueuedCard,
} from '../../core/queue';
import type { AppSettings } from '../../core/settings';
import { getSettings } from '../../db/repos/settings-repo';
import { loadNextLearningDue } from '../../db/repos/study-queue-rest';
import { loadStudyItems } from '../../db/repos/study-repo';
import type { LecternDb } from '../../db/schema/database';
import type { CardKey, CardRow } from '../../db/schema/rows';
import { useAppStore } from '../../store';
import { createShowingSeed } from '../questions/draft';
import {
  forgetCard,
  loadRestOfQueue,
  needsRebuild,
  peekRuntime,
  readAhead,
  rebuildQueue,
  rememberRow,
  runtimeOf,
  type SessionRuntime,
  verifyRows,
} from './session-runtime';

/** What the controller needs from outside: the database and a clock. */
export interface StudyDeps {
  db: LecternDb;
  now: () => number;
}

const store = () => useAppStore.getState();
const session = () => store().session;

export async function readSettings(db: LecternDb): Promise<AppSettings> {
  return (await getSettings(db)).settings;
}

/** A write of the current session is in flight (an answer being written, or a busy action). */
export function isStudyBusy(): boolean {
  const s = session();
  return s.busy || peekRuntime(s.id)?.writing === true;
}

/** The working set of the current session (created stale if missing, e.g. after a reload of this module). */
export function runtimeFor(deps: StudyDeps, id: number): SessionRuntime {
  return runtimeOf(id, deps.db, session().id === id ? session().scope : {});
}

/** Shows `key` from the session's working set (its question read if it was not read ahead). */
export async function showQueued(deps: StudyDeps, rt: SessionRuntime, key: CardKey): Promise<boolean> {
  await readAhead(rt, [key]);
  if (session().id !== rt.id || !rt.cards.has(key) || !rt.questions.has(key)) return false;
  applyNext(deps, rt, { kind: 'show', key });
  return true;
}

/** What comes next: a card whose row and question are in memory, a wait for a learning card, or the end. */
export type NextStep = { kind: 'show'; key: CardKey } | { kind: 'wait'; until: number } | { kind: 'done' };

/**
 * Picks the next card from the queue in memory — rebuilt from the database first when it is stale,
 * old or of another study day (see `session-runtime.ts`), or when nothing in it is due — avoiding
 * `avoid` (the card just answered) while anything else is due, and makes sure its question is in
 * memory. The `lectern:queue:*` marks time the queue work (the bench's "queue" figure).
 */
export async function chooseNext(
  deps: StudyDeps,
  rt: SessionRuntime,
  avoid: CardKey | null,
): Promise<NextStep> {
  const now = deps.now();
  const rebuild = needsRebuild(rt, now);
  const settings = rt.settings ?? (await readSettings(deps.db));
  markPhase('lectern:queue:start');
  if (rebuild) await rebuildQueue(rt, settings, now);
  let pick = pickNextCard(rt.queue, now, avoid);
  if (!pick && rt.loading) {
    // The rest of the queue is still loading: it may hold what is due.
    await rt.loading;
    pick = pickNextCard(rt.queue, now, avoid);
  }
  if (!pick && !rebuild) {
    // Nothing due in memory: something may have come due or been added since.
    await rebuildQueue(rt, settings, now);
    pick = pickNextCard(rt.queue, now, avoid);
  }
  markPhase('lectern:queue:end');
  while (pick) {
    await Promise.all([readAhead(rt, [pick.key]), verifyRows(rt, [pick.key])]);
    const row = rt.cards.get(pick.key);
    if (row && !row.suspended && !row.removed && rt.questions.has(pick.key))
      return { kind: 'show', key: pick.key };
    // Its question is no longer stored, or it was suspended elsewhere: it leaves the queue.
    rt.queue = removeQueuedCard(rt.queue, pick.key);
    forgetCard(rt, pick.key);
    pick = pickNextCard(rt.queue, deps.now(), avoid);
  }
  const until =
    nextQueuedLearning(rt.queue, now) ?? (await loadNextLearningDue(deps.db, rt.packIds, now, rt.chapterId));
  return until !== null ? { kind: 'wait', until } : { kind: 'done' };
}

/** Starts loading the rest of the queue (if the last build left some); the counts follow when it is in. */
export function continueLoading(deps: StudyDeps, rt: SessionRuntime): void {
  void loadRestOfQueue(rt, deps.now, () => {
    const s = session();
    if (s.id === rt.id && s.status === 'studying' && !s.busy)
      store().patchSession(rt.id, { left: countQueued(rt.queue, deps.now()) });
  });
}

/** Puts `step` on screen, in one store update. */
export function applyNext(deps: StudyDeps, rt: SessionRuntime, step: NextStep): void {
  if (step.kind === 'show') {
    const card = rt.cards.get(step.key) as CardRow;
    const now = deps.now();
    store().showCard(
      rt.id,
      { key: step.key, rev: card.rev, shownAt: now, seed: createShowingSeed(step.key, card.reps) },
      countQueued(rt.queue, now),
    );
    return;
  }
  const idle = { current: null, pending: null, left: { reviews: 0, learning: 0, newCards: 0 } };
  if (step.kind === 'wait') {
    // The card waited for is a learning card still to come: "0 learning" beside "a question you are
    // learning comes back in 8:13" would contradict it.
    const left = { ...idle.left, learning: Math.max(1, rt.queue.learning.length) };
    store().patchSession(rt.id, { ...idle, left, status: 'waiting', waitUntil: step.until });
  } else store().patchSession(rt.id, { ...idle, status: 'done', waitUntil: null });
}

/** Shows the next card of the queue or, with nothing due, waits for the next learning card or ends the session. */
export async function showNext(deps: StudyDeps, id: number): Promise<void> {
  if (session().id !== id) return;
  const rt = runtimeFor(deps, id);
  const step = await chooseNext(deps, rt, session().lastKey);
  if (session().id !== id) return;
  applyNext(deps, rt, step);
  continueLoading(deps, rt);
}

/**
 * Reads ahead the question of the card most likely to come next (the first due one besides the card
 * on screen), so showing it after the answer needs no database read. Call once the card is painted.
 */
export async function prefetchUpcoming(deps: StudyDeps): Promise<void> {
  const s = session();
  const rt = peekRuntime(s.id);
  if (!rt || !s.current) return;
  const next = peekNextCards(rt.queue, deps.now(), 2, s.current.key);
  await Promise.all([readAhead(rt, next), verifyRows(rt, next)]);
}

/**
 * The card on screen read from the database, when it is not in memory (rare: the prefetch and the
 * queue normally hold it). Null when its question is no longer stored.
 */
export async function loadShownItem(deps: StudyDeps, id: number, key: CardKey) {
  const rt = peekRuntime(id);
  const order = rt?.cards.get(key)?.order ?? 0;
  const [item] = await loadStudyItems(deps.db, [{ key, order }], deps.now());
  if (item && rt) {
    if (item.stored) rememberRow(rt, item.card);
    else {
      rt.cards.set(key, item.card);
      rt.unstored.add(key);
    }
    rt.questions.set(key, item.question);
  }
  return item ?? null;
}

/** Where the card's row places it (for a first answer, which creates the row). */
export function placeOf(card: CardRow | undefined) {
  return card ? { chapterId: card.chapterId, order: card.order } : undefined;
}
