/**
 * A self-test as plain JSON state, and the moves on it: create → answer(i) … → finish (or expire).
 *
 * Time: the clock runs only while the test is open. `elapsedMs` is the time used up to the last
 * checkpoint; `resumedAt` is when the open stretch since then began (null while the test is closed).
 * Time used at `now` = elapsedMs + (now − resumedAt). Leaving the screen calls `pauseTest`, which folds
 * the open stretch into `elapsedMs`; coming back calls `resumeTest`. If the app died while the test
 * was open (no pause), `resumeTest` restarts the clock from the last checkpoint — the minutes between
 * the last save and the crash are not charged to the student. Every answer is a checkpoint; a screen
 * can also call `checkpointTest` every few seconds.
 */
import type { QuestionType } from '../pack/schema';
import type { ChapterRef } from './select';

/** exam: no feedback until the end. practice: feedback after each question. */
export type SelfTestMode = 'exam' | 'practice';

/** What the caller's grader (core/grading) made of an answer. */
export interface Grade {
  /** Share of the answer that was right, 0..1 (partial credit). */
  score: number;
  correct: boolean;
}

/** A question of the test. */
export interface SelfTestQuestion {
  key: string;
  packId: string;
  chapterId: string;
  type: QuestionType;
  /** Course order within its pack. */
  order: number;
}

/** A given answer: the response as the question type records it (plain JSON) and its grade. */
export interface SelfTestAnswer {
  response: unknown;
  grade: Grade;
  answeredAt: number;
}

/** How the questions were chosen (kept for the history and to repeat a test). */
export interface SelfTestSelection {
  order: 'weakest' | 'random';
  seed: string | number;
  count: number;
  types: QuestionType[];
  chapters: ChapterRef[];
  /** Drawn from flagged questions only. */
  flaggedOnly?: boolean;
}

/** A self-test's whole state, plain JSON (stored as-is in the `selftests` table). */
export interface SelfTestState {
  version: 1;
  mode: SelfTestMode;
  /** Whether answers also count for the spaced-repetition schedule (off by default). */
  countsForSchedule: boolean;
  questions: SelfTestQuestion[];
  answers: (SelfTestAnswer | null)[];
  /** The question on screen. */
  current: number;
  /** null: no time limit. */
  timeLimitMs: number | null;
  elapsedMs: number;
  resumedAt: number | null;
  createdAt: number;
  finishedAt: number | null;
  status: 'running' | 'done';
  /** Finished because the time ran out. */
  expired: boolean;
  selection: SelfTestSelection | null;
}

/** What `createSelfTest` needs. */
export interface CreateSelfTestInput {
  mode: SelfTestMode;
  questions: readonly SelfTestQuestion[];
  /** Milliseconds; null, 0 or left out for no limit. */
  timeLimitMs?: number | null;
  countsForSchedule?: boolean;
  selection?: SelfTestSelection | null;
  now: number;
}

/** Why a move was refused. */
export type SelfTestRefusal = 'finished' | 'expired' | 'out-of-range' | 'already-answered';

/** The outcome of a move. */
export type SelfTestMove = { ok: true; state: SelfTestState } | { ok: false; reason: SelfTestRefusal };

/** Starts a test, open (its clock running) from `now`. */
export function createSelfTest(input: CreateSelfTestInput): SelfTestState {
  const limit = input.timeLimitMs;
  return {
    version: 1,
    mode: input.mode,
    countsForSchedule: input.countsForSchedule ?? false,
    questions: input.questions.map((q) => ({ ...q })),
    answers: input.questions.map(() => null),
    current: 0,
    timeLimitMs: limit !== undefined && limit !== null && limit > 0 ? limit : null,
    elapsedMs: 0,
    resumedAt: input.now,
    createdAt: input.now,
    finishedAt: null,
    status: 'running',
    expired: false,
    selection: input.selection ?? null,
  };
}

