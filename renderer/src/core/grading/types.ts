/**
 * What a student answers and what the grader says about it. Responses are stored as JSON in the
 * review log, so each names its question type.
 */
import type { QuestionType } from '../pack/schema';
import type { Rating } from '../scheduler';
import type { MatchKind } from './text-match';

/**
 * A student's answer. Indices always refer to the question's own order (choices, pairs, items),
 * never to the shuffled order they were shown in.
 */
export type AnswerResponse =
  /** Flashcards are self-graded: the button the student pressed. */
  | { type: 'flashcard'; rating: Rating }
  /** Indices of the chosen options (one for single-answer questions). */
  | { type: 'multiple-choice'; selected: number[] }
  | { type: 'true-false'; value: boolean }
  | { type: 'typed'; text: string }
  /** One answer per deletion, in reading order (see `parseCloze`). */
  | { type: 'cloze'; answers: string[] }
  /** `pairs[i]` is the index of the right-hand item matched to left item `i`, or null. */
  | { type: 'matching'; pairs: Array<number | null> }
  /** The items' indices in the order the student put them. */
  | { type: 'ordering'; order: number[] };

/** A typed answer or one cloze blank. */
export interface TextPart {
  kind: 'text';
  index: number;
  given: string;
  /** The accepted answer it matched, else the first accepted one. */
  expected: string;
  accepted: string[];
  correct: boolean;
  /** Right only thanks to typo tolerance: show the student the right spelling. */
  typo: boolean;
  matchedBy: MatchKind;
  hint?: string;
  /** A choice blank's options, in the order written. */
  options?: string[];
  /** Credit in percent the answer earned (typed answers with graded answers; else 100 or 0). */
  credit?: number;
  /** Feedback of the graded answer the student's answer matched, or for any other answer. */
  feedback?: string;
}

/** One option of a multiple-choice question. */
export interface ChoicePart {
  kind: 'choice';
  index: number;
  text: string;
  selected: boolean;
  /** The option is one of the right ones. */
  isCorrect: boolean;
  /** The student handled it right (chose a right one or left a wrong one). */
  correct: boolean;
  /** Credit in percent this option carries when chosen. */
  credit: number;
  feedback?: string;
}

/** A true/false answer. */
export interface BooleanPart {
  kind: 'boolean';
  given: boolean | null;
  expected: boolean;
  correct: boolean;
  feedback?: string;
}

/** One left-hand item of a matching question. */
export interface PairPart {
  kind: 'pair';
  index: number;
  left: string;
  given: string | null;
  expected: string;
  correct: boolean;
}

/** One item of an ordering question, at the place the student put it. */
export interface PositionPart {
  kind: 'position';
  /** Where the student put it (0-based), or -1 when it was left out. */
  position: number;
  itemIndex: number;
  item: string;
  expectedPosition: number;
  /** In the longest run of items the student kept in the right relative order. */
  correct: boolean;
  /** Exactly at its expected position. */
  inPlace: boolean;
}

/** A flashcard's self-rating. */
export interface SelfPart {
  kind: 'self';
  rating: Rating | null;
}

/** Per-part detail of a grade, for the feedback shown after answering. */
export type GradePart = TextPart | ChoicePart | BooleanPart | PairPart | PositionPart | SelfPart;

/** The verdict on one answer. */
export interface Grade {
  questionType: QuestionType;
  /** Entirely right (typos tolerated). */
  correct: boolean;
  /** Share that was right, 0..1 (1 when correct). */
  score: number;
  /** Some but not all of it was right. */
  partial: boolean;
  /** Counted right with a typo somewhere. */
  typo: boolean;
  parts: GradePart[];
  /** The right answer as one line of text. */
  expectedText: string;
  /** What the student answered as one line of text. */
  givenText: string;
  /** A flashcard's self-rating; `ratingFor` uses it as is. */
  selfRating?: Rating;
  /** Answers faster than this (ms) count as fast: right and fast → Easy. See `computeFastThresholdMs`. */
  fastMs: number;
}

/** Options of `gradeAnswer`. */
export interface GradeContext {
  /** Accept a small typo in a long word as right (default true). */
  allowTypos?: boolean;
}
