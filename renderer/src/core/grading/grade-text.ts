import type { Question } from '../pack/schema';
import { parseCloze, renderCloze } from './cloze';
import { compactAnswer } from './normalize';
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
  const best = q.answers?.find((a) => a.credit === 100 && (a.numeric || !a.text?.includes('*')));
  if (best?.text !== undefined) return best.text;
  const numeric = q.numeric ?? best?.numeric;
  if (!numeric) return '';
  const unit = numeric.unit ? ` ${numeric.unit}` : '';
  const tol = numeric.tolerance > 0 ? ` ± ${numeric.tolerance}` : '';
  return `${numeric.value}${tol}${unit}`;
}

/** Moodle's short-answer wildcard: `*` stands for any characters; the rest is compared as normalized. */
function matchesWildcard(given: string, pattern: string): boolean {
  const parts = pattern.split('*').map((p) => compactAnswer(p).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.*')}$`).test(compactAnswer(given));
}

/** The first graded answer `given` matches (exactly first, then with a typo), or undefined. */
function findGraded(q: Typed, given: string, allowTypos: boolean) {
  const answers = q.answers ?? [];
  for (const typos of allowTypos ? [false, true] : [false]) {
    for (const a of answers) {
      if (a.text?.includes('*')) {
        if (!typos && given.trim() !== '' && matchesWildcard(given, a.text))
          return { answer: a, typo: false, by: 'text' as const };
        continue;
      }
      const m = matchTypedAnswer(given, {
        accept: a.text === undefined ? [] : [a.text],
        numeric: a.numeric,
        allowTypos: typos,
      });
      if (m.correct && m.typo === typos) return { answer: a, typo: m.typo, by: m.by };
    }
  }
  return undefined;
}

/** Grades a typed answer; `text` may be anything (a non-string is an empty, wrong answer). */
export function gradeTyped(q: Typed, text: unknown, ctx: GradeContext): TextGrade {
  const given = asText(text);
  if (q.answers && q.answers.length > 0) {
    const allowTypos = ctx.allowTypos ?? true;
    const found = findGraded(q, given, allowTypos);
    if (found) {
      const credit = found.answer.credit;
      const expectedText = describeTypedAnswer(q);
      const part: TextPart = {
        kind: 'text',
        index: 0,
        given,
        expected:
          credit === 100 && found.answer.text && !found.answer.text.includes('*')
            ? found.answer.text
            : expectedText,
        accepted: q.accept.slice(),
        correct: credit === 100,
        typo: found.typo,
        matchedBy: found.by,
        credit,
      };
      if (found.answer.feedback) part.feedback = found.answer.feedback;
      return {
        parts: [part],
        correct: credit === 100,
        score: credit / 100,
        typo: found.typo && credit === 100,
        expectedText,
        givenText: given,
      };
    }
  }
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
  if (!m.correct && q.otherFeedback) part.feedback = q.otherFeedback;
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
    // A choice blank is picked from a list: no typo can make a wrong option right.
    const m = matchTypedAnswer(g, {
      accept: d.answers,
      allowTypos: d.options ? false : (ctx.allowTypos ?? true),
    });
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
    if (d.options) part.options = d.options.slice();
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
