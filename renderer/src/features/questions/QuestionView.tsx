/**
 * One question with its answer widget. Independent of any session: props in (question, layout,
 * draft), changes out (`onChange`); the caller decides when to submit and what to do with the grade.
 */
import type { ReactNode } from 'react';
import { flashcardBack, flashcardFront } from '../../core/pack/flashcard-sides';
import type { Question } from '../../core/pack/schema';
import { MediaText, SideImages } from '../../ui/media/MediaText';
import { MatchingWidget, OrderingWidget } from './ArrangeWidgets';
import { MultipleChoiceWidget, TrueFalseWidget } from './ChoiceWidgets';
import type { Arrangement, QuestionDraft } from './draft';
import { ClozeWidget, TypedWidget } from './TextWidgets';
import './questions.css';

export interface QuestionViewProps {
  question: Question;
  arrangement: Arrangement;
  draft: QuestionDraft;
  onChange: (draft: QuestionDraft) => void;
  disabled: boolean;
  /** Flashcards: show the back. */
  revealed?: boolean;
  idPrefix: string;
}

/** The words a question asks, as one line (the prompt, a flashcard's front, or "Fill in the blanks"). */
export function describePrompt(question: Question): string {
  switch (question.type) {
    case 'flashcard':
      return flashcardFront(question);
    case 'cloze':
      return 'Fill in the blanks.';
    default:
      return question.prompt;
  }
}

const TYPE_NAMES: Record<Question['type'], string> = {
  flashcard: 'Flashcard',
  'multiple-choice': 'Multiple choice',
  'true-false': 'True or false',
  typed: 'Type the answer',
  cloze: 'Fill in the blanks',
  matching: 'Matching',
  ordering: 'Ordering',
};

/** A short name of the question's type, shown above the prompt. */
export function nameQuestionType(question: Question): string {
  return TYPE_NAMES[question.type];
}

export function QuestionView(props: QuestionViewProps) {
  const { question, idPrefix } = props;
  const promptId = `${idPrefix}-prompt`;
  const titleId = `${idPrefix}-question-name`;
  return (
    <div className="question" data-question-type={question.type}>
      <p className="question__type muted">{nameQuestionType(question)}</p>
      {question.title !== undefined && (
        <p id={titleId} className="question__title muted">
          <span className="visually-hidden">Question name: </span>
          {question.title}
        </p>
      )}
      <h2
        id={promptId}
        className="question__prompt"
        tabIndex={-1}
        data-question-prompt="true"
        aria-describedby={question.title !== undefined ? titleId : undefined}
      >
        {question.type === 'flashcard' ? (
          <>
            <MediaText text={question.front} />
            <SideImages names={question.frontImages} />
          </>
        ) : (
          <MediaText text={describePrompt(question)} />
        )}
      </h2>
      {renderWidget(props, promptId)}
    </div>
  );
}

function renderWidget(p: QuestionViewProps, promptId: string): ReactNode {
  const common = { arrangement: p.arrangement, disabled: p.disabled, idPrefix: p.idPrefix, promptId };
  const q = p.question;
  const d = p.draft;
  const change = p.onChange;
  if (q.type === 'flashcard') {
    if (!p.revealed) return null;
    const back = flashcardBack(q);
    return (
      <div className="flashcard-back" aria-live="polite">
        <h3 className="visually-hidden">Answer</h3>
        {back === '' ? (
          <p className="flashcard-back__empty muted">(empty)</p>
        ) : (
          <p>
            <MediaText text={q.back} />
            <SideImages names={q.backImages} />
          </p>
        )}
      </div>
    );
  }
  if (q.type === 'multiple-choice' && d.type === q.type)
    return <MultipleChoiceWidget question={q} draft={d} onChange={change} {...common} />;
  if (q.type === 'true-false' && d.type === q.type)
    return <TrueFalseWidget question={q} draft={d} onChange={change} {...common} />;
  if (q.type === 'typed' && d.type === q.type)
    return <TypedWidget question={q} draft={d} onChange={change} {...common} />;
  if (q.type === 'cloze' && d.type === q.type)
    return <ClozeWidget question={q} draft={d} onChange={change} {...common} />;
  if (q.type === 'matching' && d.type === q.type)
    return <MatchingWidget question={q} draft={d} onChange={change} {...common} />;
  if (q.type === 'ordering' && d.type === q.type)
    return <OrderingWidget question={q} draft={d} onChange={change} {...common} />;
  return null;
}
