/**
 * One study session: the pure state machine (`core/study`) driven by the session's IO — the queue
 * and card rows in memory (`working-set.ts`), the answer written through `study-repo` (one
 * transaction, awaited until committed before the answer counts; refused when the card changed
 * since it was shown), undo from what the session kept, and freshness from the database's change
 * events (`freshness.ts`). After every move it publishes what the screen shows to the store.
 * A session that is no longer the current one (`close`) drops late results.
 */

import { markPhase } from '../../app/perf';
import type { AnswerResponse, Grade } from '../../core/grading';
import type { Question } from '../../core/pack/schema';
import { countQueued, removeQueuedCard, requeueAnswered, returnToFront } from '../../core/queue';
import type { Rating } from '../../core/scheduler';
import type { AppSettings } from '../../core/settings';
import type { NewRaises, StudyScope, StudyState } from '../../core/study';
import * as study from '../../core/study';
import { getSettings } from '../../db/repos/settings-repo';
import { answerCard, type StudyItem, setFlagged, setSuspended } from '../../db/repos/study-repo';
import type { LecternDb } from '../../db/schema/database';
import type { CardKey } from '../../db/schema/rows';
import type { SessionView } from '../../store/session-slice';
import { dueLoadFor, noteRescheduled } from '../scheduling/due-load';
import { type WriteWatch, watchQueueWrites } from './freshness';
import { resolveCardSettings } from './load-queue';
import { chooseNextStep, type NextStep } from './next-step';
import { type AnswerUndo, type ReviewId, undoAnswer } from './undo-answer';
import { WorkingSet } from './working-set';

/** What a session needs from outside: the database and a clock. */
export interface StudyDeps {
  db: LecternDb;
  now: () => number;
}

/** Where a session shows itself, and what it reads of the app (today's raised limits). */
export interface SessionHost {
  show(view: SessionView): void;
  raises(): NewRaises;
}

/** The answer's write shows as busy (buttons disabled) only when it takes longer than this. */
const SHOW_BUSY_AFTER_MS = 150;

