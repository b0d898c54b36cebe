/**
 * The grader: one function, total over every question type and every response (never throws; a
 * response of the wrong shape or for another type is simply wrong).
 */
import type { Question } from '../pack/schema';
import { isRating } from '../scheduler';
import { parseCloze } from './cloze';
import { gradeMatching, gradeOrdering } from './grade-arrange';
import { gradeMultipleChoice, gradeTrueFalse } from './grade-choice';
import { describeTypedAnswer, gradeCloze, gradeTyped } from './grade-text';
import type { Grade, GradeContext, GradePart } from './types';

/** Base of the "fast" threshold, ms. */
export const FAST_BASE_MS = 2_500;
/** Per character read (prompt and options): about 30 characters a second, a quick read. */
export const FAST_MS_PER_CHAR_READ = 35;
/** Per character of the expected answer to type: about 4 a second. */
export const FAST_MS_PER_CHAR_TYPED = 250;
/** Per item to place (matching pairs, ordering items). */
export const FAST_MS_PER_ITEM = 1_500;
/** The threshold never goes above this, ms. */
export const FAST_MAX_MS = 60_000;

const len = (s: string | undefined) => (s ?? '').length;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * The response time (ms) under which a right answer counts as fast (→ Easy). It grows with what the
 * student has to read and do: 2.5 s + 35 ms per character of prompt and options + 250 ms per
 * character of the expected typed answer + 1.5 s per matching pair or ordering item, capped at
 * 60 s. A 100-character multiple-choice question with four 20-character options: 2.5 + 3.5 + 2.8 =
 * 8.8 s; "Who invested $1B?" answered "Microsoft": 2.5 + 0.6 + 2.25 ≈ 5.4 s.
 */
export function computeFastThresholdMs(q: Question): number {
  let read = 0;
  let typed = 0;
  let items = 0;
  switch (q.type) {
    case 'flashcard':
      read = len(q.front);
      break;
    case 'multiple-choice':
      read = len(q.prompt) + sum(q.choices.map((c) => len(c.text)));
      break;
    case 'true-false':
      read = len(q.prompt);
      break;
    case 'typed':
      read = len(q.prompt);
      typed = len(describeTypedAnswer(q));
      break;
    case 'cloze': {
      const { deletions } = parseCloze(q.text);
      typed = sum(deletions.map((d) => len(d.answers[0])));
      read = Math.max(0, len(q.text) - typed);
      break;
    }
    case 'matching':
      read = len(q.prompt) + sum(q.pairs.map((p) => len(p.left) + len(p.right)));
      items = q.pairs.length;
      break;
    case 'ordering':
      read = len(q.prompt) + sum(q.items.map(len));
      items = q.items.length;
      break;
  }
  const ms =
    FAST_BASE_MS + FAST_MS_PER_CHAR_READ * read + FAST_MS_PER_CHAR_TYPED * typed + FAST_MS_PER_ITEM * items;
  return Math.min(FAST_MAX_MS, ms);
}

type Core = {
  parts: GradePart[];
  correct: boolean;
  score: number;
  expectedText: string;
  givenText: string;
  typo?: boolean;
};

function field(response: unknown, type: string, name: string): unknown {
  if (typeof response !== 'object' || response === null) return undefined;
  const r = response as Record<string, unknown>;
  return r.type === type ? r[name] : undefined;
}

function gradeCore(
  q: Question,
  response: unknown,
  ctx: GradeContext,
): Core & { selfRating?: Grade['selfRating'] } {
  switch (q.type) {
    case 'flashcard': {
      const rating = field(response, 'flashcard', 'rating');
      const r = isRating(rating) ? rating : null;
      const right = r !== null && r > 1;
      const core: Core & { selfRating?: Grade['selfRating'] } = {
        parts: [{ kind: 'self', rating: r }],
        correct: right,
        score: right ? 1 : 0,
        expectedText: q.back,
        givenText: '',
      };
      if (r !== null) core.selfRating = r;
      return core;
    }
    case 'multiple-choice':
      return gradeMultipleChoice(q, field(response, q.type, 'selected'));
    case 'true-false':
      return gradeTrueFalse(q, field(response, q.type, 'value'));
    case 'typed':
      return gradeTyped(q, field(response, q.type, 'text'), ctx);
    case 'cloze':
      return gradeCloze(q, field(response, q.type, 'answers'), ctx);
    case 'matching':
      return gradeMatching(q, field(response, q.type, 'pairs'));
    case 'ordering':
      return gradeOrdering(q, field(response, q.type, 'order'));
  }
}

/**
 * Grades `response` (an {@link AnswerResponse}, or anything) to `question`. Right answers score 1;
 * multi-part questions (several-correct choice, cloze, matching, ordering) score the share that was
 * right and are `partial` when some but not all of it was. Typed answers and cloze blanks ignore
 * case, accents, punctuation and spacing, match numbers by value within the question's tolerance,
 * and accept a small typo in a long word (flagged in `typo`). Never throws.
 *
 * @see matchTypedAnswer, gradeMultipleChoice, gradeMatching, gradeOrdering for each rule.
 */
export function gradeAnswer(question: Question, response: unknown, ctx: GradeContext = {}): Grade {
  const core = gradeCore(question, response, ctx);
  const score = Number.isFinite(core.score) ? Math.min(1, Math.max(0, core.score)) : 0;
  const grade: Grade = {
    questionType: question.type,
    correct: core.correct,
    score: core.correct ? 1 : score,
    partial: !core.correct && score > 0,
    typo: core.correct && (core.typo ?? false),
    parts: core.parts,
    expectedText: core.expectedText,
    givenText: core.givenText,
    fastMs: computeFastThresholdMs(question),
  };
  if (core.selfRating !== undefined) grade.selfRating = core.selfRating;
  return grade;
}
