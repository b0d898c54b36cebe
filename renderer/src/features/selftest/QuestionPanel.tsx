/**
 * One question of a running self-test: the shared answer widget in a form (Enter submits), flashcard
 * reveal and self-rating, and in practice mode the grade, the explanation and Read in context.
 */
import { type FormEvent, useEffect, useMemo, useRef } from 'react';
import { gradeAnswer } from '../../core/grading';
import type { QuestionRow, StoredSelfTest } from '../../ops/selftest';
import { ReadInContextButton } from '../../ui/ReadInContext';
import { AnswerFeedback, type Arrangement, type QuestionDraft, QuestionView } from '../questions';
import { FLASHCARD_MISSED } from './response-words';

export interface QuestionPanelProps {
  test: StoredSelfTest;
  index: number;
  /** The last question of the test. */
  last: boolean;
  row: QuestionRow;
  arrangement: Arrangement;
  draft: QuestionDraft;
  onChange: (draft: QuestionDraft) => void;
  /** Practice mode, once answered: the answer cannot change. */
  locked: boolean;
  showFeedback: boolean;
  storedResponse: unknown;
  revealed: boolean;
  onReveal: () => void;
  onRate: (knew: boolean) => void;
  onSubmit: (e: FormEvent) => void;
  message: string;
}

export function QuestionPanel(props: QuestionPanelProps) {
  const { test, index, row, arrangement, draft, locked, showFeedback, storedResponse } = props;
  const question = row.question;
  const exam = test.state.mode === 'exam';
  const rootRef = useRef<HTMLFormElement>(null);
  const feedbackId = `selftest-feedback-${index}`;
  const flashcard = question.type === 'flashcard';
  const answered = storedResponse !== undefined;

  // A new question: the cursor goes where the answer is typed, or to the prompt.
  useEffect(() => {
    const root = rootRef.current;
    const input = root?.querySelector<HTMLElement>('[data-answer-input="true"]:not([readonly])');
    (input ?? root?.querySelector<HTMLElement>('[data-question-prompt="true"]'))?.focus();
  }, []);

  useEffect(() => {
    if (showFeedback) document.getElementById(feedbackId)?.focus();
  }, [showFeedback, feedbackId]);

  const grade = useMemo(
    () => (showFeedback ? gradeAnswer(question, storedResponse) : null),
    [showFeedback, question, storedResponse],
  );
  const rating =
    answered && typeof storedResponse === 'object' && storedResponse !== null
      ? (storedResponse as { rating?: unknown }).rating
      : undefined;

  return (
    <form
      ref={rootRef}
      className="card selftest-question"
      aria-label={`Question ${index + 1}`}
      data-question-id={question.id}
      data-answered={answered ? 'true' : 'false'}
      onSubmit={props.onSubmit}
      onKeyDown={(e) => {
        // Enter on a choice, the prompt or the verdict submits like Enter in a text field does.
        const t = e.target as HTMLElement;
        const choice = t instanceof HTMLInputElement && (t.type === 'radio' || t.type === 'checkbox');
        if (e.key !== 'Enter' || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
        if (!choice && !/^H[1-6]$/.test(t.tagName)) return;
        e.preventDefault();
        e.currentTarget.requestSubmit();
      }}
    >
      <QuestionView
        question={question}
        arrangement={arrangement}
        draft={draft}
        onChange={props.onChange}
        disabled={locked}
        revealed={flashcard && (props.revealed || answered)}
        idPrefix={`selftest-q${index}`}
      />
      {flashcard ? (
        <div className="flashcard-rate">
          {!props.revealed && !answered ? (
            <button type="button" onClick={props.onReveal}>
              Show answer
            </button>
          ) : locked ? null : (
            <fieldset className="flashcard-rate__buttons">
              <legend className="visually-hidden">Did you know it?</legend>
              <button
                type="button"
                onClick={() => props.onRate(true)}
                aria-pressed={answered ? rating !== FLASHCARD_MISSED : undefined}
              >
                I knew it
              </button>
              <button
                type="button"
                className="secondary"
                onClick={() => props.onRate(false)}
                aria-pressed={answered ? rating === FLASHCARD_MISSED : undefined}
              >
                I didn't know it
              </button>
            </fieldset>
          )}
          {answered && exam ? (
            <p className="muted">
              {rating === FLASHCARD_MISSED ? 'You said you did not know it.' : 'You said you knew it.'}
            </p>
          ) : null}
        </div>
      ) : locked ? null : (
        <div className="selftest-question__submit">
          <button type="submit">
            {exam ? (props.last ? 'Save and finish' : 'Save and next') : 'Check answer'}
          </button>
          {exam ? (
            <span className="muted">Answers are saved as you go; you can change them until you finish.</span>
          ) : null}
        </div>
      )}
      {props.message ? (
        <p className="selftest-message" role="status">
          {props.message}
        </p>
      ) : null}
      {grade ? (
        <div className="selftest-feedback">
          <AnswerFeedback
            question={question}
            grade={grade}
            arrangement={arrangement}
            headingId={feedbackId}
          />
          <ReadInContextButton place={row} />
        </div>
      ) : null}
    </form>
  );
}
