/**
 * The study session's working set, in memory beside the store (the store holds UI state only; card
 * and question rows stay out of it): the session queue, the card row of every queued card, and the
 * questions read ahead so showing the next card needs no database read.
 *
 * When the queue is rebuilt from the database (`needsRebuild`):
 * - at the start of a session (a new scope is a new session);
 * - when nothing in memory is due (the queue ran out, or only learning cards not yet due are left);
 * - when the study day changed since the last build;
 * - {@link REBUILD_AFTER_MS} after the last build (so a write we did not see is picked up);
 * - after {@link invalidateStudyQueue}: the Study screen calls it whenever it is shown again (other
 *   screens — reading a chapter, importing, settings, self-tests, resetting a pack — are where other
 *   writes come from), and a refused answer (the card changed elsewhere) calls it too.
 * Between rebuilds an answer only updates the queue in memory (`requeueAnswered`). A build loads the
 * first cards only; `loadRestOfQueue` then adds the rest in the background (see `load-queue.ts`).
 */
import type { DoneToday, SessionQueue } from '../../core/queue';
import { addToQueue, createEmptyQueue } from '../../core/queue';
import type { AppSettings } from '../../core/settings';
import { readQuestions } from '../../db/repos/question-chunks';
import type { StudyItem } from '../../db/repos/study-repo';
import type { LecternDb } from '../../db/schema/database';
import type { CardKey, CardRow, QuestionRow } from '../../db/schema/rows';
import type { StudyScope } from '../../store';
import { computeStudyDayStart, loadQueueRest, loadStudyQueue, type QueueRest } from './load-queue';

const DAY_MS = 86_400_000;

/** A queue older than this is rebuilt at the next card. */
export const REBUILD_AFTER_MS = 5 * 60_000;

/** One session's working set. */
export interface SessionRuntime {
  /** The store's session id this belongs to. */
  id: number;
  db: LecternDb;
  scope: StudyScope;
  queue: SessionQueue<CardKey>;
  /** Card rows of queued cards (and of the card on screen). */
  cards: Map<CardKey, CardRow>;
  /** Keys in `cards` whose row is not stored yet (questions never studied: rev 0). */
  unstored: Set<CardKey>;
  /** Keys in `unstored` not checked against the database yet (see `verifyRows`). */
  unverified: Set<CardKey>;
  /** The packs (and chapter) the queue covers. */
  packIds: string[];
  chapterId?: string;
  /** Questions read so far (the queue's new ones, then each next card's, read ahead). */
  questions: Map<CardKey, QuestionRow>;
  /** Reads in flight, by key. */
  reading: Map<CardKey, Promise<void>>;
  /** Settings the queue was built with (also used to schedule answers until the next rebuild). */
  settings: AppSettings | null;
  dayStart: number;
  builtAt: number;
  /** Set when the database may have changed behind the queue's back. */
  stale: boolean;
  /** Bumped by every build: a background load of an older build is dropped. */
  generation: number;
  /** What the build left to load, until `loadRestOfQueue` takes it. */
  rest: QueueRest | null;
  /** The background load in flight (or done) of the current build. */
  loading: Promise<void> | null;
  /** Cards answered or suspended since the build: a page loaded after must not bring them back. */
  touched: Set<CardKey>;
  /** An answer is being written (the store's `busy` follows only if it takes long: no render for a quick one). */
  writing: boolean;
}

let current: SessionRuntime | null = null;

/**
 * What was answered today, by pack, kept up to date by this screen's own answers so a rebuild need
 * not read today's review log (which grows with every answer). Dropped when a session starts, whenever
 * something else may have written (`invalidateStudyQueue`), on an undo, and on a new study day.
 */
let doneCache: { db: LecternDb; dayStart: number; counts: Record<string, DoneToday> } | null = null;

/** Counts an answer just written into today's answers (as `reviewsDoneToday` would count its log row). */
export function countAnswerToday(db: LecternDb, packId: string, stateBefore: number, at: number): void {
  if (!doneCache || doneCache.db !== db || at < doneCache.dayStart || at >= doneCache.dayStart + DAY_MS)
    return;
  const d = doneCache.counts[packId] ?? { newDone: 0, reviewsDone: 0 };
  if (stateBefore === 0) d.newDone++;
  else if (stateBefore === 2) d.reviewsDone++;
  doneCache.counts[packId] = d;
}

