/**
 * What the study screen does, as plain async functions over the store and the database (so the
 * whole flow runs in unit tests without a DOM): start, show the next card, grade, write the answer
 * through `study-repo` (one transaction; refused when the card changed since it was shown), undo,
 * suspend, flag. Every function checks that its session is still the current one before writing
 * to the store, so a late result of an abandoned session is dropped.
 */

import { markPhase } from '../../app/perf';
import { type AnswerResponse, type Grade, gradeAnswer, ratingFor } from '../../core/grading';
import type { Question } from '../../core/pack/schema';
import type { Rating } from '../../core/scheduler';
import type { AppSettings } from '../../core/settings';
import type { LecternDb } from '../../db/db';
import type { CardKey } from '../../db/rows';
import { getSettings } from '../../db/settings-repo';
import { answerCard, setFlagged, setSuspended, undoLastAnswer } from '../../db/study-repo';
import { useAppStore } from '../../store';
import type { QueueLeft, StudyScope } from '../../store/session-slice';
import { createShowingSeed } from '../questions/draft';
import { loadStudyQueue, pickNextKey, resolveCardSettings } from './load-queue';

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

function leftOf(plan: { reviews: number; learning: number; newCards: number }): QueueLeft {
  return { reviews: plan.reviews, learning: plan.learning, newCards: plan.newCards };
}

/** Starts a new session over `scope` and shows its first card. Returns the session id. */
export async function startStudy(deps: StudyDeps, scope: StudyScope): Promise<number> {
  const id = store().beginSession(scope, deps.now());
  await showNext(deps, id);
  return id;
}

/**
 * Rebuilds the queue at the current time (so learning cards that fell due come back) and shows its
 * first card; with none due, waits for the next learning card or ends the session.
 */
export async function showNext(deps: StudyDeps, id: number): Promise<void> {
  const s = session();
  if (s.id !== id) return;
  const now = deps.now();
  const settings = await readSettings(deps.db);
  markPhase('lectern:queue:start');
  const queue = await loadStudyQueue(deps.db, s.scope, now, settings);
  markPhase('lectern:queue:end');
  const key = pickNextKey(queue.plan.keys, session().lastKey);
  const card = key ? await deps.db.cards.get(key) : undefined;
  if (key && card) {
    store().showCard(
      id,
      { key, rev: card.rev, shownAt: deps.now(), seed: createShowingSeed(key, card.reps) },
      leftOf(queue.plan),
    );
    return;
  }
  const idle = { current: null, pending: null, left: { reviews: 0, learning: 0, newCards: 0 } };
  if (queue.nextLearning !== null) {
    store().patchSession(id, { ...idle, status: 'waiting', waitUntil: queue.nextLearning });
  } else {
    store().patchSession(id, { ...idle, status: 'done', waitUntil: null });
  }
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
  if (!s.current || s.phase !== 'question' || s.busy) return null;
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

async function writeAnswer(deps: StudyDeps, id: number, a: AnswerToWrite): Promise<void> {
  const s = session();
  if (s.id !== id || !s.current || s.busy) return;
  const shown = s.current;
  markPhase('lectern:answer:start');
  store().patchSession(id, { busy: true });
  try {
    const settings = await readSettings(deps.db);
    const now = deps.now();
    const result = await answerCard(deps.db, {
      key: shown.key,
      shownRev: shown.rev,
      rating: a.rating,
      grade: a.grade,
      response: a.response,
      responseMs: a.responseMs,
      now,
      settings: resolveCardSettings(settings, shown.key),
    });
    if (!result.ok) {
      await recoverRefusedAnswer(deps, id, shown.key, result.error.code, result.error.message);
      return;
    }
    store().recordAnswered(id, {
      kind: 'answer',
      key: shown.key,
      correct: a.grade.correct,
      ms: Math.max(0, now - shown.shownAt),
    });
    await showNext(deps, id);
  } finally {
    store().patchSession(id, { busy: false });
  }
}

/** A refused answer: a changed card is shown again as it is now; a missing or removed one is skipped. */
async function recoverRefusedAnswer(
  deps: StudyDeps,
  id: number,
  key: CardKey,
  code: string,
  reason: string,
): Promise<void> {
  const card = code === 'stale' ? await deps.db.cards.get(key) : undefined;
  if (card && !card.suspended && !card.removed) {
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
  store().patchSession(id, { message: `Your answer was not saved: ${reason} Moving on to the next card.` });
  await showNext(deps, id);
}

/**
 * Undoes the last answer (the card goes back to how it was and its log row is removed) or the last
 * suspension, and shows that card again. Returns false when there was nothing to undo.
 */
export async function undoLast(deps: StudyDeps): Promise<boolean> {
  const id = session().id;
  if (session().busy) return false;
  const entry = store().popUndo(id);
  if (!entry) return false;
  store().patchSession(id, { busy: true });
  try {
    const result =
      entry.kind === 'answer'
        ? await undoLastAnswer(deps.db, entry.key)
        : await setSuspended(deps.db, entry.key, false);
    if (!result.ok) {
      store().patchSession(id, { message: `Could not undo: ${result.error.message}` });
      return false;
    }
    const card = result.value;
    const settings = await readSettings(deps.db);
    const queue = await loadStudyQueue(deps.db, session().scope, deps.now(), settings);
    const left = leftOf(queue.plan);
    if (!queue.plan.keys.includes(entry.key)) {
      if (card.state === 0) left.newCards++;
      else if (card.state === 2) left.reviews++;
      else left.learning++;
    }
    store().showCard(
      id,
      { key: entry.key, rev: card.rev, shownAt: deps.now(), seed: createShowingSeed(entry.key, card.reps) },
      left,
    );
    store().patchSession(id, {
      message: entry.kind === 'answer' ? 'Answer undone: the card is back as it was.' : 'Unsuspended.',
    });
    return true;
  } finally {
    store().patchSession(id, { busy: false });
  }
}

/** Suspends the card on screen (it leaves the queue, keeps its progress) and shows the next one. */
export async function suspendCurrent(deps: StudyDeps): Promise<void> {
  const s = session();
  if (!s.current || s.busy) return;
  const { id } = s;
  const key = s.current.key;
  const result = await setSuspended(deps.db, key, true);
  if (!result.ok) {
    store().patchSession(id, { message: `Could not suspend: ${result.error.message}` });
    return;
  }
  store().pushUndo(id, { kind: 'suspend', key });
  store().patchSession(id, { message: 'Suspended: this question will not be shown again. Press U to undo.' });
  await showNext(deps, id);
}

/** Flags or unflags the card on screen; the card's new revision becomes the one shown. */
export async function setCurrentFlag(deps: StudyDeps, flagged: boolean): Promise<void> {
  const s = session();
  if (!s.current) return;
  const { id, current } = s;
  const result = await setFlagged(deps.db, current.key, flagged);
  if (!result.ok) {
    store().patchSession(id, { message: `Could not flag: ${result.error.message}` });
    return;
  }
  const now = session();
  if (now.id === id && now.current?.key === current.key) {
    store().patchSession(id, {
      current: { ...now.current, rev: result.value.rev },
      message: flagged ? 'Flagged.' : 'Flag removed.',
    });
  }
}

/** Ends the session now (the card on screen, not answered, is not written) and shows the summary. */
export function finishSession(): void {
  const s = session();
  if (s.status === 'idle' || s.busy) return;
  store().patchSession(s.id, { status: 'done', current: null, pending: null, waitUntil: null });
}
