/**
 * What the study screen does, as plain async functions over the store and the database (so the
 * whole flow runs in unit tests without a DOM): start, show the next card, grade, write the answer
 * through `study-repo` (one transaction, awaited until committed before the answer counts; refused
 * when the card changed since it was shown), undo, suspend, flag. The queue lives in memory between
 * answers (`session-runtime.ts` says when it is re-read); the next card's question is read ahead, so
 * showing it needs no database read. Every function checks that its session is still the current one
 * before writing to the store, so a late result of an abandoned session is dropped.
 */

import { markPhase } from '../../app/perf';
import { type AnswerResponse, type Grade, gradeAnswer, ratingFor } from '../../core/grading';
import type { Question } from '../../core/pack/schema';
import {
  countQueued,
  nextQueuedLearning,
  peekNextCards,
  pickNextCard,
  removeQueuedCard,
  requeueAnswered,
} from '../../core/queue';
import type { Rating } from '../../core/scheduler';
import type { AppSettings } from '../../core/settings';
import type { LecternDb } from '../../db/db';
import type { CardKey, CardRow } from '../../db/rows';
import { getSettings } from '../../db/settings-repo';
import { answerCard, loadNextLearningDue, loadStudyItems } from '../../db/study-repo';
import { useAppStore } from '../../store';
import type { StudyScope } from '../../store/session-slice';
import { createShowingSeed } from '../questions/draft';
import { resolveCardSettings } from './load-queue';
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
  shownRowOf,
  verifyRows,
} from './session-runtime';

/** What the controller needs from outside: the database and a clock. */
export interface StudyDeps {
  db: LecternDb;
  now: () => number;
}

const store = () => useAppStore.getState();
const session = () => store().session;

async function readSettings(db: LecternDb): Promise<AppSettings> {
  return (await getSettings(db)).settings;
}

/** A write of the current session is in flight (an answer being written, or a busy action). */
export function isStudyBusy(): boolean {
  const s = session();
  return s.busy || peekRuntime(s.id)?.writing === true;
}

/** The answer's write shows as busy (buttons disabled) only when it takes longer than this. */
const SHOW_BUSY_AFTER_MS = 150;

/** The working set of the current session (created stale if missing, e.g. after a reload of this module). */
export function runtimeFor(deps: StudyDeps, id: number): SessionRuntime {
  return runtimeOf(id, deps.db, session().id === id ? session().scope : {});
}

/** Starts a new session over `scope` and shows its first card. Returns the session id. */
export async function startStudy(deps: StudyDeps, scope: StudyScope): Promise<number> {
  const id = store().beginSession(scope, deps.now());
  runtimeOf(id, deps.db, scope);
  await showNext(deps, id);
  return id;
}

/** Shows `key` from the session's working set (its question read if it was not read ahead). */
export async function showQueued(deps: StudyDeps, rt: SessionRuntime, key: CardKey): Promise<boolean> {
  await readAhead(rt, [key]);
  if (session().id !== rt.id || !rt.cards.has(key) || !rt.questions.has(key)) return false;
  applyNext(deps, rt, { kind: 'show', key });
  return true;
}

/** What comes next: a card whose row and question are in memory, a wait for a learning card, or the end. */
type NextStep = { kind: 'show'; key: CardKey } | { kind: 'wait'; until: number } | { kind: 'done' };

/**
 * Picks the next card from the queue in memory — rebuilt from the database first when it is stale,
 * old or of another study day (see `session-runtime.ts`), or when nothing in it is due — avoiding
 * `avoid` (the card just answered) while anything else is due, and makes sure its question is in
 * memory. The `lectern:queue:*` marks time the queue work (the bench's "queue" figure).
 */
