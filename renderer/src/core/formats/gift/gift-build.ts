/**
 * A parsed GIFT answer block → the Lectern question it describes: choices with credit and feedback,
 * true/false with Moodle's feedback order, typed answers (text or numeric), clozes from missing words,
 * matching pairs, and ordering from numbered matching. Warns where Lectern cannot keep something.
 */

import type { ParsedAnswers } from './gift-answers';
import { placeInBlock } from './gift-blocks';
import { type Ctx, type LecternKind, type PromptParts, spanText, tagOf, tagsOf } from './gift-context';

/** Builds the question for a parsed answer block; undefined after an error (already reported). */
export function buildQuestion(
  ctx: Ctx,
  answers: ParsedAnswers,
  kind: LecternKind | undefined,
  text: PromptParts,
): Record<string, unknown> | undefined {
  switch (answers.kind) {
    case 'multiple-choice':
      return buildChoices(ctx, answers, text.prompt);
    case 'true-false': {
      const t = answers.truth;
      if (!t) return undefined;
      const right = spanText(ctx, t.rightFeedback) || undefined;
      const wrong = spanText(ctx, t.wrongFeedback) || undefined;
      const q: Record<string, unknown> = { type: 'true-false', prompt: text.prompt, answer: t.value };
      const [ifTrue, ifFalse] = t.value ? [right, wrong] : [wrong, right];
      if (ifTrue) q.feedbackTrue = ifTrue;
      if (ifFalse) q.feedbackFalse = ifFalse;
      return q;
    }
    case 'short-answer':
      return buildShortAnswer(ctx, answers, kind, text);
    case 'numerical':
      return buildNumerical(ctx, answers, text.prompt);
    case 'matching':
      return buildPairs(ctx, answers, kind, text.prompt);
    case 'essay':
      // Only a [type:flashcard] reaches here with {}: a card with an empty back.
      return kind === 'flashcard' ? { type: 'flashcard', front: text.prompt, back: '' } : undefined;
    default:
      return undefined;
  }
}

function buildChoices(ctx: Ctx, answers: ParsedAnswers, prompt: string) {
  const derived = tagsOf(ctx.tags, 'credits').some((t) => t.value.trim() === 'derived');
  const choices = answers.answers.map((a, i) => {
    ctx.mark(`choices/${i}`, a.at);
    ctx.mark(`choices/${i}/text`, a.text.start);
    const choice: Record<string, unknown> = {
      text: spanText(ctx, a.text),
      correct: a.weight !== undefined ? a.weight > 0 : a.marker === '=',
    };
    if (a.weight !== undefined && !derived) choice.credit = a.weight;
    const feedback = spanText(ctx, a.feedback);
    if (feedback) choice.feedback = feedback;
    return choice;
  });
  const q: Record<string, unknown> = { type: 'multiple-choice', prompt, choices };
  if (tagsOf(ctx.tags, 'order').some((t) => t.value.trim() === 'fixed')) q.fixedOrder = true;
  return q;
}

function acceptTags(ctx: Ctx, from: number): string[] {
  const tags = tagsOf(ctx.tags, 'accept');
  for (const [i, t] of tags.entries()) ctx.mark(`accept/${from + i}`, t);
  return tags.map((t) => t.value);
}

/** Whether the answers need the graded `answers` list: partial credit, feedback or a `*` wildcard. */
function needsGraded(ctx: Ctx, answers: ParsedAnswers): boolean {
  const hasFeedback = (span: ParsedAnswers['general']) => spanText(ctx, span) !== '';
  return (
    hasFeedback(answers.otherFeedback) ||
    // Moodle's `*` wildcard; Lectern's own export writes weights whenever it means graded answers.
    ((!tagOf(ctx.tags, 'type') || answers.answers.some((a) => a.weight !== undefined)) &&
      answers.answers.some((a) => ctx.masked.slice(a.text.start, a.text.end).includes('*'))) ||
    answers.answers.some((a) => hasFeedback(a.feedback) || (a.weight !== undefined && a.weight !== 100)) ||
    answers.numbers.some((n) => hasFeedback(n.feedback) || n.weight !== 100)
  );
}

/** Moodle clamps a typed answer's credit to 0..100 (a negative one earns nothing). */
function credit(weight: number | undefined): number {
  return Math.max(0, Math.min(100, weight ?? 100));
}

