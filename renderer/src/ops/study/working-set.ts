/**
 * A study session's working set, in memory (the store holds only what the screen shows): the
 * session queue, the card row of every queued card, and the questions read ahead so showing the
 * next card needs no database read.
 *
 * The queue is read from the database again (see `needsRebuild` in `core/study`) at the start of a
 * session, when a write the session did not make touched what it is made of (`freshness.ts`), when
 * the study day changed, and when nothing in memory is due. Between rebuilds an answer only updates
 * the queue in memory (`requeueAnswered`). A build loads the first cards only; `loadRest` then adds
 * the rest in the background (see `load-queue.ts`).
 */
import type { DoneToday, SessionQueue } from '../../core/queue';
import { addToQueue, createEmptyQueue, peekNextCards } from '../../core/queue';
import type { AppSettings } from '../../core/settings';
import { type NewRaises, needsRebuild, type StudyScope } from '../../core/study';
import { readQuestions } from '../../db/repos/question-chunks';
import { loadStudyItems, type StudyItem } from '../../db/repos/study-repo';
import type { LecternDb } from '../../db/schema/database';
import type { CardKey, CardRow, QuestionRow } from '../../db/schema/rows';
import { computeStudyDayStart, loadQueueRest, loadStudyQueue, type QueueRest } from './load-queue';

const DAY_MS = 86_400_000;

/** One session's cards and questions in memory. */
export class WorkingSet {
  queue: SessionQueue<CardKey> = createEmptyQueue();
  /** Card rows of queued cards (and of the card on screen). */
  cards = new Map<CardKey, CardRow>();
  /** Keys in `cards` whose row is not stored yet (questions never studied: rev 0). */
  unstored = new Set<CardKey>();
  /** Keys in `unstored` not checked against the database yet (see `verifyRows`). */
  unverified = new Set<CardKey>();
  /** The packs (and chapter) the queue covers. */
  packIds: string[] = [];
  chapterId: string | undefined;
  /** Questions read so far (the queue's new ones, then each next card's, read ahead). */
  questions = new Map<CardKey, QuestionRow>();
  /** Reads in flight, by key. */
  private reading = new Map<CardKey, Promise<void>>();
  /** Settings the queue was built with (also used to schedule answers until the next rebuild). */
  settings: AppSettings | null = null;
  dayStart = 0;
  builtAt = 0;
  /** Set when the database may have changed behind the queue's back. */
  stale = true;
  /** Bumped by every build: a background load of an older build is dropped. */
  private generation = 0;
  /** What the build left to load, until `loadRest` takes it. */
  private rest: QueueRest | null = null;
  /** The background load in flight (or done) of the current build. */
  loading: Promise<void> | null = null;
  /** Cards answered or suspended since the build: a page loaded after must not bring them back. */
  touched = new Set<CardKey>();
  /** Set when the session ended: a late background page is dropped. */
  closed = false;
  /**
   * What was answered today, by pack, kept up to date by the session's own answers so a rebuild
   * need not read today's review log (which grows with every answer). Dropped whenever something
   * else wrote, on an undo, and on a new study day.
   */
  private doneToday: { dayStart: number; counts: Record<string, DoneToday> } | null = null;
  /** Bumped by every write from elsewhere (a build that saw one go by is stale at once). */
  private changes = 0;

  constructor(
    readonly db: LecternDb,
    readonly scope: StudyScope,
  ) {}

  /** Something else wrote: re-read the queue, the settings and today's answers at the next card. */
  markStale(): void {
    this.changes++;
    this.stale = true;
    this.settings = null;
    this.doneToday = null;
  }

  /** Forgets today's answer counts (an undo removed a log row): the next build reads them. */
  forgetDoneToday(): void {
    this.doneToday = null;
  }

  /** Counts an answer just written into today's answers (as `reviewsDoneToday` would count its log row). */
  countAnswerToday(packId: string, stateBefore: number, at: number): void {
    const done = this.doneToday;
    if (!done || at < done.dayStart || at >= done.dayStart + DAY_MS) return;
    const d = done.counts[packId] ?? { newDone: 0, reviewsDone: 0 };
    if (stateBefore === 0) d.newDone++;
    else if (stateBefore === 2) d.reviewsDone++;
    done.counts[packId] = d;
  }

  /** Whether the queue must be re-read from the database before picking a card at `now`. */
  needsRebuild(now: number): boolean {
    if (!this.settings) return true;
    return needsRebuild(this, now, computeStudyDayStart(now, this.settings));
  }

  /** Rebuilds the queue from the database at `now` (keeps the questions already read of cards it held). */
  async rebuild(settings: AppSettings, now: number, raises: NewRaises): Promise<void> {
    const dayStart = computeStudyDayStart(now, settings);
    const known = this.doneToday && this.doneToday.dayStart === dayStart ? this.doneToday.counts : null;
    const seen = this.changes;
    const built = await loadStudyQueue(this.db, this.scope, now, settings, {
      raises,
      ...(known ? { doneToday: known } : {}),
    });
    this.doneToday = { dayStart: built.dayStart, counts: structuredClone(built.allDoneToday) };
    // Questions already read stay while their card may still come (queued now, or with the rest).
    const questions = new Map(built.questions);
    for (const [key, q] of this.questions)
      if (!questions.has(key) && this.cards.has(key)) questions.set(key, q);
    this.queue = built.queue;
    this.cards = built.cards;
    this.unstored = built.unstored;
    this.unverified = built.unverified;
    this.packIds = built.rest.packIds;
    this.chapterId = built.rest.chapterId;
    this.questions = questions;
    this.settings = settings;
    this.dayStart = built.dayStart;
    this.builtAt = now;
    this.generation++;
    this.rest = built.rest;
    this.loading = null;
    this.touched = new Set();
    this.stale = false;
    // A write from elsewhere while it was read: what was read may predate it.
    if (this.changes !== seen) this.markStale();
  }

