/**
 * The study queue: which cards to show now, in which order. Pure; the caller loads the cards
 * (`loadQueueInput` in `db/repos/study-queue-repo`) and passes what was already done today.
 */
import type { CardState } from '../scheduler';
import { computeRetrievability } from '../scheduler';

/** What the queue needs of a card (a `CardRow` has all of it). */
export interface QueueCard<K extends string = string> {
  key: K;
  packId: string;
  chapterId: string;
  /** Course order within the pack. */
  order: number;
  state: CardState;
  due: number;
  stability: number;
  lastReview: number | null;
  suspended: 0 | 1;
  removed: 0 | 1;
}

/** A pack's daily limits. */
export interface DailyLimits {
  newPerDay: number;
  reviewsPerDay: number;
}

/** What was already studied today in a pack (new cards started, reviews of graduated cards). */
export interface DoneToday {
  newDone: number;
  reviewsDone: number;
}

/** Options of {@link buildQueue}. */
export interface QueueOptions {
  /** Limits by pack id; packs not listed use `defaultLimits`. */
  limits?: Readonly<Record<string, DailyLimits>>;
  /** Default 20 new and 200 reviews a day. */
  defaultLimits?: DailyLimits;
  /** Done today by pack id (missing: nothing done). */
  doneToday?: Readonly<Record<string, DoneToday>>;
  /** `${packId}:${chapterId}` of every chapter the student has opened. */
  openedChapters?: ReadonlySet<string>;
  /** New cards only from opened chapters (default true). */
  requireReading?: boolean;
  /** Reviews due up to this time are shown (default `now`; pass the end of the study day to show all of today's). */
  dueCutoff?: number;
  /** Order of packs for new cards (default: by pack id); packs not listed come after, by id. */
  packOrder?: readonly string[];
}

/** The queue and how it splits. */
export interface QueuePlan<K extends string = string> {
  /** Card keys in the order to show them. */
  keys: K[];
  reviews: number;
  learning: number;
  newCards: number;
}

const DEFAULT_LIMITS: DailyLimits = { newPerDay: 20, reviewsPerDay: 200 };

function remaining(limit: number, done: number): number {
  const l = Number.isFinite(limit) ? Math.max(0, Math.floor(limit)) : 0;
  const d = Number.isFinite(done) ? Math.max(0, done) : 0;
  return Math.max(0, l - d);
}

const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

function sortByRetrievability<C extends { key: string; due: number }>(
  list: Array<{ card: C; r: number }>,
): void {
  list.sort((a, b) => a.r - b.r || a.card.due - b.card.due || byKey(a.card, b.card));
}

/**
 * Review cards in the order to show them at `now`: lowest current retrievability first, then
 * earliest due, then by key (the order `splitQueue` gives its reviews).
 */
export function orderReviews<K extends string>(
  cards: readonly Pick<QueueCard<K>, 'key' | 'state' | 'due' | 'stability' | 'lastReview'>[],
  now: number,
): K[] {
  const list = cards.map((card) => ({ card, r: computeRetrievability(card, now) }));
  sortByRetrievability(list);
  return list.map((x) => x.card.key);
}

/**
 * The queue split by kind: reviews and new cards in the order to show them (daily limits applied),
 * and every learning/relearning card given — also those not due yet — by due, so a session can
 * show each one when it falls due.
 */
export interface QueueParts<K extends string = string> {
  reviews: K[];
  learning: Array<{ key: K; due: number }>;
  fresh: K[];
}

/**
 * Splits the cards to study at `now` into {@link QueueParts}:
 * 1. reviews (state Review) due by `dueCutoff`, lowest current retrievability first (FSRS
 *    forgetting curve from stability and time since the last review), at most each pack's
 *    reviews-per-day minus the reviews done today;
 * 2. learning and relearning cards by due (all of them; no daily limit);
 * 3. new cards in course order (`order`), at most each pack's new-per-day minus the new cards
 *    started today, and — unless `requireReading` is false — only from chapters that were opened.
 * Suspended and removed cards never enter. Ties break by key, so the order is deterministic.
 */
