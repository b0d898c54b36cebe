/**
 * What the self-test screen writes: an answer (graded here, as in study), the finish, a clock
 * checkpoint, and — only when the test's "Count toward my study schedule" switch is on — the same
 * answers through the study repository, so the schedule moves as if the questions had been studied.
 * With the switch off, cards and the review log are never touched. With it on, a question never
 * studied gets its card row from its first counted answer, as in study.
 *
 * Practice-mode answers are final, so they reach the schedule at once; exam-mode answers can change
 * until the end, so they reach it when the test finishes (in the same transaction as the finish).
 */
import { type AnswerResponse, type Grade, gradeAnswer, ratingFor } from '../../core/grading';
import type { Question } from '../../core/pack/schema';
import { checkpointTest, goToQuestion, type SelfTestMove } from '../../core/selftest';
import { resolveSchedulingSettings } from '../../core/settings';
import { readQuestions } from '../../db/repos/question-chunks';
import {
  answerSelfTest,
  finishSelfTest,
  loadSelfTest,
  loadTestQuestions,
  type StoredSelfTest,
  saveSelfTest,
} from '../../db/repos/selftest-repo';
import { getSettings } from '../../db/repos/settings-repo';
import { answerCard } from '../../db/repos/study-repo';
import type { LecternDb } from '../../db/schema/database';
import type { CardKey } from '../../db/schema/rows';

/** One answer on its way to the schedule. */
interface ScheduledAnswer {
  key: string;
  packId: string;
  /** The question's course order when the test was made (to find it in its chunk). */
  order: number;
  grade: Grade;
  response: unknown;
  responseMs: number;
}

/**
 * Answers the cards through `answerCard` (one review-log row each, rating from `ratingFor`). A
 * question never studied has no card row yet: `answerCard` starts it from `newCardRow` at its current
 * place (chapter and order, read from its question row), as a first answer in study does. Cards that
 * are removed or suspended, and questions no longer live in their pack, are left alone. Runs inside
 * the caller's transaction (which must include cards, reviews, settings and questionChunks).
 */
async function scheduleAnswers(
  db: LecternDb,
  answers: readonly ScheduledAnswer[],
  now: number,
): Promise<number> {
  if (answers.length === 0) return 0;
  const { settings } = await getSettings(db);
  const cards = await db.cards.bulkGet(answers.map((a) => a.key as CardKey));
  const unstudied = answers.filter((_, i) => cards[i] === undefined);
  const questions = await readQuestions(
    db,
    unstudied.map((a) => ({ key: a.key as CardKey, order: a.order })),
  );
  let written = 0;
  for (const [i, a] of answers.entries()) {
    const card = cards[i];
    const question = card ? undefined : questions.get(a.key as CardKey);
    if (card ? card.removed || card.suspended : !question || question.removed) continue;
    const result = await answerCard(db, {
      key: a.key as CardKey,
      shownRev: card?.rev ?? 0,
      ...(question ? { place: { chapterId: question.chapterId, order: question.order } } : {}),
      rating: ratingFor(a.grade, { responseMs: a.responseMs }),
      grade: a.grade,
      response: a.response,
      responseMs: a.responseMs,
      now,
      settings: resolveSchedulingSettings(settings, a.packId),
    });
    if (result.ok) written++;
  }
  return written;
}

/** What recording an answer did. */
export interface RecordedAnswer {
  move: SelfTestMove | null;
  grade: Grade;
}

/**
 * Grades `response` to question `index` and stores it in the test; in practice mode with the
 * schedule switch on, also answers the card — both in one transaction.
 */
export async function recordAnswer(
  db: LecternDb,
  test: StoredSelfTest,
  index: number,
  question: Question,
  response: AnswerResponse,
  responseMs: number,
  now: number,
): Promise<RecordedAnswer> {
  const grade = gradeAnswer(question, response);
  const q = test.state.questions[index];
  const tables = [db.selftests, db.questionChunks, db.cards, db.revlog, db.undo, db.settings];
  const move = await db.transaction('rw', tables, async () => {
    const result = await answerSelfTest(
      db,
      test.id,
      index,
      { response, grade: { score: grade.score, correct: grade.correct } },
      now,
    );
    if (result?.ok && q && result.state.countsForSchedule && result.state.mode === 'practice') {
      const answer = { key: q.key, packId: q.packId, order: q.order, grade, response, responseMs };
      await scheduleAnswers(db, [answer], now);
    }
    return result;
  });
  return { move, grade };
}

/**
 * Finishes the test (as expired when its time has run out). When this call is the one that finishes
 * an exam whose schedule switch is on, its answers go to the schedule in the same transaction.
 * `responseMs[i]` is the time spent on question i, if known.
 */
export async function finishAndSchedule(
  db: LecternDb,
  id: number,
  now: number,
  responseMs: readonly number[] = [],
): Promise<StoredSelfTest | null> {
  const tables = [db.selftests, db.questionChunks, db.cards, db.revlog, db.undo, db.settings];
  return db.transaction('rw', tables, async () => {
    const before = await loadSelfTest(db, id);
    const out = await finishSelfTest(db, id, now);
    if (!before || !out) return out?.test ?? null;
    const state = out.test.state;
    if (before.state.status === 'running' && state.countsForSchedule && state.mode === 'exam') {
      const rows = await loadTestQuestions(db, state);
      const answers: ScheduledAnswer[] = [];
      state.answers.forEach((a, i) => {
        const q = state.questions[i];
        const row = rows[i];
        if (!a || !q || !row) return;
        answers.push({
          key: q.key,
          packId: q.packId,
          order: q.order,
          grade: gradeAnswer(row.question, a.response),
          response: a.response,
          responseMs: responseMs[i] ?? Number.NaN,
        });
      });
      await scheduleAnswers(db, answers, now);
    }
    return out.test;
  });
}

/** Folds the time used so far into the stored test, so a crash costs at most the time since. */
export async function checkpointSelfTest(db: LecternDb, id: number, now: number): Promise<void> {
  await db.transaction('rw', db.selftests, async () => {
    const test = await loadSelfTest(db, id);
    if (test?.state.status !== 'running' || test.state.resumedAt === null) return;
    await saveSelfTest(db, { ...test, state: checkpointTest(test.state, now) });
  });
}

/** Moves the stored test to question `index` (so a resumed test opens where the student was). */
export async function showQuestion(db: LecternDb, id: number, index: number): Promise<void> {
  await db.transaction('rw', db.selftests, async () => {
    const test = await loadSelfTest(db, id);
    if (test?.state.status !== 'running' || test.state.current === index) return;
    const move = goToQuestion(test.state, index);
    if (move.ok) await saveSelfTest(db, { ...test, state: move.state });
  });
}