/** Time used at `now` (never more than the time limit). */
export function elapsedMsAt(state: SelfTestState, now: number): number {
  const open =
    state.status === 'running' && state.resumedAt !== null ? Math.max(0, now - state.resumedAt) : 0;
  const used = state.elapsedMs + open;
  return state.timeLimitMs === null ? used : Math.min(used, state.timeLimitMs);
}

/** Time left at `now` in ms, or null for a test without a time limit. */
export function remainingMs(state: SelfTestState, now: number): number | null {
  if (state.timeLimitMs === null) return null;
  return Math.max(0, state.timeLimitMs - elapsedMsAt(state, now));
}

/** Whether the time has run out at `now` (never for an untimed test). */
export function isExpired(state: SelfTestState, now: number): boolean {
  return state.expired || remainingMs(state, now) === 0;
}

/** Whether to show right/wrong now: always in practice mode, only once finished in exam mode. */
export function showsFeedback(state: SelfTestState): boolean {
  return state.mode === 'practice' || state.status === 'done';
}

/** Folds the open stretch into `elapsedMs` and keeps the clock running from `now`. */
export function checkpointTest(state: SelfTestState, now: number): SelfTestState {
  if (state.status !== 'running' || state.resumedAt === null) return state;
  return { ...state, elapsedMs: elapsedMsAt(state, now), resumedAt: now };
}

/** Leaving the test: the clock stops until `resumeTest`. */
export function pauseTest(state: SelfTestState, now: number): SelfTestState {
  if (state.status !== 'running' || state.resumedAt === null) return state;
  return { ...state, elapsedMs: elapsedMsAt(state, now), resumedAt: null };
}

/** Coming back to the test: the clock runs again from `now` (see the module note on crashes). */
export function resumeTest(state: SelfTestState, now: number): SelfTestState {
  if (state.status !== 'running') return state;
  return { ...state, resumedAt: now };
}

/** Shows question `index`. */
export function goToQuestion(state: SelfTestState, index: number): SelfTestMove {
  if (!Number.isInteger(index) || index < 0 || index >= state.questions.length)
    return { ok: false, reason: 'out-of-range' };
  return { ok: true, state: { ...state, current: index } };
}

/**
 * Records the answer to question `index`. Refused once finished or out of time (call `expireTest`);
 * in practice mode an answer, once shown as right or wrong, cannot be changed; in exam mode it can
 * until the end.
 */
export function answerQuestion(
  state: SelfTestState,
  index: number,
  answer: { response: unknown; grade: Grade },
  now: number,
): SelfTestMove {
  if (state.status === 'done') return { ok: false, reason: 'finished' };
  if (isExpired(state, now)) return { ok: false, reason: 'expired' };
  if (!Number.isInteger(index) || index < 0 || index >= state.questions.length)
    return { ok: false, reason: 'out-of-range' };
  if (state.mode === 'practice' && state.answers[index] !== null)
    return { ok: false, reason: 'already-answered' };
  const answers = state.answers.slice();
  answers[index] = { response: answer.response, grade: { ...answer.grade }, answeredAt: now };
  return { ok: true, state: { ...checkpointTest(state, now), answers, current: index } };
}

/** Ends the test at `now` (as expired if the time has run out). Finishing twice changes nothing. */
export function finishTest(state: SelfTestState, now: number): SelfTestState {
  if (state.status === 'done') return state;
  const expired = isExpired(state, now);
  return {
    ...state,
    elapsedMs: elapsedMsAt(state, now),
    resumedAt: null,
    status: 'done',
    finishedAt: now,
    expired,
  };
}

/**
 * Ends a test whose time ran out: the time used is the whole limit and unanswered questions stay
 * unanswered (scored as wrong). For an untimed test it is the same as `finishTest`.
 */
export function expireTest(state: SelfTestState, now: number): SelfTestState {
  if (state.status === 'done' || state.timeLimitMs === null) return finishTest(state, now);
  return {
    ...state,
    elapsedMs: state.timeLimitMs,
    resumedAt: null,
    status: 'done',
    finishedAt: now,
    expired: true,
  };
}