export function splitQueue<K extends string>(
  cards: readonly QueueCard<K>[],
  now: number,
  opts: QueueOptions = {},
): QueueParts<K> {
  const limitsOf = (packId: string) =>
    (opts.limits && Object.hasOwn(opts.limits, packId) ? opts.limits[packId] : undefined) ??
    opts.defaultLimits ??
    DEFAULT_LIMITS;
  const doneOf = (packId: string) =>
    (opts.doneToday && Object.hasOwn(opts.doneToday, packId) ? opts.doneToday[packId] : undefined) ?? {
      newDone: 0,
      reviewsDone: 0,
    };
  const cutoff = opts.dueCutoff ?? now;
  const requireReading = opts.requireReading ?? true;
  const opened = opts.openedChapters ?? new Set<string>();

  const reviews: Array<{ card: QueueCard<K>; r: number }> = [];
  const learning: QueueCard<K>[] = [];
  const fresh: QueueCard<K>[] = [];
  for (const c of cards) {
    if (c.suspended || c.removed) continue;
    if (c.state === 2) {
      if (c.due <= cutoff) reviews.push({ card: c, r: computeRetrievability(c, now) });
    } else if (c.state === 1 || c.state === 3) {
      learning.push(c);
    } else if (c.state === 0) {
      if (!requireReading || opened.has(`${c.packId}:${c.chapterId}`)) fresh.push(c);
    }
  }

  sortByRetrievability(reviews);
  const reviewLeft = new Map<string, number>();
  const reviewKeys: K[] = [];
  for (const { card } of reviews) {
    const left =
      reviewLeft.get(card.packId) ??
      remaining(limitsOf(card.packId).reviewsPerDay, doneOf(card.packId).reviewsDone);
    if (left > 0) reviewKeys.push(card.key);
    reviewLeft.set(card.packId, left - 1);
  }

  learning.sort((a, b) => a.due - b.due || byKey(a, b));

  const packRank = new Map((opts.packOrder ?? []).map((id, i) => [id, i] as const));
  const rankOf = (id: string) => packRank.get(id) ?? Number.MAX_SAFE_INTEGER;
  fresh.sort(
    (a, b) =>
      rankOf(a.packId) - rankOf(b.packId) ||
      (a.packId < b.packId ? -1 : a.packId > b.packId ? 1 : 0) ||
      a.order - b.order ||
      byKey(a, b),
  );
  const newLeft = new Map<string, number>();
  const newKeys: K[] = [];
  for (const card of fresh) {
    const left =
      newLeft.get(card.packId) ?? remaining(limitsOf(card.packId).newPerDay, doneOf(card.packId).newDone);
    if (left > 0) newKeys.push(card.key);
    newLeft.set(card.packId, left - 1);
  }

  return {
    reviews: reviewKeys,
    learning: learning.map((c) => ({ key: c.key, due: c.due })),
    fresh: newKeys,
  };
}

/**
 * Orders the cards to study at `now` (see {@link splitQueue}): reviews, then the learning and
 * relearning cards whose due has come (earliest first), then new cards.
 */
export function buildQueue<K extends string>(
  cards: readonly QueueCard<K>[],
  now: number,
  opts: QueueOptions = {},
): QueuePlan<K> {
  const parts = splitQueue(cards, now, opts);
  const learning = parts.learning.filter((l) => l.due <= now).map((l) => l.key);
  return {
    keys: [...parts.reviews, ...learning, ...parts.fresh],
    reviews: parts.reviews.length,
    learning: learning.length,
    newCards: parts.fresh.length,
  };
}

/**
 * When the next learning or relearning card (not suspended or removed) falls due after `now`, or
 * null if none will: the session waits for it, or ends and says when to come back.
 */
export function nextLearningDue(
  cards: readonly Pick<QueueCard, 'state' | 'due' | 'suspended' | 'removed'>[],
  now: number,
): number | null {
  let next: number | null = null;
  for (const c of cards) {
    if (c.suspended || c.removed || (c.state !== 1 && c.state !== 3) || c.due <= now) continue;
    if (next === null || c.due < next) next = c.due;
  }
  return next;
}
