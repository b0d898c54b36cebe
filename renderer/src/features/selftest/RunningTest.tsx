/**
 * A running self-test: question n of m with a progress bar and the countdown; in exam mode answers
 * are saved as they change and can be revisited with Previous / Next; in practice mode each answer is
 * checked and explained at once. Leaving the screen pauses the clock; coming back resumes it.
 */
import { type FormEvent, useCallback, useMemo, useRef, useState } from 'react';
import type { Question } from '../../core/pack/schema';
import { showsFeedback } from '../../core/selftest';
import {
  answerTestQuestion,
  finishTest,
  loadTest,
  type QuestionRow,
  type StoredSelfTest,
  showTestQuestion,
} from '../../ops/selftest';
import { useAppStore } from '../../store';
import {
  applyAnswerKey,
  arrangeQuestion,
  createDraft,
  draftToResponse,
  type QuestionDraft,
} from '../questions';
import { FinishDialog } from './FinishDialog';
import { QuestionNavigator } from './QuestionNavigator';
import { QuestionPanel } from './QuestionPanel';
import { createFlashcardResponse, responseToDraft } from './response-words';
import { TestTimer } from './TestTimer';
import { useAnswerKeys } from './use-answer-keys';
import { useSerialWrites, useTestClock } from './use-test-clock';

const AUTOSAVE_MS = 600;

