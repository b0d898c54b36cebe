/**
 * The queue of a study session, kept in memory between answers: built once from the database
 * (`splitQueue`), then updated per answer — the answered card leaves, and comes back only as a
 * learning card once its step falls due — so showing the next card needs no rebuild. Pure and
 * immutable: every update returns a new queue.
 */
import { orderReviews, type QueueCard, type QueueParts } from './build-queue';

/** Which part of the queue a card is in. */
export type QueueKind = 'review' | 'learning' | 'new';

/** A session's queue: what {@link splitQueue} gives, minus what was answered, plus learning steps. */
export type SessionQueue<K extends string = string> = QueueParts<K>;

/** How many are left by kind (learning: only those due by then). */
export interface QueueCounts {
  reviews: number;
  learning: number;
  newCards: number;
}

/** The card to show and the part it comes from. */
export interface QueuePick<K extends string = string> {
  key: K;
  kind: QueueKind;
}

/** An empty queue. */
export function createEmptyQueue<K extends string>(): SessionQueue<K> {
  return { reviews: [], learning: [], fresh: [] };
}

/** Every card due at `now`, in the order to show them: reviews, learning cards due, new cards. */
function* dueEntries<K extends string>(q: SessionQueue<K>, now: number): Generator<QueuePick<K>> {
  for (const key of q.reviews) yield { key, kind: 'review' };
  for (const l of q.learning) {
    if (l.due > now) break;
    yield { key: l.key, kind: 'learning' };
  }
  for (const key of q.fresh) yield { key, kind: 'new' };
}

/**
 * The card to show at `now`: the first due one, except `avoid` (the card just answered) while
 * anything else is due — a learning card due again at once should not follow itself. Null when
 * nothing is due.
 */
export function pickNextCard<K extends string>(
  q: SessionQueue<K>,
  now: number,
  avoid: K | null = null,
): QueuePick<K> | null {
  let first: QueuePick<K> | null = null;
  for (const e of dueEntries(q, now)) {
    if (e.key !== avoid) return e;
    first ??= e;
  }
  return first;
}

/** The first `n` cards that would be shown at `now` after `avoid` leaves (for prefetching). */
export function peekNextCards<K extends string>(
  q: SessionQueue<K>,
  now: number,
  n: number,
  avoid: K | null = null,
): K[] {
  const out: K[] = [];
  if (n <= 0) return out;
  for (const e of dueEntries(q, now)) {
    if (e.key === avoid) continue;
    out.push(e.key);
    if (out.length >= n) break;
  }
  return out;
}

/** Whether `key` is anywhere in the queue (due or not). */
export function hasQueuedCard<K extends string>(q: SessionQueue<K>, key: K): boolean {
  return q.reviews.includes(key) || q.fresh.includes(key) || q.learning.some((l) => l.key === key);
}

/** The queue without `key` (answered, suspended, or gone from the database). */
export function removeQueuedCard<K extends string>(q: SessionQueue<K>, key: K): SessionQueue<K> {
  if (!hasQueuedCard(q, key)) return q;
  return {
    reviews: q.reviews.filter((k) => k !== key),
    learning: q.learning.filter((l) => l.key !== key),
    fresh: q.fresh.filter((k) => k !== key),
  };
}

/** Inserts `key` among the learning cards by `due` (after those with the same due), once. */
function insertLearning<K extends string>(
  learning: readonly { key: K; due: number }[],
  key: K,
  due: number,
): Array<{ key: K; due: number }> {
  const out = learning.filter((l) => l.key !== key);
  let i = out.length;
  while (i > 0 && (out[i - 1] as { due: number }).due > due) i--;
  out.splice(i, 0, { key, due });
  return out;
}

/**
 * After `key` was answered: it leaves the queue, and when its new state is learning or relearning
 * (state 1 or 3) it comes back among the learning cards at its new `due`. A review or new card
 * does not come back in this session (a review's next due is a day or more away).
 */
export function requeueAnswered<K extends string>(
  q: SessionQueue<K>,
  key: K,
  state: number,
  due: number,
): SessionQueue<K> {
  const rest = removeQueuedCard(q, key);
  if (state !== 1 && state !== 3) return rest;
  return { ...rest, learning: insertLearning(rest.learning, key, due) };
}

/**
 * Puts `key` back to be shown now (an undone answer or suspension): at the front of the reviews
 * (state 2) or new cards (state 0), or among the learning cards as due at `now` at the latest.
 */
export function returnToFront<K extends string>(
  q: SessionQueue<K>,
  key: K,
  state: number,
  due: number,
  now: number,
): SessionQueue<K> {
  const rest = removeQueuedCard(q, key);
  if (state === 2) return { ...rest, reviews: [key, ...rest.reviews] };
  if (state === 0) return { ...rest, fresh: [key, ...rest.fresh] };
  return { ...rest, learning: insertLearning(rest.learning, key, Math.min(due, now)) };
}

/**
 * Adds cards loaded after the queue was built (a queue is loaded in steps): `reviews` join the
 * queued reviews, all re-ordered by retrievability at `now` (`queuedCard` gives the queued ones'
 * scheduling fields); `learning` cards join by due. Keys already queued, or in `skip` (answered or
 * suspended since the build), are left out.
 */
export function addToQueue<K extends string>(
  q: SessionQueue<K>,
  more: {
    reviews: readonly Pick<QueueCard<K>, 'key' | 'state' | 'due' | 'stability' | 'lastReview'>[];
    learning: readonly { key: K; due: number }[];
  },
  queuedCard: (
    key: K,
  ) => Pick<QueueCard<K>, 'key' | 'state' | 'due' | 'stability' | 'lastReview'> | undefined,
  now: number,
  skip: ReadonlySet<K> = new Set(),
): SessionQueue<K> {
  const queued = new Set<K>([...q.reviews, ...q.fresh, ...q.learning.map((l) => l.key)]);
  const joins = (key: K) => !queued.has(key) && !skip.has(key);
  const addedReviews = more.reviews.filter((c) => joins(c.key));
  let learning = q.learning;
  for (const l of more.learning) if (joins(l.key)) learning = insertLearning(learning, l.key, l.due);
  if (addedReviews.length === 0) return learning === q.learning ? q : { ...q, learning };
  type Scheduled = Pick<QueueCard<K>, 'key' | 'state' | 'due' | 'stability' | 'lastReview'>;
  const unknown = (key: K): Scheduled => ({ key, state: 2, due: 0, stability: 0, lastReview: null });
  const current = q.reviews.map((key) => queuedCard(key) ?? unknown(key)).concat(addedReviews);
  return { ...q, reviews: orderReviews(current, now), learning };
}

/** Cards left at `now` by kind (learning cards not yet due are not counted). */
export function countQueued<K extends string>(q: SessionQueue<K>, now: number): QueueCounts {
  let learning = 0;
  for (const l of q.learning) {
    if (l.due > now) break;
    learning++;
  }
  return { reviews: q.reviews.length, learning, newCards: q.fresh.length };
}

/** When the next learning card in the queue falls due after `now`, or null. */
export function nextQueuedLearning<K extends string>(q: SessionQueue<K>, now: number): number | null {
  for (const l of q.learning) if (l.due > now) return l.due;
  return null;
}
