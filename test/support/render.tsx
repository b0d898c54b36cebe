/**
 * Rendering helpers of the component tier. `renderControlled` keeps a controlled widget's value in
 * React state, as its screen does, so typing and clicking change what the widget shows, and records
 * every value the widget handed to `onChange`.
 */
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type ReactElement, useState } from 'react';
import type { Question } from '@/core/pack/schema';
import {
  type Arrangement,
  arrangeQuestion,
  createDraft,
  type QuestionDraft,
} from '@/features/questions/draft';
import { QuestionView } from '@/features/questions/QuestionView';

/** Renders `ui` with a user-event session set up for it (the order Testing Library recommends). */
export function renderWithUser(ui: ReactElement) {
  const user = userEvent.setup();
  return { user, ...render(ui) };
}

/** A layout that keeps the author's order (no shuffling), so a test knows where each choice is. */
export function authorOrder(question: Question): Arrangement {
  const seeded = arrangeQuestion(question, 'test');
  const count = (n: number) => Array.from({ length: n }, (_, i) => i);
  if (question.type === 'multiple-choice') return { ...seeded, choiceOrder: count(question.choices.length) };
  if (question.type === 'matching') return { ...seeded, rightOrder: count(question.pairs.length) };
  return seeded;
}

export interface QuestionHarnessOptions {
  arrangement?: Arrangement;
  draft?: QuestionDraft;
  disabled?: boolean;
  revealed?: boolean;
}

interface HarnessProps {
  question: Question;
  arrangement: Arrangement;
  initial: QuestionDraft;
  disabled: boolean;
  revealed: boolean;
  changes: QuestionDraft[];
}

function QuestionHarness({ question, arrangement, initial, disabled, revealed, changes }: HarnessProps) {
  const [draft, setDraft] = useState<QuestionDraft>(initial);
  return (
    <QuestionView
      question={question}
      arrangement={arrangement}
      draft={draft}
      onChange={(d) => {
        changes.push(d);
        setDraft(d);
      }}
      disabled={disabled}
      revealed={revealed}
      idPrefix="t"
    />
  );
}

/** Renders a QuestionView whose draft lives in state; `changes` holds each draft it reported. */
export function renderQuestion(question: Question, options: QuestionHarnessOptions = {}) {
  const arrangement = options.arrangement ?? authorOrder(question);
  const changes: QuestionDraft[] = [];
  const ui = (
    <QuestionHarness
      question={question}
      arrangement={arrangement}
      initial={options.draft ?? createDraft(question, arrangement)}
      disabled={options.disabled ?? false}
      revealed={options.revealed ?? false}
      changes={changes}
    />
  );
  return { changes, arrangement, ...renderWithUser(ui) };
}
