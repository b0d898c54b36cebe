/**
 * The study screen's calls on the current session of a test's own `StudyOps`, by the names the
 * screen's operations had when they were free functions (so each test reads as the student acts).
 */
import type { AnswerResponse } from '../../../../renderer/src/core/grading';
import type { Question } from '../../../../renderer/src/core/pack/schema';
import type { Rating } from '../../../../renderer/src/core/scheduler';
import type { StudyScope } from '../../../../renderer/src/core/study';
import type { StudyOps, StudySession } from '../../../../renderer/src/ops/study';

export function bindStudyCalls(ops: () => StudyOps) {
  const current = (): StudySession => {
    const s = ops().current;
    if (!s) throw new Error('no study session');
    return s;
  };
  return {
    current,
    /** Starts a session and shows its first card; resolves to its id. */
    startStudy: async (scope: StudyScope) => (await ops().start(scope)).id,
    submitAnswer: (question: Question, response: AnswerResponse, now: number) =>
      current().submitAnswer(question, response, now),
    confirmAnswer: (choice: 'suggested' | 'guessed') => current().confirmAnswer(choice),
    overrideAnswer: () => current().overrideAnswer(),
    revealAnswer: () => current().revealAnswer(),
    showHint: () => current().showHint(),
    rateFlashcard: (question: Question, rating: Rating) => current().rateFlashcard(question, rating),
    showNext: () => current().showNext(),
    prefetchUpcoming: () => current().prefetchUpcoming(),
    whenQueueLoaded: () => current().whenQueueLoaded(),
    undoLast: () => current().undoLast(),
    suspendCurrent: () => current().suspendCurrent(),
    setCurrentFlag: (flagged: boolean) => current().setCurrentFlag(flagged),
    finishSession: () => current().finish(),
  };
}
