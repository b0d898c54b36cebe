/** Answer widgets for every question type, independent of any session (study, self-test). */
export * from './AnswerFeedback';
export * from './answer-keys';
export * from './draft';
export * from './QuestionView';
export type * from './widget-props';