/** Forgets today's answer counts (an undo removed a log row): the next build reads them. */
export function forgetDoneToday(): void {
  doneCache = null;
}

/** The working set of session `id` on `db`, created empty (and stale) if it is not the current one. */
export function runtimeOf(id: number, db: LecternDb, scope: StudyScope): SessionRuntime {
  if (current && current.id === id && current.db === db) return current;
  current = {
    id,
    db,
    scope: { ...scope },
    queue: createEmptyQueue(),
    cards: new Map(),
    unstored: new Set(),
    unverified: new Set(),
    packIds: [],
    questions: new Map(),
    reading: new Map(),
    settings: null,
    dayStart: 0,
    builtAt: 0,
    stale: true,
    generation: 0,
    rest: null,
    loading: null,
    touched: new Set(),
    writing: false,
  };
  return current;
}

/** The working set of session `id`, if it is the current one. */
export function peekRuntime(id: number): SessionRuntime | null {
  return current && current.id === id ? current : null;
}

/** Marks the current session's queue (and settings) as to be re-read at the next card. */
export function invalidateStudyQueue(): void {
  doneCache = null;
  if (!current) return;
  current.stale = true;
  current.settings = null;
}

/** Whether the queue must be re-read from the database before picking a card at `now`. */
export function needsRebuild(rt: SessionRuntime, now: number): boolean {
  if (rt.stale || !rt.settings) return true;
  if (now - rt.builtAt >= REBUILD_AFTER_MS || now < rt.builtAt) return true;
  return computeStudyDayStart(now, rt.settings) !== rt.dayStart;
}

/** Rebuilds the queue from the database at `now` (keeps the questions already read of cards it held). */
export async function rebuildQueue(rt: SessionRuntime, settings: AppSettings, now: number): Promise<void> {
  const dayStart = computeStudyDayStart(now, settings);
  const known =
    doneCache && doneCache.db === rt.db && doneCache.dayStart === dayStart ? doneCache.counts : null;
  const built = await loadStudyQueue(rt.db, rt.scope, now, settings, known ? { doneToday: known } : {});
  doneCache = { db: rt.db, dayStart: built.dayStart, counts: structuredClone(built.allDoneToday) };
  // Questions already read stay while their card may still come (queued now, or with the rest).
  const questions = new Map(built.questions);
  for (const [key, q] of rt.questions) if (!questions.has(key) && rt.cards.has(key)) questions.set(key, q);
  rt.queue = built.queue;
  rt.cards = built.cards;
  rt.unstored = built.unstored;
  rt.unverified = built.unverified;
  rt.packIds = built.rest.packIds;
  rt.chapterId = built.rest.chapterId;
  rt.questions = questions;
  rt.settings = settings;
  rt.dayStart = built.dayStart;
  rt.builtAt = now;
  rt.stale = false;
  rt.generation++;
  rt.rest = built.rest;
  rt.loading = null;
  rt.touched = new Set();
}

/**
 * Loads the rest of the current build's queue in the background (after a macrotask, so the card
 * being shown paints first), adding each page to the queue in memory; `onLoaded` runs once all
 * joined. Returns the load in flight (the same promise when called again).
 */