export function RunningTest({ test, rows }: { test: StoredSelfTest; rows: (QuestionRow | undefined)[] }) {
  const { state } = test;
  const total = state.questions.length;
  const exam = state.mode === 'exam';
  const notify = useAppStore((s) => s.notify);
  const [index, setIndex] = useState(() => Math.min(state.current, total - 1));
  const [drafts, setDrafts] = useState<Record<number, QuestionDraft>>({});
  const [revealed, setRevealed] = useState<Record<number, boolean>>({});
  const [message, setMessage] = useState('');
  const [confirming, setConfirming] = useState(false);
  const spent = useRef<number[]>(state.questions.map(() => 0));
  const shownAt = useRef(Date.now());
  const finishing = useRef(false);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const enqueue = useSerialWrites((message) => notify('error', `Could not save the test: ${message}`));
  useTestClock(test.id, enqueue);

  const row = rows[index];
  const question: Question | undefined = row?.question;
  const stored = state.answers[index] ?? null;
  const arrangement = useMemo(
    () =>
      question
        ? arrangeQuestion(question, `selftest-${test.id}-${state.questions[index]?.key ?? index}`)
        : null,
    [question, test.id, state.questions, index],
  );
  const draft: QuestionDraft | null =
    question && arrangement
      ? (drafts[index] ??
        (stored
          ? responseToDraft(question, arrangement, stored.response)
          : createDraft(question, arrangement)))
      : null;

  /** Adds the time since the question was shown to question i's total; returns that total. */
  const takeTime = useCallback((i: number) => {
    const now = Date.now();
    spent.current[i] = (spent.current[i] ?? 0) + Math.max(0, now - shownAt.current);
    shownAt.current = now;
    return spent.current[i] ?? 0;
  }, []);

  /** Exam mode: stores the current question's changed draft (if it is an answer and differs). */
  const saveDraft = useCallback(
    (i: number, d: QuestionDraft | undefined) => {
      const q = rows[i]?.question;
      if (!exam || !q || !d) return Promise.resolve();
      const response = draftToResponse(d);
      if (!response) return Promise.resolve();
      return enqueue(async () => {
        const now = Date.now();
        const prev = (await loadTest(test.id))?.state.answers[i];
        if (prev && JSON.stringify(prev.response) === JSON.stringify(response)) return;
        await answerTestQuestion(test, i, q, response, spent.current[i] ?? 0, now);
      });
    },
    [exam, rows, enqueue, test],
  );

  const flushSave = () => {
    if (saveTimer.current) clearTimeout(saveTimer.current);
    saveTimer.current = null;
    return saveDraft(index, drafts[index]);
  };

  const change = (d: QuestionDraft) => {
    setMessage('');
    setDrafts((all) => ({ ...all, [index]: d }));
    if (!exam) return;
    if (saveTimer.current) clearTimeout(saveTimer.current);
    const i = index;
    saveTimer.current = setTimeout(() => {
      saveTimer.current = null;
      void saveDraft(i, d);
    }, AUTOSAVE_MS);
  };

  const go = async (target: number) => {
    if (target < 0 || target >= total || target === index) return;
    takeTime(index);
    await flushSave();
    setMessage('');
    setIndex(target);
    void enqueue(() => showTestQuestion(test.id, target));
  };

  const finish = useCallback(
    async (why: 'done' | 'expired') => {
      if (finishing.current) return;
      finishing.current = true;
      if (why === 'done') takeTime(index);
      if (saveTimer.current) clearTimeout(saveTimer.current);
      const done = await enqueue(() => finishTest(test.id, Date.now(), spent.current));
      // A failed finish (reported already) can be tried again.
      if (!done) finishing.current = false;
    },
    [enqueue, index, test.id, takeTime],
  );

  const requestFinish = async () => {
    if (exam) await flushSave();
    const fresh = await loadTest(test.id);
    const unanswered = (fresh?.state ?? state).answers.filter((a) => a === null).length;
    if (unanswered > 0) setConfirming(true);
    else await finish('done');
  };

  const check = async (e?: FormEvent) => {
    e?.preventDefault();
    if (!question || !draft) return;
    if (question.type === 'flashcard' && !stored) {
      if (!revealed[index]) setRevealed((r) => ({ ...r, [index]: true }));
      else setMessage("Say whether you knew it: “I knew it” or “I didn't know it”.");
      return;
    }
    if (exam) {
      if (index < total - 1) await go(index + 1);
      else await requestFinish();
      return;
    }
    if (stored) {
      if (index < total - 1) await go(index + 1);
      return;
    }
    const response = draftToResponse(draft);
    if (!response) {
      setMessage('Choose an answer first.');
      return;
    }
    const ms = takeTime(index);
    await enqueue(() => answerTestQuestion(test, index, question, response, ms, Date.now()));
  };

  const rateFlashcard = async (knew: boolean) => {
    if (!question) return;
    const ms = takeTime(index);
    await enqueue(() =>
      answerTestQuestion(test, index, question, createFlashcardResponse(knew), ms, Date.now()),
    );
    if (exam && index < total - 1) await go(index + 1);
  };

  const locked = !exam && stored !== null;
  useAnswerKeys((key) => {
    if (!question || !arrangement || !draft || locked || confirming) return false;
    const next = applyAnswerKey(question, arrangement, draft, key);
    if (!next) return false;
    change(next);
    return true;
  });

  const answeredCount = state.answers.filter((a) => a !== null).length;
  return (
    <div className="running-test" data-mode={state.mode}>
      <div className="test-status">
        <div className="test-status__progress">
          <p id="test-progress-label" className="test-status__label">
            Question {index + 1} of {total}
          </p>
          <progress
            className="progress"
            aria-labelledby="test-progress-label"
            value={index + 1}
            max={total}
          />
          <p className="muted test-status__answered">
            {answeredCount} of {total} answered ·{' '}
            {exam ? 'Exam: answers are checked at the end' : 'Practice: each answer is checked at once'}
          </p>
        </div>
        <TestTimer state={state} onExpire={() => void finish('expired')} />
      </div>

      {question && arrangement && draft ? (
        <QuestionPanel
          key={index}
          test={test}
          index={index}
          last={index === total - 1}
          row={row as QuestionRow}
          arrangement={arrangement}
          draft={draft}
          onChange={change}
          locked={locked}
          showFeedback={!exam && stored !== null && showsFeedback(state)}
          storedResponse={stored?.response}
          revealed={revealed[index] === true}
          onReveal={() => setRevealed((r) => ({ ...r, [index]: true }))}
          onRate={(knew) => void rateFlashcard(knew)}
          onSubmit={(e) => void check(e)}
          message={message}
        />
      ) : (
        <p role="status">This question is no longer stored; it counts as unanswered.</p>
      )}

      <div className="test-actions">
        {exam ? (
          <>
            <button
              type="button"
              className="secondary"
              disabled={index === 0}
              onClick={() => void go(index - 1)}
            >
              Previous
            </button>
            <button
              type="button"
              className="secondary"
              disabled={index >= total - 1}
              onClick={() => void go(index + 1)}
            >
              Next
            </button>
          </>
        ) : null}
        {!exam && stored !== null && index < total - 1 ? (
          <button type="button" onClick={() => void go(index + 1)} data-next="true">
            Next question
          </button>
        ) : null}
        <button
          type="button"
          className={!exam && stored !== null && index === total - 1 ? '' : 'secondary'}
          onClick={() => void requestFinish()}
        >
          {!exam && index === total - 1 && stored !== null ? 'See the report' : 'Finish test'}
        </button>
      </div>

      {exam ? <QuestionNavigator state={state} current={index} onGo={(i) => void go(i)} /> : null}

      <FinishDialog
        open={confirming}
        unanswered={state.answers.filter((a) => a === null).length}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          void finish('done');
        }}
      />
    </div>
  );
}
