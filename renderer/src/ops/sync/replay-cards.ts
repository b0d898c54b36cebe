/**
 * A synced card's state is the replay of every review known for it (`core/sync/replay.ts`): the same
 * reviews give the same state on every device, whichever answered them and in whatever order they
 * arrived. Run inside the caller's `rw` transaction on `cards`, `revlog`, `revlogDays` and
 * `questionChunks`.
 */

import {
  createAnswerer,
  newCard,
  type Rating,
  SCHEDULING_FIELDS,
  type SchedulingState,
} from '../../core/scheduler';
import type { AppSettings } from '../../core/settings';
import { resolveSchedulingSettings } from '../../core/settings';
import { newCardRow } from '../../db/repos/packs-repo';
import { readQuestions } from '../../db/repos/question-chunks';
import { readCardReviews } from '../../db/repos/revlog-repo';
import { type LecternDb, withCardIndexFields } from '../../db/schema/database';
import { DexiePromise } from '../../db/schema/middleware/derived-tables';
import { type CardKey, type CardRow, keysByPack, packOfKey, type ReviewRow } from '../../db/schema/rows';

function byTimeThenId(a: Pick<ReviewRow, 'at' | 'id'>, b: Pick<ReviewRow, 'at' | 'id'>): number {
  return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const DAY_MS = 86_400_000;

/** Card rows sent to the database per write while the rest are replayed. */
const WRITE_SLICE = 1000;

/**
 * A review-state step takes the due its answer set on its device (`dueAfter`: the load balancer's
 * choice within the fuzz range) when that is a whole number of days after the answer and within
 * the maximum interval, as the balancer's choices always are; anything else keeps the replay's.
 */
function withDueOfAnswer(
  state: SchedulingState,
  review: Pick<ReviewRow, 'at' | 'dueAfter'>,
  maximumIntervalDays: number,
): SchedulingState {
  if (state.state !== 2 || review.dueAfter === state.due) return state;
  const days = (review.dueAfter - review.at) / DAY_MS;
  if (!Number.isInteger(days) || days < 1 || days > maximumIntervalDays) return state;
  return { ...state, due: review.dueAfter, scheduledDays: days };
}

type Answerer = (card: SchedulingState, rating: Rating, now: number, cardId: string) => SchedulingState;

/** One scheduler per pack's settings, built once for a whole replay. */
function answererFor(settings: AppSettings): (key: string) => Answerer {
  const byPack = new Map<string, Answerer>();
  return (key) => {
    const pack = packOfKey(key);
    let a = byPack.get(pack);
    if (!a) {
      a = createAnswerer(resolveSchedulingSettings(settings, pack));
      byPack.set(pack, a);
    }
    return a;
  };
}

/** The columns a review-log row keeps of its replay (what the card's state was, and became). */
type ReplayedRow = Pick<
  ReviewRow,
  'id' | 'at' | 'rating' | 'dueAfter' | 'stateBefore' | 'stability' | 'difficulty'
>;

/**
 * Replays `reviews` (of one card, any order) and returns the final state; each row is given the
 * columns its step gave (`stateBefore`, `stability`, `difficulty`, `dueAfter`), in place: a merge
 * inserts its new rows with them, with no map of 100k steps between. A review's step is a function
 * of the reviews before it only.
 */
export function replayRows(
  key: string,
  reviews: readonly ReplayedRow[],
  settings: AppSettings,
  answer: Answerer = answererFor(settings)(key),
): SchedulingState | null {
  // Usually in order already (a device's reviews come in the order they were given).
  let inOrder = true;
  for (let i = 1; i < reviews.length && inOrder; i++)
    inOrder = byTimeThenId(reviews[i - 1] as ReplayedRow, reviews[i] as ReplayedRow) <= 0;
  const ordered = inOrder ? reviews : [...reviews].sort(byTimeThenId);
  const first = ordered[0];
  if (!first) return null;
  let state = newCard(first.at);
  const max = resolveSchedulingSettings(settings, packOfKey(key)).maximumIntervalDays;
  for (const r of ordered) {
    const before = state.state;
    state = withDueOfAnswer(answer(state, r.rating, r.at, key), r, max);
    r.stateBefore = before;
    r.stability = state.stability;
    r.difficulty = state.difficulty;
    r.dueAfter = state.due;
  }
  return state;
}

/**
 * Sets the state of `keys`' cards to the replay of their review-log rows (plus `extra` rows not
 * stored yet), creating the row of a question that had none. A card whose question is not stored
 * (its pack is not installed here) is left without a row: its reviews are kept. Each `extra` row not
 * stored is given the columns of its step (`replayRows`), ready to insert; `extra` holds each id once
 * (a merge's rows do). `whileWriting` runs once the card rows are on their way to the database
 * (with the ids of the stored rows read), before they are all written: a merge codes its review
 * days meanwhile (CPU time that would otherwise wait on IndexedDB's). Returns how many cards changed
 * and the ids of the stored rows read (a review already stored is not inserted again).
 */
export async function replayCards(
  db: LecternDb,
  keys: ReadonlySet<string>,
  settings: AppSettings,
  now: number,
  extra: readonly ReviewRow[] = [],
  whileWriting?: (storedIds: ReadonlySet<string>) => Promise<void>,
): Promise<{ cards: number; storedIds: Set<string> }> {
  const list = [...keys].sort() as CardKey[];
  const storedIds = new Set<string>();
  if (list.length === 0) {
    await whileWriting?.(storedIds);
    return { cards: 0, storedIds };
  }
  const [stored, cards] = await Promise.all([readCardReviews(db, list), readCardRows(db, list)]);
  const byCard = new Map<string, ReviewRow[]>();
  const add = (r: ReviewRow) => {
    const l = byCard.get(r.cardKey);
    if (l) l.push(r);
    else byCard.set(r.cardKey, [r]);
  };
  // Cards with two stored rows or more: only those can hold one id twice (a row and its day's copy);
  // the extra rows are of ids not stored, each once.
  const storedTwice = new Set<string>();
  for (const r of stored) {
    if (byCard.has(r.cardKey)) storedTwice.add(r.cardKey);
    storedIds.add(r.id);
    add(r);
  }
  // The same review id twice (stored and extra) counts once.
  for (const r of extra) if (!storedIds.has(r.id)) add(r);
  const missing = list.filter((_, i) => cards[i] === undefined);
  const questions = await readQuestions(
    db,
    missing.map((key) => ({ key, order: 0 })),
  );
  const answerer = answererFor(settings);
  // New rows are added, changed ones put: an add replaces nothing, so the chapter tallies' middleware
  // reads nothing before it and the rows go out at once. They go out a slice at a time, while the
  // next slice is replayed: the database writes one while the scheduler works on the next.
  let cardsChanged = 0;
  const writes: Promise<unknown>[] = [];
  for (let from = 0; from < list.length; from += WRITE_SLICE) {
    const created: CardRow[] = [];
    const changed: CardRow[] = [];
    for (let i = from; i < Math.min(list.length, from + WRITE_SLICE); i++) {
      const key = list[i] as CardKey;
      const reviews = byCard.get(key) ?? [];
      const unique = storedTwice.has(key) ? [...new Map(reviews.map((r) => [r.id, r])).values()] : reviews;
      const replayed = replayRows(key, unique, settings, answerer(key));
      const stored = cards[i];
      let card = stored;
      if (!card) {
        const q = questions.get(key);
        if (!q) continue;
        card = newCardRow(q.packId, q.id, q.chapterId, q.order, now);
      }
      const state = replayed ?? newCard(now);
      const next = withCardIndexFields<CardRow>({ ...card, ...state, rev: card.rev + 1 });
      if (!stored) created.push(next);
      else if (!sameState(stored, next)) changed.push(next);
    }
    cardsChanged += created.length + changed.length;
    if (created.length > 0) writes.push(db.cards.bulkAdd(created));
    if (changed.length > 0) writes.push(db.cards.bulkPut(changed));
    // Lets Dexie send them before the next slice.
    await DexiePromise.resolve();
  }

  await Promise.all([
    Promise.all(writes),
    // Once Dexie has sent the writes (its callbacks run before this one: same queue, queued first).
    whileWriting ? DexiePromise.resolve().then(() => whileWriting(storedIds)) : undefined,
  ]);
  return { cards: cardsChanged, storedIds };
}

/**
 * The card rows of `keys` (sorted), undefined where a card has none: one key-range read per pack
 * where the range holds few other rows (a merge replays most of a pack's cards: 10k lookups cost
 * ~2 s here, one range read of the same rows ~0.1 s), else a lookup per key.
 */
async function readCardRows(db: LecternDb, keys: readonly CardKey[]): Promise<(CardRow | undefined)[]> {
  if (keys.length <= 50) return db.cards.bulkGet([...keys]);
  const found = new Map<string, CardRow>();
  for (const list of keysByPack(keys).values()) {
    const range = db.cards
      .where(':id')
      .between(list[0] as string, list[list.length - 1] as string, true, true);
    const rows =
      (await range.count()) <= 4 * list.length ? await range.toArray() : await db.cards.bulkGet(list);
    for (const r of rows) if (r) found.set(r.key, r);
  }
  return keys.map((k) => found.get(k));
}

function sameState(a: CardRow, b: CardRow): boolean {
  return SCHEDULING_FIELDS.every((f) => Object.is(a[f], b[f]));
}