function buildShortAnswer(
  ctx: Ctx,
  answers: ParsedAnswers,
  kind: LecternKind | undefined,
  text: PromptParts,
) {
  const accepted: string[] = [];
  const graded: Record<string, unknown>[] = [];
  const keepGraded = kind !== 'flashcard' && kind !== 'cloze' && needsGraded(ctx, answers);
  for (const a of answers.answers) {
    const value = spanText(ctx, a.text);
    if (a.weight === undefined || a.weight === 100) {
      ctx.mark(`accept/${accepted.length}`, a.text.start);
      accepted.push(value);
    } else if (!keepGraded) {
      ctx.builder.warn(
        `typed answers have no partial credit: "${value}" (${a.weight}%) is not accepted`,
        placeInBlock(ctx.block, a.at),
      );
    }
    if (keepGraded) {
      const entry: Record<string, unknown> = { text: value, credit: credit(a.weight) };
      const feedback = spanText(ctx, a.feedback);
      if (feedback) entry.feedback = feedback;
      graded.push(entry);
    }
  }
  if (kind === 'flashcard') {
    const [back, second] = answers.answers;
    if (second) {
      ctx.builder.error('a flashcard has one back: give one = answer', placeInBlock(ctx.block, second.at));
      return undefined;
    }
    ctx.mark('back', back?.text.start ?? 0);
    return { type: 'flashcard', front: text.prompt, back: spanText(ctx, back?.text) };
  }
  const clozeable =
    !keepGraded &&
    accepted.length > 0 &&
    accepted.every((a) => !/[|]|^~|::|\{\{|\}\}|^\s|\s$/.test(a) && !a.endsWith('}') && !a.startsWith(':')) &&
    !/\{\{|\}\}/.test(text.withBlank);
  if (kind === 'cloze' || (kind === undefined && text.missingWord && clozeable)) {
    if (!clozeable) {
      ctx.builder.error(
        '[type:cloze] answers cannot hold "|", "~", "::", "{{" or "}}", partial credit or feedback',
        placeInBlock(ctx.block, answers.answers[0]?.at ?? 0),
      );
      return undefined;
    }
    return { type: 'cloze', text: text.withBlank.replace(text.blank, () => `{{c1::${accepted.join('|')}}}`) };
  }
  const accept = [...acceptTags(ctx, accepted.length)];
  const q: Record<string, unknown> = { type: 'typed', prompt: text.prompt, accept: [...accepted, ...accept] };
  if (graded.length > 0) q.answers = graded;
  return q;
}

function buildNumerical(ctx: Ctx, answers: ParsedAnswers, prompt: string) {
  const full = answers.numbers.filter((n) => n.weight === 100);
  const [first, ...others] = full;
  if (!first) {
    ctx.builder.error(
      'a numerical question needs a full-credit answer',
      placeInBlock(ctx.block, answers.numbers[0]?.at ?? 0),
    );
    return undefined;
  }
  // Other exact full-credit values are also accepted as text, for readers that know no `answers`.
  const extra = others.filter((n) => n.tolerance === 0).map((n) => number(n.value));
  const numeric: Record<string, unknown> = { value: first.value, tolerance: first.tolerance };
  const unit = tagOf(ctx.tags, 'unit');
  if (unit) numeric.unit = unit.value;
  ctx.mark('numeric', first.at);
  const q: Record<string, unknown> = {
    type: 'typed',
    prompt,
    accept: [...acceptTags(ctx, 0), ...extra],
    numeric,
  };
  if (others.length > extra.length || needsGraded(ctx, answers)) {
    q.answers = answers.numbers.map((n) => {
      const entry: Record<string, unknown> = {
        numeric: { value: n.value, tolerance: n.tolerance, ...(unit ? { unit: unit.value } : {}) },
        credit: credit(n.weight),
      };
      const feedback = spanText(ctx, n.feedback);
      if (feedback) entry.feedback = feedback;
      return entry;
    });
  }
  const other = spanText(ctx, answers.otherFeedback);
  if (other) q.otherFeedback = other;
  return q;
}

/** A number as text that reads back as the same number. */
function number(n: number): string {
  return Object.is(n, -0) ? '-0' : String(n);
}

function buildPairs(ctx: Ctx, answers: ParsedAnswers, kind: LecternKind | undefined, prompt: string) {
  const pairs: { left: string; right: string; at: number }[] = [];
  const distractors: string[] = [];
  for (const p of answers.pairs) {
    const left = spanText(ctx, p.left);
    const right = spanText(ctx, p.right);
    if (!left) {
      if (kind === 'ordering')
        ctx.builder.warn(
          `"${right}" has no left side: an ordering has no extra items, so it is left out`,
          placeInBlock(ctx.block, p.at),
        );
      else distractors.push(right);
      continue;
    }
    ctx.mark(`pairs/${pairs.length}`, p.at);
    pairs.push({ left, right, at: p.at });
  }
  if (kind !== 'ordering') {
    const q: Record<string, unknown> = {
      type: 'matching',
      prompt,
      pairs: pairs.map(({ left, right }) => ({ left, right })),
    };
    if (distractors.length > 0) q.distractors = distractors;
    return q;
  }
  const items: string[] = [];
  for (const p of pairs) {
    const n = Number(p.right);
    if (!/^\d+$/.test(p.right) || n < 1 || n > pairs.length || items[n - 1] !== undefined) {
      ctx.builder.error(
        `[type:ordering] needs each position 1..${pairs.length} once on the right, not "${p.right}"`,
        placeInBlock(ctx.block, p.at),
      );
      return undefined;
    }
    items[n - 1] = p.left;
    ctx.mark(`items/${n - 1}`, p.at);
  }
  return { type: 'ordering', prompt, items };
}
