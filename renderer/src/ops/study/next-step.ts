/**
 * What the session shows next, from its working set: the queue in memory — read again from the
 * database first when it is stale or of another study day, or when nothing in it is due — and the
 * chosen card's row and question made ready, so showing it needs no further read.
 */
import { markPhase } from '../../app/perf';
import { nextQueuedLearning, removeQueuedCard } from '../../core/queue';
import type { AppSettings } from '../../core/settings';
import { chooseNextCard, type NewRaises } from '../../core/study';
import { loadNextLearningDue } from '../../db/repos/study-queue-rest';
import type { CardKey } from '../../db/schema/rows';
import type { WorkingSet } from './working-set';

/** What comes next: a card whose row and question are in memory, a wait for a learning card, or the end. */
export type NextStep = { kind: 'show'; key: CardKey } | { kind: 'wait'; until: number } | { kind: 'done' };

/**
 * Chooses the next step, avoiding `avoid` (the card just answered) while anything else is due. The
 * `lectern:queue:*` marks time the queue work (the bench's "queue" figure).
 */
export async function chooseNextStep(
  ws: WorkingSet,
  settings: AppSettings,
  raises: NewRaises,
  clock: () => number,
  avoid: CardKey | null,
): Promise<NextStep> {
  const now = clock();
  const rebuild = ws.needsRebuild(now);
  markPhase('lectern:queue:start');
  if (rebuild) await ws.rebuild(settings, now, raises);
  let choice = chooseNextCard(ws.queue, now, avoid);
  if (choice.kind !== 'show' && ws.loading) {
    // The rest of the queue is still loading: it may hold what is due.
    await ws.loading;
    choice = chooseNextCard(ws.queue, now, avoid);
  }
  if (choice.kind !== 'show' && !rebuild) {
    // Nothing due in memory: something may have come due since the build.
    await ws.rebuild(settings, now, raises);
    choice = chooseNextCard(ws.queue, now, avoid);
  }
  markPhase('lectern:queue:end');
  while (choice.kind === 'show') {
    const { key } = choice;
    await Promise.all([ws.readAhead([key]), ws.verifyRows([key])]);
    const row = ws.cards.get(key);
    if (row && !row.suspended && !row.removed && ws.questions.has(key)) return choice;
    // Its question is no longer stored, or it was suspended elsewhere: it leaves the queue.
    ws.queue = removeQueuedCard(ws.queue, key);
    ws.forget(key);
    choice = chooseNextCard(ws.queue, clock(), avoid);
  }
  const until =
    nextQueuedLearning(ws.queue, now) ?? (await loadNextLearningDue(ws.db, ws.packIds, now, ws.chapterId));
  return until !== null ? { kind: 'wait', until } : { kind: 'done' };
}