  /**
   * Loads the rest of the current build's queue in the background (after a macrotask, so the card
   * being shown paints first), adding each page to the queue in memory; `onLoaded` runs once all
   * joined. Returns the load in flight (the same promise when called again).
   */
  loadRest(now: () => number, onLoaded: () => void): Promise<void> {
    if (this.loading) return this.loading;
    const rest = this.rest;
    if (!rest) return Promise.resolve();
    this.rest = null;
    const generation = this.generation;
    const live = () => this.generation === generation && !this.closed;
    this.loading = new Promise<void>((resolve) => setTimeout(resolve, 0))
      .then(() =>
        loadQueueRest(this.db, rest, (page) => {
          if (!live()) return false;
          for (const row of page.rows)
            if (!this.touched.has(row.key) && this.unverified.has(row.key)) this.remember(row);
          for (const key of page.verified) this.unverified.delete(key);
          for (const c of [...page.reviews, ...page.learning])
            if (!this.touched.has(c.key) && !this.cards.has(c.key)) this.remember(c);
          this.queue = addToQueue(
            this.queue,
            { reviews: page.reviews, learning: page.learning.map((c) => ({ key: c.key, due: c.due })) },
            (key) => this.cards.get(key),
            now(),
            this.touched,
          );
          return true;
        }),
      )
      .then(() => {
        if (live()) onLoaded();
      })
      .catch(() => {
        // What could not be loaded now is loaded by the next build (the queue goes stale).
        if (live()) this.stale = true;
      });
    return this.loading;
  }

  /**
   * Reads the questions of `keys` not read yet (one read for all, by chunk), using the orders of
   * their card rows; resolves when every one of them is in `questions` (or is not stored).
   */
  readAhead(keys: readonly CardKey[]): Promise<void> {
    const waits: Promise<void>[] = [];
    const refs: Array<{ key: CardKey; order: number }> = [];
    for (const key of keys) {
      if (this.questions.has(key)) continue;
      const inFlight = this.reading.get(key);
      if (inFlight) {
        waits.push(inFlight);
        continue;
      }
      const card = this.cards.get(key);
      if (card) refs.push({ key, order: card.order });
    }
    if (refs.length > 0) {
      const read = readQuestions(this.db, refs).then((found) => {
        for (const [key, q] of found) this.questions.set(key, q);
        for (const r of refs) this.reading.delete(r.key);
      });
      // A failed read leaves the keys unread: showing the card reads again (and reports it).
      const settled = read.catch(() => {
        for (const r of refs) this.reading.delete(r.key);
      });
      for (const r of refs) this.reading.set(r.key, settled);
      waits.push(read);
    }
    return Promise.all(waits).then(() => undefined);
  }

  /** The card's row and question, when both are in memory. */
  peekItem(key: CardKey): StudyItem | null {
    const card = this.cards.get(key);
    const question = this.questions.get(key);
    return card && question ? { card, question, stored: !this.unstored.has(key) } : null;
  }

  /** Keeps a card row as stored in the database (just read or just written). */
  remember(row: CardRow): void {
    this.cards.set(row.key, row);
    this.unstored.delete(row.key);
    this.unverified.delete(row.key);
  }

  /** Reads a card and its question from the database at `now` (stored or not) and keeps them; null when the question is gone. */
  async loadItem(key: CardKey, now: number): Promise<StudyItem | null> {
    const [item] = await loadStudyItems(this.db, [{ key, order: this.cards.get(key)?.order ?? 0 }], now);
    if (!item || this.closed) return item ?? null;
    if (item.stored) this.remember(item.card);
    else {
      this.cards.set(key, item.card);
      this.unstored.add(key);
    }
    this.questions.set(key, item.question);
    return item;
  }

  /** Reads ahead the rows and questions of the cards most likely to follow `current` at `now`. */
  async readAheadAfter(current: CardKey, now: number): Promise<void> {
    const next = peekNextCards(this.queue, now, 2, current);
    await Promise.all([this.readAhead(next), this.verifyRows(next)]);
  }

  /**
   * Reads the rows of `keys` among the new questions not checked yet (one get each): a question
   * flagged, or whose first answer was undone, has a state-0 row whose rev the answer must carry.
   */
  async verifyRows(keys: readonly CardKey[]): Promise<void> {
    const todo = keys.filter((k) => this.unverified.has(k));
    if (todo.length === 0) return;
    const rows = await this.db.cards.bulkGet(todo);
    rows.forEach((row, i) => {
      const key = todo[i] as CardKey;
      if (!this.unverified.has(key)) return;
      if (row && !this.touched.has(key)) this.remember(row);
      this.unverified.delete(key);
    });
  }

  /**
   * The card row of `key` as the screen has it, for a one-round-trip answer: the stored row, null
   * when the question has no row yet, undefined when not known.
   */
  shownRow(key: CardKey): CardRow | null | undefined {
    return this.unstored.has(key) ? null : this.cards.get(key);
  }

  /** Where the card's row places it (for a first write, which creates the row). */
  placeOf(key: CardKey): { chapterId: string; order: number } | undefined {
    const card = this.cards.get(key);
    return card ? { chapterId: card.chapterId, order: card.order } : undefined;
  }

  /** Forgets a card that left the queue (its row and question). */
  forget(key: CardKey): void {
    this.cards.delete(key);
    this.unstored.delete(key);
    this.unverified.delete(key);
    this.questions.delete(key);
  }
}
