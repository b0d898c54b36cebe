import type { Question } from '../pack/schema';
import type { BooleanPart, ChoicePart } from './types';

type MultipleChoice = Extract<Question, { type: 'multiple-choice' }>;
type TrueFalse = Extract<Question, { type: 'true-false' }>;

/** Valid, distinct option indices out of anything. */
export function readIndices(value: unknown, length: number): number[] {
  if (!Array.isArray(value)) return [];
  const out = new Set<number>();
  for (const v of value) if (Number.isInteger(v) && v >= 0 && v < length) out.add(v);
  return [...out].sort((a, b) => a - b);
}

/**
 * Grades a multiple-choice answer. Right = exactly the options marked correct were chosen.
 * Score = credit of the chosen options / credit of the right ones, clamped to 0..1. An option's
 * credit is its `credit` (percent, as Moodle's `%50%`) or, when absent, 100 for a right option and,
 * for a wrong one, minus one right option's worth — so choosing everything scores 0, and in a
 * several-correct question each wrong pick cancels one right pick. A single-answer question answered
 * with a partial-credit option (e.g. 50%) scores 0.5. Every option comes back with its feedback.
 */
export function gradeMultipleChoice(q: MultipleChoice, selectedRaw: unknown) {
  const selected = readIndices(selectedRaw, q.choices.length);
  const chosen = new Set(selected);
  const rightCount = q.choices.filter((c) => c.correct).length;
  const rightCredit = q.choices.reduce((sum, c) => sum + (c.correct ? (c.credit ?? 100) : 0), 0);
  const denominator = rightCredit > 0 ? rightCredit : 100;
  const penalty = -denominator / Math.max(1, rightCount);
  const creditOf = (c: (typeof q.choices)[number]) => c.credit ?? (c.correct ? 100 : penalty);
  const parts: ChoicePart[] = q.choices.map((c, index) => {
    const part: ChoicePart = {
      kind: 'choice',
      index,
      text: c.text,
      selected: chosen.has(index),
      isCorrect: c.correct,
      correct: chosen.has(index) === c.correct,
      credit: creditOf(c),
    };
    if (c.feedback !== undefined) part.feedback = c.feedback;
    return part;
  });
  const correct = parts.every((p) => p.correct);
  const raw =
    selected.reduce((sum, i) => sum + creditOf(q.choices[i] as (typeof q.choices)[number]), 0) / denominator;
  const score = correct ? 1 : Math.min(1, Math.max(0, raw));
  return {
    parts,
    correct,
    score,
    expectedText: q.choices
      .filter((c) => c.correct)
      .map((c) => c.text)
      .join('; '),
    givenText: selected.map((i) => q.choices[i]?.text ?? '').join('; '),
  };
}

/** Grades a true/false answer; anything but a boolean is wrong. The feedback is the given answer's. */
export function gradeTrueFalse(q: TrueFalse, value: unknown) {
  const given = typeof value === 'boolean' ? value : null;
  const correct = given === q.answer;
  const part: BooleanPart = { kind: 'boolean', given, expected: q.answer, correct };
  const feedback = given === true ? q.feedbackTrue : given === false ? q.feedbackFalse : undefined;
  if (feedback !== undefined) part.feedback = feedback;
  return {
    parts: [part],
    correct,
    score: correct ? 1 : 0,
    expectedText: q.answer ? 'True' : 'False',
    givenText: given === null ? '' : given ? 'True' : 'False',
  };
}
