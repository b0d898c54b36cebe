/**
 * What the study screen does, as plain async functions over the store and the database (so the
 * whole flow runs in unit tests without a DOM): start, grade, write the answer
 * through `study-repo` (one transaction, awaited until committed before the answer counts; refused
 * when the card changed since it was shown); undo, suspend and flag are in `card-actions.ts`. The
 * queue lives in memory between answers (`session-runtime.ts` says when it is re-read) and the next
 * card's question is read ahead (`next-card.ts`), so showing it needs no database read. Every function checks that its session is still the current one
 * before writing to the store, so a late result of an abandoned session is dropped.
 */

import { markPhase } from '../../app/perf';
import { type AnswerResponse, type Grade, gradeAnswer, ratingFor } from '../../core/grading';
import type { Question } from '../../core/pack/schema';
import { removeQueuedCard, requeueAnswered } from '../../core/queue';
import type { Rating } from '../../core/scheduler';
import { answerCard } from '../../db/repos/study-repo';
import { type CardKey, packOfKey } from '../../db/schema/rows';
import { useAppStore } from '../../store';
import type { StudyScope } from '../../store/session-slice';
import { createShowingSeed } from '../questions/draft';
import { resolveCardSettings } from './load-queue';
import {
  applyNext,
  chooseNext,
  continueLoading,
  isStudyBusy,
  loadShownItem,
  type NextStep,
  placeOf,
  readSettings,
  runtimeFor,
  type StudyDeps,
  showNext,
} from './next-card';
import {
  countAnswerToday,
  forgetCard,
  forgetDoneToday,
  rememberRow,
  runtimeOf,
  type SessionRuntime,
  shownRowOf,
} from './session-runtime';

export { isStudyBusy, loadShownItem, prefetchUpcoming, type StudyDeps, showNext } from './next-card';

const store = () => useAppStore.getState();
const session = () => store().session;

/** The answer's write shows as busy (buttons disabled) only when it takes longer than this. */
const SHOW_BUSY_AFTER_MS = 150;

/** Starts a new session over `scope` and shows its first card. Returns the session id. */
export async function startStudy(deps: StudyDeps, scope: StudyScope): Promise<number> {
  const id = store().beginSession(scope, deps.now());
  // Other screens may have answered (a self-test counted toward the schedule): read today's answers.
  forgetDoneToday();
  runtimeOf(id, deps.db, scope);
  await showNext(deps, id);
  return id;
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

/**
 * "I was right" (Quizlet's override): a typed or cloze answer marked wrong is regraded as right —
 * the rating follows (Good; Hard after a hint) and the review row records the override. Nothing is
 * written until the student continues.
 */
export function overrideAnswer(): void {
  const s = session();
  const p = s.pending;
  if (!p || s.phase !== 'answered' || p.overridden || p.grade.correct) return;
  if (p.grade.questionType !== 'typed' && p.grade.questionType !== 'cloze') return;
  const grade: Grade = { ...p.grade, correct: true, score: 1, partial: false, typo: false, fastMs: 0 };
  const ctx = { responseMs: p.responseMs, hintUsed: s.hintShown };
  store().patchSession(s.id, {
    pending: {
      ...p,
      grade,
      overridden: true,
      suggested: ratingFor(grade, ctx),
      guessed: ratingFor(grade, { ...ctx, override: 'guessed' }),
    },
  });
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
    ...(p.overridden ? { overridden: true } : {}),
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
  overridden?: boolean;
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
      ...(a.overridden ? { overridden: true } : {}),
      now,
      settings: resolveCardSettings(settings, shown.key),
    });
    if (!result.ok) {
      rt.writing = false;
      await recoverRefusedAnswer(deps, rt, shown.key, result.error.code, result.error.message);
      return;
    }
    const card = result.value.card;
    const { review } = result.value;
    countAnswerToday(deps.db, packOfKey(review.cardKey), review.stateBefore, review.at);
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
