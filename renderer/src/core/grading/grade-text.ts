import type { Question } from '../pack/schema';
import { parseCloze, renderCloze } from './cloze';
import { matchTypedAnswer } from './text-match';
import type { GradeContext, TextPart } from './types';

type Typed = Extract<Question, { type: 'typed' }>;
type Cloze = Extract<Question, { type: 'cloze' }>;

/** Result of grading a text answer, before the shared fields are added. */
export interface TextGrade {
  parts: TextPart[];
  correct: boolean;
  score: number;
  typo: boolean;
  expectedText: string;
  givenText: string;
}

function asText(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** The expected answer of a typed question as shown: the first accepted answer, else the number. */
export function describeTypedAnswer(q: Typed): string {
  if (q.accept[0] !== undefined) return q.accept[0];
  if (!q.numeric) return '';
  const unit = q.numeric.unit ? ` ${q.numeric.unit}` : '';
  const tol = q.numeric.tolerance > 0 ? ` ± ${q.numeric.tolerance}` : '';
  return `${q.numeric.value}${tol}${unit}`;
}

/** Grades a typed answer; `text` may be anything (a non-string is an empty, wrong answer). */
export function gradeTyped(q: Typed, text: unknown, ctx: GradeContext): TextGrade {
  const given = asText(text);
  const m = matchTypedAnswer(given, {
    accept: q.accept,
    numeric: q.numeric,
    allowTypos: ctx.allowTypos ?? true,
  });
  const expectedText = describeTypedAnswer(q);
  const part: TextPart = {
    kind: 'text',
    index: 0,
    given,
    expected: m.correct ? m.expected : expectedText,
    accepted: q.accept.slice(),
    correct: m.correct,
    typo: m.typo,
    matchedBy: m.by,
  };
  return {
    parts: [part],
    correct: m.correct,
    score: m.correct ? 1 : 0,
    typo: m.typo,
    expectedText,
    givenText: given,
  };
}

/**
 * Grades each blank of a cloze on its own (as a typed answer). Score is the share of blanks right;
 * blanks without any answer in the text are not counted, and a text with none is wrong.
 */
export function gradeCloze(q: Cloze, answers: unknown, ctx: GradeContext): TextGrade {
  const parsed = parseCloze(q.text);
  const given = Array.isArray(answers) ? answers : [];
  const parts: TextPart[] = [];
  for (const d of parsed.deletions) {
    if (d.answers.length === 0) continue;
    const g = asText(given[d.index]);
    const m = matchTypedAnswer(g, { accept: d.answers, allowTypos: ctx.allowTypos ?? true });
    const part: TextPart = {
      kind: 'text',
      index: d.index,
      given: g,
      expected: m.expected,
      accepted: d.answers.slice(),
      correct: m.correct,
      typo: m.typo,
      matchedBy: m.by,
    };
    if (d.hint !== undefined) part.hint = d.hint;
    parts.push(part);
  }
  const right = parts.filter((p) => p.correct).length;
  const correct = parts.length > 0 && right === parts.length;
  return {
    parts,
    correct,
    score: parts.length === 0 ? 0 : right / parts.length,
    typo: parts.some((p) => p.typo),
    expectedText: renderCloze(parsed, 'answer'),
    givenText: parts.map((p) => p.given).join(' · '),
  };
}
