/**
 * What a student is in the middle of answering, before it is submitted, and how a question is laid
 * out for one showing (choice order, matching options, starting order of an ordering question).
 * Pure and seeded, so the study screen and the self-test show the same question the same way.
 */
import type { AnswerResponse } from '../../core/grading';
import { parseCloze } from '../../core/grading';
import type { Question } from '../../core/pack/schema';
import { permutation } from '../../core/random';

/** An answer being written. Indices refer to the question's own order, as in `AnswerResponse`. */
export type QuestionDraft =
  | { type: 'flashcard' }
  | { type: 'multiple-choice'; selected: number[] }
  | { type: 'true-false'; value: boolean | null }
  | { type: 'typed'; text: string }
  | { type: 'cloze'; answers: string[] }
  | { type: 'matching'; pairs: Array<number | null> }
  | { type: 'ordering'; order: number[] };

/** How one showing of a question is laid out; drawn from a seed so a review replays exactly. */
export interface Arrangement {
  /** Multiple choice: `choiceOrder[displayPosition] = choice index`. */
  choiceOrder: number[];
  /** Matching: the right-hand options in the order the selects list them (pair indices, then distractors). */
  rightOrder: number[];
  /** Ordering: the order the items start in (item indices); never already right when n > 1. */
  startOrder: number[];
}

/** The seed of one showing of a card: the card key and its review count. */
export function createShowingSeed(cardKey: string, reps: number): string {
  return `${cardKey}@${reps}`;
}

function isIdentity(order: readonly number[]): boolean {
  return order.every((v, i) => v === i);
}

/** Lays out `question` for the showing identified by `seed`. */
export function arrangeQuestion(question: Question, seed: string): Arrangement {
  const out: Arrangement = { choiceOrder: [], rightOrder: [], startOrder: [] };
  if (question.type === 'multiple-choice') {
    const n = question.choices.length;
    out.choiceOrder = question.fixedOrder
      ? Array.from({ length: n }, (_, i) => i)
      : permutation(n, `${seed}/choices`);
  } else if (question.type === 'matching') {
    const options = question.pairs.length + (question.distractors?.length ?? 0);
    out.rightOrder = permutation(options, `${seed}/right`);
  } else if (question.type === 'ordering') {
    const order = permutation(question.items.length, `${seed}/order`);
    // Starting in the right order would give the answer away: rotate by one instead.
    out.startOrder = order.length > 1 && isIdentity(order) ? [...order.slice(1), order[0] as number] : order;
  }
  return out;
}

/** The empty answer a question starts with. */
export function createDraft(question: Question, arrangement: Arrangement): QuestionDraft {
  switch (question.type) {
    case 'flashcard':
      return { type: 'flashcard' };
    case 'multiple-choice':
      return { type: 'multiple-choice', selected: [] };
    case 'true-false':
      return { type: 'true-false', value: null };
    case 'typed':
      return { type: 'typed', text: '' };
    case 'cloze':
      return { type: 'cloze', answers: parseCloze(question.text).deletions.map(() => '') };
    case 'matching':
      return { type: 'matching', pairs: question.pairs.map(() => null) };
    case 'ordering':
      return { type: 'ordering', order: arrangement.startOrder.slice() };
  }
}

/**
 * The response to grade, or null while there is nothing to submit: a flashcard (rated, not
 * submitted), a choice or true/false question with nothing chosen. An empty typed answer is a
 * response ("I don't know") and is graded wrong.
 */
export function draftToResponse(draft: QuestionDraft): AnswerResponse | null {
  switch (draft.type) {
    case 'flashcard':
      return null;
    case 'multiple-choice':
      return draft.selected.length === 0 ? null : { type: draft.type, selected: draft.selected.slice() };
    case 'true-false':
      return draft.value === null ? null : { type: draft.type, value: draft.value };
    case 'typed':
      return { type: draft.type, text: draft.text };
    case 'cloze':
      return { type: draft.type, answers: draft.answers.slice() };
    case 'matching':
      return { type: draft.type, pairs: draft.pairs.slice() };
    case 'ordering':
      return { type: draft.type, order: draft.order.slice() };
  }
}

/** Tells whether a multiple-choice question has more than one right option (checkboxes, not radios). */
export function isMultiAnswer(question: Extract<Question, { type: 'multiple-choice' }>): boolean {
  return question.choices.filter((c) => c.correct).length > 1;
}

/** Chooses (radio) or toggles (checkbox) the choice with index `choice`. */
export function toggleChoice(
  question: Extract<Question, { type: 'multiple-choice' }>,
  draft: Extract<QuestionDraft, { type: 'multiple-choice' }>,
  choice: number,
): Extract<QuestionDraft, { type: 'multiple-choice' }> {
  if (!isMultiAnswer(question)) return { type: draft.type, selected: [choice] };
  const has = draft.selected.includes(choice);
  const selected = has ? draft.selected.filter((i) => i !== choice) : [...draft.selected, choice];
  return { type: draft.type, selected: selected.sort((a, b) => a - b) };
}

/** Moves the item at position `from` by `delta` places (clamped); returns the same array if it cannot move. */
export function moveItem(order: readonly number[], from: number, delta: number): number[] {
  const to = Math.min(order.length - 1, Math.max(0, from + delta));
  if (from < 0 || from >= order.length || to === from) return order.slice();
  const out = order.slice();
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item as number);
  return out;
}