async function chooseNext(deps: StudyDeps, rt: SessionRuntime, avoid: CardKey | null): Promise<NextStep> {
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
function continueLoading(deps: StudyDeps, rt: SessionRuntime): void {
  void loadRestOfQueue(rt, deps.now, () => {
    const s = session();
    if (s.id === rt.id && s.status === 'studying' && !s.busy)
      store().patchSession(rt.id, { left: countQueued(rt.queue, deps.now()) });
  });
}

/** Puts `step` on screen, in one store update. */
function applyNext(deps: StudyDeps, rt: SessionRuntime, step: NextStep): void {
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
  if (step.kind === 'wait')
    store().patchSession(rt.id, { ...idle, status: 'waiting', waitUntil: step.until });
  else store().patchSession(rt.id, { ...idle, status: 'done', waitUntil: null });
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

/** Shows a flashcard's back. */
export function revealAnswer(): void {
  const s = session();
  if (s.current && s.phase === 'question') store().patchSession(s.id, { phase: 'revealed' });
}

/** Shows the question's hint: a right answer will then be rated Hard. */
export function showHint(): void {
  const s = session();
  if (s.current && s.phase === 'question') store().patchSession(s.id, { hintShown: true });
}

/**
 * Grades a submitted answer (nothing is written yet): the grade, the rating the app suggests and
 * the one "I guessed" would give are kept until the student confirms.
 */
export function submitAnswer(question: Question, response: AnswerResponse, now: number): Grade | null {
  const s = session();
  if (!s.current || s.phase !== 'question' || isStudyBusy()) return null;
  const grade = gradeAnswer(question, response);
  const responseMs = Math.max(0, now - s.current.shownAt);
  const ctx = { responseMs, hintUsed: s.hintShown };
  store().patchSession(s.id, {
    phase: 'answered',
    pending: {
      response,
      grade,
      responseMs,
      suggested: ratingFor(grade, ctx),
      guessed: ratingFor(grade, { ...ctx, override: 'guessed' }),
    },
  });
  return grade;
}

/** Confirms the pending answer with its suggested rating, or with "I guessed". */
export function confirmAnswer(deps: StudyDeps, choice: 'suggested' | 'guessed'): Promise<void> {
  const s = session();
  if (!s.pending || s.phase !== 'answered') return Promise.resolve();
  const p = s.pending;
  return writeAnswer(deps, s.id, {
    rating: choice === 'guessed' ? p.guessed : p.suggested,
    grade: p.grade,
    response: p.response,
    responseMs: p.responseMs,
  });
}

/** Rates a revealed flashcard (self-graded, 1–4) and writes the answer. */
export function rateFlashcard(deps: StudyDeps, question: Question, rating: Rating): Promise<void> {
  const s = session();
  if (!s.current || s.phase !== 'revealed' || question.type !== 'flashcard') return Promise.resolve();
  const response: AnswerResponse = { type: 'flashcard', rating };
  return writeAnswer(deps, s.id, {
    rating,
    grade: gradeAnswer(question, response),
    response,
    responseMs: Math.max(0, deps.now() - s.current.shownAt),
  });
}

interface AnswerToWrite {
  rating: Rating;
  grade: Grade;
  response: AnswerResponse;
  responseMs: number;
}

/** Where the card's row places it (for a first answer, which creates the row). */
export function placeOf(card: CardRow | undefined) {
  return card ? { chapterId: card.chapterId, order: card.order } : undefined;
}

async function writeAnswer(deps: StudyDeps, id: number, a: AnswerToWrite): Promise<void> {
  const s = session();
  if (s.id !== id || !s.current || isStudyBusy()) return;
  const shown = s.current;
  const rt = runtimeFor(deps, id);
  markPhase('lectern:answer:start');
  // Guarded at once, but shown as busy (a render) only if the write is slow.
  rt.writing = true;
  const showBusy = setTimeout(() => {
    if (rt.writing) store().patchSession(id, { busy: true });
  }, SHOW_BUSY_AFTER_MS);
  try {
    const settings = rt.settings ?? (await readSettings(deps.db));
    const now = deps.now();
    // Resolves once the transaction has committed: only then does the answer count as saved.
    const result = await answerCard(deps.db, {
      key: shown.key,
      shownRev: shown.rev,
      place: placeOf(rt.cards.get(shown.key)),
      shownRow: shownRowOf(rt, shown.key),
      rating: a.rating,
      grade: a.grade,
      response: a.response,
      responseMs: a.responseMs,
      now,
      settings: resolveCardSettings(settings, shown.key),
    });
    if (!result.ok) {
      rt.writing = false;
      await recoverRefusedAnswer(deps, rt, shown.key, result.error.code, result.error.message);
      return;
    }
    const card = result.value.card;
    rt.touched.add(shown.key);
    rt.queue = requeueAnswered(rt.queue, shown.key, card.state, card.due);
    if (card.state === 1 || card.state === 3) rememberRow(rt, card);
    else forgetCard(rt, shown.key);
    const answered = {
      kind: 'answer' as const,
      key: shown.key,
      correct: a.grade.correct,
      ms: Math.max(0, now - shown.shownAt),
    };
    let step: NextStep;
    try {
      step = await chooseNext(deps, rt, shown.key);
    } catch (err) {
      store().recordAnswered(id, answered);
      throw new NextCardError(err);
    }
    if (session().id !== id) return;
    rt.writing = false;
    // One render: the answer counted, the next card shown, busy (if it was shown) cleared.
    store().recordAnswered(id, answered);
    applyNext(deps, rt, step);
    if (session().busy) store().patchSession(id, { busy: false });
    continueLoading(deps, rt);
  } finally {
    clearTimeout(showBusy);
    rt.writing = false;
    if (session().id === id && session().busy) store().patchSession(id, { busy: false });
  }
}

/** The answer was saved, but the next card could not be loaded. */
export class NextCardError extends Error {
  constructor(cause: unknown) {
    super(
      `Your answer was saved, but the next card could not be loaded: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
    this.name = 'NextCardError';
  }
}

/** A refused answer: a changed card is shown again as it is now; a missing or removed one is skipped. */
async function recoverRefusedAnswer(
  deps: StudyDeps,
  rt: SessionRuntime,
  key: CardKey,
  code: string,
  reason: string,
): Promise<void> {
  const { id } = rt;
  // Something else wrote: the queue is re-read at the next card.
  rt.stale = true;
  const item = code === 'stale' ? await loadShownItem(deps, id, key) : null;
  if (item && !item.card.suspended && !item.card.removed) {
    const card = item.card;
    store().showCard(
      id,
      { key, rev: card.rev, shownAt: deps.now(), seed: createShowingSeed(key, card.reps) },
      session().left,
    );
    store().patchSession(id, {
      message: `Your answer was not saved: ${reason} The card has been reloaded; please answer it again.`,
    });
    return;
  }
  rt.queue = removeQueuedCard(rt.queue, key);
  forgetCard(rt, key);
  store().patchSession(id, { message: `Your answer was not saved: ${reason} Moving on to the next card.` });
  await showNext(deps, id);
}

/** Ends the session now (the card on screen, not answered, is not written) and shows the summary. */
export function finishSession(): void {
  const s = session();
  if (s.status === 'idle' || isStudyBusy()) return;
  store().patchSession(s.id, { status: 'done', current: null, pending: null, waitUntil: null });
}
