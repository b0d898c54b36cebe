import { describe, expect, it } from 'vitest';
import {
  answerQuestion,
  checkpointTest,
  createSelfTest,
  elapsedMsAt,
  expireTest,
  finishTest,
  goToQuestion,
  isExpired,
  parseSelfTestState,
  pauseTest,
  remainingMs,
  resumeTest,
  type SelfTestQuestion,
  type SelfTestState,
  scoreSelfTest,
  showsFeedback,
} from '../../../../renderer/src/core/selftest';

const MIN = 60_000;
const T0 = Date.UTC(2026, 2, 15, 18);
const QUESTIONS: SelfTestQuestion[] = [0, 1, 2, 3].map((i) => ({
  key: `p:q${i}`,
  packId: 'p',
  chapterId: i < 2 ? 'c1' : 'c2',
  type: 'flashcard',
  order: i,
}));

function must(move: ReturnType<typeof answerQuestion>): SelfTestState {
  if (!move.ok) throw new Error(`refused: ${move.reason}`);
  return move.state;
}
const right = { response: 'x', grade: { score: 1, correct: true } };

describe('self-test timer', () => {
  it('counts down only while the test is open, across leaving and coming back', () => {
    let s = createSelfTest({ mode: 'exam', questions: QUESTIONS, timeLimitMs: 10 * MIN, now: T0 });
    expect(remainingMs(s, T0 + 4 * MIN)).toBe(6 * MIN);
    s = pauseTest(s, T0 + 4 * MIN);
    expect(remainingMs(s, T0 + 60 * MIN)).toBe(6 * MIN);
    // Stored as plain JSON and read back, as the repository does.
    const stored = parseSelfTestState(JSON.parse(JSON.stringify(s)));
    expect(stored.ok).toBe(true);
    if (!stored.ok) return;
    s = resumeTest(stored.state, T0 + 60 * MIN);
    expect(remainingMs(s, T0 + 61 * MIN)).toBe(5 * MIN);
    expect(isExpired(s, T0 + 65 * MIN + 59_999)).toBe(false);
    expect(isExpired(s, T0 + 66 * MIN)).toBe(true);
    expect(remainingMs(s, T0 + 90 * MIN)).toBe(0);
    expect(elapsedMsAt(s, T0 + 90 * MIN)).toBe(10 * MIN);
  });

  it('after a crash resumes from the last checkpoint, not charging the time the app was closed', () => {
    let s = createSelfTest({ mode: 'exam', questions: QUESTIONS, timeLimitMs: 10 * MIN, now: T0 });
    s = must(answerQuestion(s, 0, right, T0 + 2 * MIN)); // checkpoint at 2 min
    s = resumeTest(s, T0 + 180 * MIN); // no pause happened
    expect(remainingMs(s, T0 + 180 * MIN)).toBe(8 * MIN);
    s = checkpointTest(s, T0 + 181 * MIN);
    expect(s.elapsedMs).toBe(3 * MIN);
  });

  it('refuses answers once the time is out; expiring scores unanswered questions as wrong', () => {
    let s = createSelfTest({ mode: 'exam', questions: QUESTIONS, timeLimitMs: 5 * MIN, now: T0 });
    s = must(answerQuestion(s, 0, right, T0 + MIN));
    const late = answerQuestion(s, 1, right, T0 + 5 * MIN);
    expect(late).toEqual({ ok: false, reason: 'expired' });
    s = expireTest(s, T0 + 7 * MIN);
    expect(s).toMatchObject({
      status: 'done',
      expired: true,
      elapsedMs: 5 * MIN,
      finishedAt: T0 + 7 * MIN,
      resumedAt: null,
    });
    const score = scoreSelfTest(s);
    expect(score).toMatchObject({ questions: 4, answered: 1, correct: 1, points: 1, score: 0.25 });
    expect(score.missed.map((m) => [m.key, m.answered])).toEqual([
      ['p:q1', false],
      ['p:q2', false],
      ['p:q3', false],
    ]);
    expect(answerQuestion(s, 1, right, T0 + 8 * MIN)).toEqual({ ok: false, reason: 'finished' });
  });

  it('finishing after the limit marks the test expired; an untimed test never expires', () => {
    const timed = createSelfTest({ mode: 'exam', questions: QUESTIONS, timeLimitMs: MIN, now: T0 });
    expect(finishTest(timed, T0 + 2 * MIN)).toMatchObject({ expired: true, elapsedMs: MIN });
    expect(finishTest(timed, T0 + 30_000)).toMatchObject({ expired: false, elapsedMs: 30_000 });
    const untimed = createSelfTest({ mode: 'practice', questions: QUESTIONS, timeLimitMs: 0, now: T0 });
    expect(untimed.timeLimitMs).toBeNull();
    expect(remainingMs(untimed, T0 + 1e9)).toBeNull();
    expect(isExpired(untimed, T0 + 1e9)).toBe(false);
    expect(expireTest(untimed, T0 + MIN)).toMatchObject({ status: 'done', expired: false, elapsedMs: MIN });
  });
});

describe('self-test moves', () => {
  it('lets an exam answer change until the end but locks a practice answer', () => {
    let exam = createSelfTest({ mode: 'exam', questions: QUESTIONS, now: T0 });
    exam = must(answerQuestion(exam, 2, { response: 'a', grade: { score: 0, correct: false } }, T0 + 1));
    exam = must(answerQuestion(exam, 2, right, T0 + 2));
    expect(exam.answers[2]).toEqual({ ...right, answeredAt: T0 + 2 });
    expect(exam.current).toBe(2);
    expect(showsFeedback(exam)).toBe(false);
    expect(showsFeedback(finishTest(exam, T0 + 3))).toBe(true);

    const practice = must(
      answerQuestion(createSelfTest({ mode: 'practice', questions: QUESTIONS, now: T0 }), 0, right, T0 + 1),
    );
    expect(showsFeedback(practice)).toBe(true);
    expect(answerQuestion(practice, 0, right, T0 + 2)).toEqual({ ok: false, reason: 'already-answered' });
    expect(answerQuestion(practice, 4, right, T0 + 2)).toEqual({ ok: false, reason: 'out-of-range' });
    expect(goToQuestion(practice, 3)).toMatchObject({ ok: true, state: { current: 3 } });
    expect(goToQuestion(practice, -1)).toEqual({ ok: false, reason: 'out-of-range' });
  });

  it('does not change the state it was given', () => {
    const s = createSelfTest({ mode: 'exam', questions: QUESTIONS, now: T0 });
    const copy = JSON.parse(JSON.stringify(s));
    answerQuestion(s, 0, right, T0 + 1);
    pauseTest(s, T0 + 2);
    finishTest(s, T0 + 3);
    expect(s).toEqual(copy);
  });

  it('refuses a malformed stored state', () => {
    const s = createSelfTest({ mode: 'exam', questions: QUESTIONS, now: T0 });
    expect(parseSelfTestState({ ...s, answers: [] }).ok).toBe(false);
    expect(parseSelfTestState({ ...s, mode: 'quiz' }).ok).toBe(false);
    expect(parseSelfTestState('nonsense').ok).toBe(false);
  });
});
