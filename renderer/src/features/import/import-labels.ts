/** Words the import screens use for formats, question types and the update rule. */
import type { PackFormat } from '../../core/formats';
import type { QuestionType } from '../../core/pack/schema';

export const FORMAT_LABELS: Record<PackFormat, string> = {
  lectern: 'Lectern JSON',
  gift: 'Moodle GIFT',
  aiken: 'Aiken',
  delimited: 'Delimited text (CSV/TSV)',
};

export const TYPE_LABELS: Record<QuestionType, string> = {
  flashcard: 'Flashcards',
  'multiple-choice': 'Multiple choice',
  'true-false': 'True/false',
  typed: 'Typed answer',
  cloze: 'Cloze',
  matching: 'Matching',
  ordering: 'Ordering',
};

/** The update rule in one line, shown on the update summary (the README says the same). */
export const UPDATE_RULE =
  'Questions are matched by id: unchanged questions and questions whose wording changed keep their progress; a question whose correct answer changed starts over as new; removed questions leave the study queue but keep their review history.';