export function loadRestOfQueue(rt: SessionRuntime, now: () => number, onLoaded: () => void): Promise<void> {
  if (rt.loading) return rt.loading;
  const rest = rt.rest;
  if (!rest) return Promise.resolve();
  rt.rest = null;
  const generation = rt.generation;
  const live = () => rt.generation === generation && current === rt;
  rt.loading = new Promise<void>((resolve) => setTimeout(resolve, 0))
    .then(() =>
      loadQueueRest(rt.db, rest, (page) => {
        if (!live()) return false;
        for (const row of page.rows)
          if (!rt.touched.has(row.key) && rt.unverified.has(row.key)) rememberRow(rt, row);
        for (const key of page.verified) rt.unverified.delete(key);
        for (const c of [...page.reviews, ...page.learning])
          if (!rt.touched.has(c.key) && !rt.cards.has(c.key)) rememberRow(rt, c);
        rt.queue = addToQueue(
          rt.queue,
          { reviews: page.reviews, learning: page.learning.map((c) => ({ key: c.key, due: c.due })) },
          (key) => rt.cards.get(key),
          now(),
          rt.touched,
        );
        return true;
      }),
    )
    .then(() => {
      if (live()) onLoaded();
    })
    .catch(() => {
      // What could not be loaded now is loaded by the next build (the queue goes stale).
      if (live()) rt.stale = true;
    });
  return rt.loading;
}

/** Resolves once the current session's queue is fully loaded (for tests and for "nothing due" checks). */
export function whenQueueLoaded(id: number): Promise<void> {
  const rt = peekRuntime(id);
  return rt?.loading ?? Promise.resolve();
}

/**
 * Reads the questions of `keys` not read yet (one read for all, by chunk), using the orders of their
 * card rows; resolves when every one of them is in `rt.questions` (or is not stored).
 */
export function readAhead(rt: SessionRuntime, keys: readonly CardKey[]): Promise<void> {
  const waits: Promise<void>[] = [];
  const refs: Array<{ key: CardKey; order: number }> = [];
  for (const key of keys) {
    if (rt.questions.has(key)) continue;
    const inFlight = rt.reading.get(key);
    if (inFlight) {
      waits.push(inFlight);
      continue;
    }
    const card = rt.cards.get(key);
    if (card) refs.push({ key, order: card.order });
  }
  if (refs.length > 0) {
    const read = readQuestions(rt.db, refs).then((found) => {
      for (const [key, q] of found) rt.questions.set(key, q);
      for (const r of refs) rt.reading.delete(r.key);
    });
    // A failed read leaves the keys unread: showing the card reads again (and reports it).
    const settled = read.catch(() => {
      for (const r of refs) rt.reading.delete(r.key);
    });
    for (const r of refs) rt.reading.set(r.key, settled);
    waits.push(read);
  }
  return Promise.all(waits).then(() => undefined);
}

/** The card on screen's row and question, when both are in memory. */
export function peekStudyItem(id: number, key: CardKey): StudyItem | null {
  const rt = peekRuntime(id);
  const card = rt?.cards.get(key);
  const question = rt?.questions.get(key);
  return card && question && rt ? { card, question, stored: !rt.unstored.has(key) } : null;
}

/** Keeps a card row as stored in the database (just read or just written). */
export function rememberRow(rt: SessionRuntime, row: CardRow): void {
  rt.cards.set(row.key, row);
  rt.unstored.delete(row.key);
  rt.unverified.delete(row.key);
}

/**
 * Reads the rows of `keys` among the new questions not checked yet (one get each): a question
 * flagged, or whose first answer was undone, has a state-0 row whose rev the answer must carry.
 */
export async function verifyRows(rt: SessionRuntime, keys: readonly CardKey[]): Promise<void> {
  const todo = keys.filter((k) => rt.unverified.has(k));
  if (todo.length === 0) return;
  const rows = await rt.db.cards.bulkGet(todo);
  rows.forEach((row, i) => {
    const key = todo[i] as CardKey;
    if (!rt.unverified.has(key)) return;
    if (row && !rt.touched.has(key)) rememberRow(rt, row);
    rt.unverified.delete(key);
  });
}

/**
 * The card row of `key` as the screen has it, for a one-round-trip answer: the stored row, null when
 * the question has no row yet, undefined when not known.
 */
export function shownRowOf(rt: SessionRuntime, key: CardKey): CardRow | null | undefined {
  return rt.unstored.has(key) ? null : rt.cards.get(key);
}

/** Forgets a card that left the queue (its row and question). */
export function forgetCard(rt: SessionRuntime, key: CardKey): void {
  rt.cards.delete(key);
  rt.unstored.delete(key);
  rt.unverified.delete(key);
  rt.questions.delete(key);
}