/** The answer was saved, but the next card could not be loaded. */
export class NextCardError extends Error {
  constructor(cause: unknown) {
    super(
      `Your answer was saved, but the next card could not be loaded: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
    this.name = 'NextCardError';
  }
}

export class StudySession {
  private state: StudyState<CardKey, AnswerUndo>;
  private readonly ws: WorkingSet;
  private readonly watch: WriteWatch;
  private readonly db: LecternDb;
  private readonly now: () => number;
  /** A write is slow: shown as busy. */
  private busy = false;
  /** An answer is being written (`busy` follows only if it takes long: no render for a quick one). */
  private writing = false;
  private closed = false;

  constructor(
    deps: StudyDeps,
    private readonly host: SessionHost,
    readonly id: number,
    readonly scope: StudyScope,
  ) {
    this.db = deps.db;
    this.now = deps.now;
    this.state = study.createStudyState(this.now());
    this.ws = new WorkingSet(this.db, { ...scope });
    this.watch = watchQueueWrites(this.db.name, () => this.ws.markStale());
    this.publish();
  }

  /** Ends this session's life: it stops watching the database and drops late results. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.ws.closed = true;
    this.watch.close();
  }

  /** Whether it is still the app's current session. */
  get isOpen(): boolean {
    return !this.closed;
  }

  /** Whether it is loading, studying or waiting (not ended). */
  get isActive(): boolean {
    const s = this.state.status;
    return !this.closed && (s === 'loading' || s === 'studying' || s === 'waiting');
  }

  /** A write of the session is in flight (an answer being written, or a busy action). */
  isBusy(): boolean {
    return this.busy || this.writing;
  }

  private publish(): void {
    if (this.closed) return;
    const { undo, lastKey: _l, startedAt: _s, ...shown } = this.state;
    this.host.show({ ...shown, id: this.id, scope: this.scope, canUndo: undo.length > 0, busy: this.busy });
  }

  private set(state: StudyState<CardKey, AnswerUndo>): void {
    if (state === this.state) return;
    this.state = state;
    this.publish();
  }

  private async readSettings(): Promise<AppSettings> {
    return this.ws.settings ?? (await getSettings(this.db)).settings;
  }

  /** Shows the next card of the queue or, with nothing due, waits for the next learning card or ends. */
  async showNext(): Promise<void> {
    if (this.closed) return;
    const step = await this.chooseNext(this.state.lastKey);
    if (this.closed) return;
    this.applyStep(step);
    this.continueLoading();
  }

  /** The next step (see `next-step.ts`), avoiding `avoid` while anything else is due. */
  private async chooseNext(avoid: CardKey | null): Promise<NextStep> {
    return chooseNextStep(this.ws, await this.readSettings(), this.host.raises(), this.now, avoid);
  }

  /** Puts `step` on screen (with busy cleared), in one store update. */
  private applyStep(step: NextStep): void {
    const ws = this.ws;
    this.busy = false;
    if (step.kind === 'show') {
      const card = ws.cards.get(step.key);
      if (!card) return;
      const now = this.now();
      this.state = study.showCard(this.state, card, countQueued(ws.queue, now), now);
    } else if (step.kind === 'wait') {
      this.state = study.waitForLearning(this.state, step.until, ws.queue.learning.length);
    } else this.state = study.completeSession(this.state);
    this.publish();
  }

  /** Starts loading the rest of the queue (if the last build left some); the counts follow when it is in. */
  private continueLoading(): void {
    void this.ws.loadRest(this.now, () => {
      if (this.state.status === 'studying' && !this.busy)
        this.set({ ...this.state, left: countQueued(this.ws.queue, this.now()) });
    });
  }

  /** Resolves once the queue is fully loaded (for tests and for "nothing due" checks). */
  whenQueueLoaded(): Promise<void> {
    return this.ws.loading ?? Promise.resolve();
  }

  /** The card's row and question, when both are in memory (the card on screen normally is). */
  peekItem(key: CardKey): StudyItem | null {
    return this.ws.peekItem(key);
  }

  /**
   * The card on screen read from the database, when it is not in memory (rare: the prefetch and
   * the queue normally hold it). Null when its question is no longer stored.
   */
  loadShownItem(key: CardKey): Promise<StudyItem | null> {
    return this.ws.loadItem(key, this.now());
  }

  /**
   * Reads ahead the question of the card most likely to come next (the first due one besides the
   * card on screen), so showing it after the answer needs no database read. Call once the card is painted.
   */
  async prefetchUpcoming(): Promise<void> {
    const current = this.state.current;
    if (!this.closed && current) await this.ws.readAheadAfter(current.key, this.now());
  }

  /** Shows a flashcard's back. */
  revealAnswer(): void {
    this.set(study.revealAnswer(this.state));
  }

  /** Shows the question's hint: a right answer will then be rated Hard. */
  showHint(): void {
    this.set(study.showHint(this.state));
  }

  /** A message about the session (e.g. "Choose an answer first."). */
  say(message: string | null): void {
    this.set(study.setMessage(this.state, message));
  }

  /**
   * Grades a submitted answer (nothing is written yet): the grade, the rating the app suggests and
   * the one "I guessed" would give are kept until the student confirms.
   */
  submitAnswer(question: Question, response: AnswerResponse, now = this.now()): Grade | null {
    if (this.isBusy()) return null;
    const moved = study.submitAnswer(this.state, question, response, now);
    if (!moved) return null;
    this.set(moved.state);
    return moved.grade;
  }

  /** "I was right": a typed or cloze answer marked wrong counts as right (written once confirmed). */
  overrideAnswer(): void {
    this.set(study.overrideAnswer(this.state));
  }

  /** Confirms the pending answer with its suggested rating, or with "I guessed", and writes it. */
  confirmAnswer(choice: 'suggested' | 'guessed'): Promise<void> {
    const answer = study.confirmAnswer(this.state, choice);
    return answer ? this.writeAnswer(answer) : Promise.resolve();
  }

  /** Rates a revealed flashcard (self-graded, 1–4) and writes the answer. */
  rateFlashcard(question: Question, rating: Rating): Promise<void> {
    const answer = study.rateFlashcard(this.state, question, rating, this.now());
    return answer ? this.writeAnswer(answer) : Promise.resolve();
  }

  private async writeAnswer(a: study.AnswerToWrite<CardKey>): Promise<void> {
    const shown = this.state.current;
    if (this.closed || !shown || shown.key !== a.key || this.isBusy()) return;
    const ws = this.ws;
    markPhase('lectern:answer:start');
    // Guarded at once, but shown as busy (a render) only if the write is slow.
    this.writing = true;
    const showBusy = setTimeout(() => {
      if (this.writing && !this.busy) {
        this.busy = true;
        this.publish();
      }
    }, SHOW_BUSY_AFTER_MS);
    try {
      const settings = await this.readSettings();
      const now = this.now();
      const load = await dueLoadFor(this.db, a.key.slice(0, a.key.indexOf(':')), now, settings.dayStartHour);
      // Resolves once the transaction has committed: only then does the answer count as saved.
      const result = await this.watch.own([a.key], () =>
        answerCard(this.db, {
          key: a.key,
          shownRev: a.shownRev,
          place: ws.placeOf(a.key),
          shownRow: ws.shownRow(a.key),
          rating: a.rating,
          grade: a.grade,
          response: a.response,
          responseMs: a.responseMs,
          ...(a.overridden ? { overridden: true } : {}),
          now,
          settings: resolveCardSettings(settings, a.key),
          load,
        }),
      );
      if (!result.ok) {
        this.writing = false;
        await this.recoverRefusedAnswer(a.key, result.error.code, result.error.message);
        return;
      }
      const { card, review, before } = result.value;
      ws.countAnswerToday(card.packId, review.stateBefore, review.at);
      noteRescheduled(card.packId, before, card);
      ws.touched.add(a.key);
      ws.queue = requeueAnswered(ws.queue, a.key, card.state, card.due);
      if (card.state === 1 || card.state === 3) ws.remember(card);
      else ws.forget(a.key);
      const undo: AnswerUndo = { before, reviewId: review.id as ReviewId, dueAfter: review.dueAfter };
      let step: NextStep;
      try {
        step = await this.chooseNext(a.key);
      } catch (err) {
        this.set(study.recordAnswer(this.state, a, undo, now));
        throw new NextCardError(err);
      }
      if (this.closed) return;
      this.writing = false;
      // One render: the answer counted, the next card shown, busy (if it was shown) cleared.
      this.state = study.recordAnswer(this.state, a, undo, now);
      this.applyStep(step);
      this.continueLoading();
    } finally {
      clearTimeout(showBusy);
      this.writing = false;
      if (this.busy) {
        this.busy = false;
        this.publish();
      }
    }
  }

  /** A refused answer: a changed card is shown again as it is now; a missing or removed one is skipped. */
  private async recoverRefusedAnswer(key: CardKey, code: string, reason: string): Promise<void> {
    // Something else wrote: the queue is re-read at the next card.
    this.ws.stale = true;
    const item = code === 'stale' ? await this.loadShownItem(key) : null;
    if (item && !item.card.suspended && !item.card.removed) {
      const shown = study.showCard(this.state, item.card, this.state.left, this.now());
      this.set(
        study.setMessage(
          shown,
          `Your answer was not saved: ${reason} The card has been reloaded; please answer it again.`,
        ),
      );
      return;
    }
    this.ws.queue = removeQueuedCard(this.ws.queue, key);
    this.ws.forget(key);
    this.say(`Your answer was not saved: ${reason} Moving on to the next card.`);
    await this.showNext();
  }

  /**
   * Undoes the last answer (the card goes back to how it was and its review row is removed) or the
   * last suspension, and shows that card again. Returns false when there was nothing to undo.
   */
  async undoLast(): Promise<boolean> {
    const entry = study.peekUndo(this.state);
    if (this.closed || this.isBusy() || !entry) return false;
    const before = this.state;
    this.busy = true;
    this.set(study.popUndo(this.state));
    const ws = this.ws;
    try {
      if (entry.kind === 'answer') ws.forgetDoneToday();
      const result = await this.watch.own([entry.key], () =>
        entry.kind === 'answer'
          ? undoAnswer(this.db, entry.key, entry.before)
          : setSuspended(this.db, entry.key, false, ws.placeOf(entry.key), this.now()),
      );
      if (!result.ok) {
        // Nothing changed: the action stays undoable.
        this.state = study.setMessage(before, `Could not undo: ${result.error.message}`);
        return false;
      }
      const card = result.value;
      ws.queue = returnToFront(ws.queue, entry.key, card.state, card.due, this.now());
      ws.remember(card);
      await ws.readAhead([entry.key]);
      if (this.closed) return true;
      if (!ws.cards.has(entry.key) || !ws.questions.has(entry.key)) {
        this.state = study.setMessage(this.state, 'Undone, but that question is no longer stored.');
        return true;
      }
      this.applyStep({ kind: 'show', key: entry.key });
      this.state = study.setMessage(
        this.state,
        entry.kind === 'answer' ? 'Answer undone: the card is back as it was.' : 'Unsuspended.',
      );
      return true;
    } finally {
      this.busy = false;
      this.publish();
    }
  }

  /** Suspends the card on screen (it leaves the queue, keeps its progress) and shows the next one. */
  async suspendCurrent(): Promise<void> {
    const key = this.state.current?.key;
    if (this.closed || !key || this.isBusy()) return;
    const ws = this.ws;
    const result = await this.watch.own([key], () =>
      setSuspended(this.db, key, true, ws.placeOf(key), this.now()),
    );
    if (!result.ok) {
      this.say(`Could not suspend: ${result.error.message}`);
      return;
    }
    ws.touched.add(key);
    ws.queue = removeQueuedCard(ws.queue, key);
    ws.forget(key);
    this.set(study.recordSuspend(this.state, key));
    await this.showNext();
  }

  /** Flags or unflags the card on screen; the card's new revision becomes the one shown. */
  async setCurrentFlag(flagged: boolean): Promise<void> {
    const key = this.state.current?.key;
    if (this.closed || !key) return;
    const ws = this.ws;
    const result = await this.watch.own([key], () =>
      setFlagged(this.db, key, flagged, ws.placeOf(key), this.now()),
    );
    if (!result.ok) {
      this.say(`Could not flag: ${result.error.message}`);
      return;
    }
    if (result.value.rev > 0) ws.remember(result.value);
    if (this.state.current?.key === key)
      this.set(
        study.setMessage(
          study.updateShownRev(this.state, key, result.value.rev),
          flagged ? 'Flagged.' : 'Flag removed.',
        ),
      );
  }

  /** Ends the session now (the card on screen, not answered, is not written) and shows the summary. */
  finish(): void {
    if (this.isBusy()) return;
    this.set(study.finishSession(this.state));
  }
}
