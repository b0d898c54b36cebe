/** Props every answer widget takes: the question, its layout, the draft, and where changes go. */
import type { Question, QuestionType } from '../../core/pack/schema';
import type { Arrangement, QuestionDraft } from './draft';

export interface WidgetProps<T extends QuestionType> {
  question: Extract<Question, { type: T }>;
  arrangement: Arrangement;
  draft: Extract<QuestionDraft, { type: T }>;
  onChange: (draft: Extract<QuestionDraft, { type: T }>) => void;
  /** After submitting: the inputs stay visible but cannot change. */
  disabled: boolean;
  /** Prefix of element ids, unique on the page. */
  idPrefix: string;
  /** Id of the element holding the prompt (labels the widget's group). */
  promptId: string;
}
