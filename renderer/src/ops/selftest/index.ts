/**
 * Self-tests: what the self-test screens read (live) and write. Answers are graded and stored here,
 * and reach the study schedule when the test's switch says so (`actions.ts`); the clock of a running
 * test is in `clock.ts`. The functions take the app's database; `actions.ts` and `clock.ts` take one
 * (tests pass their own).
 */
import type { AnswerResponse } from '../../core/grading';
import type { Question } from '../../core/pack/schema';
import {
  findRunningSelfTest,
  listSelfTestHistory,
  loadSelfTest,
  loadTestQuestions,
  type MissedRef,
  type SelfTestHistoryEntry,
  type SendMissedResult,
  type StartSelfTestInput,
  type StoredSelfTest,
  sendMissedToStudy,
  startSelfTest,
} from '../../db/repos/selftest-repo';
import { db } from '../../db/schema/database';
import type { PackRow, QuestionRow } from '../../db/schema/rows';
import { listPacksInLibraryOrder } from '../library';
import { finishAndSchedule, type RecordedAnswer, recordAnswer, showQuestion } from './actions';
import { type EnqueueWrite, startTestClock } from './clock';

export type {
  EnqueueWrite,
  PackRow,
  QuestionRow,
  RecordedAnswer,
  SelfTestHistoryEntry,
  SendMissedResult,
  StartSelfTestInput,
  StoredSelfTest,
};

/** A stored test with its questions (in test order; undefined where one is gone) and its packs. */
export interface TestView {
  test: StoredSelfTest;
  rows: (QuestionRow | undefined)[];
  packs: Map<string, PackRow>;
}

/** The packs a test can be set up from, in Library order. */
export function listSetupPacks(): Promise<PackRow[]> {
  return listPacksInLibraryOrder();
}

/** Makes a test from the setup form's choices; `ok: false` when no question matches them. */
export function startTest(input: StartSelfTestInput): ReturnType<typeof startSelfTest> {
  return startSelfTest(db, input);
}

/** The test still running (at most one), or null. */
export async function findRunningTest(): Promise<StoredSelfTest | null> {
  return (await findRunningSelfTest(db)) ?? null;
}

/** The stored test `id`, or null. */
export function loadTest(id: number): Promise<StoredSelfTest | null> {
  return loadSelfTest(db, id);
}

/** The test `id` with its questions and packs, for its screen; null when it is no longer stored. */
export async function loadTestView(id: number): Promise<TestView | null> {
  const test = await loadSelfTest(db, id);
  if (!test) return null;
  const [rows, packRows] = await Promise.all([
    loadTestQuestions(db, test.state),
    db.packs.bulkGet(test.packIds),
  ]);
  const packs = new Map<string, PackRow>();
  for (const p of packRows) if (p) packs.set(p.id, p);
  return { test, rows, packs };
}

/** Grades and stores an answer to question `index` (and, where the test counts, answers the card). */
export function answerTestQuestion(
  test: StoredSelfTest,
  index: number,
  question: Question,
  response: AnswerResponse,
  responseMs: number,
  now: number,
): Promise<RecordedAnswer> {
  return recordAnswer(db, test, index, question, response, responseMs, now);
}

/** Moves the running test to question `index`. */
export function showTestQuestion(id: number, index: number): Promise<void> {
  return showQuestion(db, id, index);
}

/** Finishes the test (its exam answers go to the schedule where it counts); null if it is gone. */
export function finishTest(
  id: number,
  now: number,
  responseMs?: readonly number[],
): Promise<StoredSelfTest | null> {
  return finishAndSchedule(db, id, now, responseMs);
}

/** Runs the clock of test `testId` until the returned function stops it (see `clock.ts`). */
export function runTestClock(
  testId: number,
  enqueue: EnqueueWrite,
  events: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>,
): () => void {
  return startTestClock(db, testId, enqueue, events);
}

/** Finished tests filed under `packId` (their first pack), oldest first: the trend chart's points. */
export function listTestHistory(packId: string): Promise<SelfTestHistoryEntry[]> {
  return listSelfTestHistory(db, packId);
}

/** Puts the missed questions into today's study. */
export function sendMissed(missed: readonly MissedRef[], now: number): Promise<SendMissedResult> {
  return sendMissedToStudy(db, missed, now);
}
