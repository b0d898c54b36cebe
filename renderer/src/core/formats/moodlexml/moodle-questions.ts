/**
 * One Moodle XML question of a type Lectern grades → a Lectern question: multichoice (single or
 * multiple, fractions as credit, per-answer feedback), truefalse, shortanswer and numerical (graded
 * answers with credit and feedback, tolerance, unit), matching, ordering; essays become discussion
 * prompts and descriptions notes. Cloze-like types are in moodle-cloze.ts.
 */
import { deriveId } from '../ids';
import type { DraftId } from '../pack-builder';
import type { QuestionContext } from './moodle-context';
import { child, childrenNamed, type XmlElement } from './xml-tree';

/** Moodle's grade list (question_bank::fraction_options_full), as fractions of 1. */
const GRADES = [
  1, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3, 0.25, 0.2, 0.1666667,
  0.1428571, 0.125, 0.1111111, 0.1, 0.05, 0,
];

/** Whether `percent` is a grade Moodle accepts (its import matches within 0.00001 of a fraction). */
export function isMoodleGrade(percent: number): boolean {
  const f = Math.abs(percent / 100);
  return GRADES.some((g) => Math.abs(f - g) < 0.00001);
}

/** The parts every question has. */
export interface Header {
  title: string | undefined;
  prompt: string;
  fields: Record<string, unknown>;
  id: DraftId;
}

/** Name, question text, general feedback, tags, first hint and `<idnumber>` of the question. */
export function readHeader(ctx: QuestionContext, usedIds: Set<string>, promptRaw?: string): Header {
  const { q } = ctx;
  const nameEl = child(q, 'name');
  const title = nameEl ? ctx.convert(ctx.raw(nameEl).text, 'html', undefined).replace(/\s+/g, ' ') : '';
  const qt = child(q, 'questiontext');
  const prompt = ctx.text(qt, promptRaw !== undefined ? { raw: promptRaw } : {});
  if (qt) ctx.mark('prompt', qt.at);
  const fields: Record<string, unknown> = {};
  if (title) fields.title = title.slice(0, 300);
  const gf = child(q, 'generalfeedback');
  const explanation = ctx.text(gf);
  if (explanation) {
    fields.explanation = explanation;
    if (gf) ctx.mark('explanation', gf.at);
  }
  const tags = childrenNamed(child(q, 'tags'), 'tag')
    .map((t) => ctx.raw(t).text.trim())
    .filter((t) => t !== '');
  if (tags.length > 0) {
    fields.tags = [...new Set(tags.map((t) => t.slice(0, 100)))].slice(0, 50);
    ctx.mark('tags', child(q, 'tags')?.at ?? q.at);
  }
  const hints = childrenNamed(q, 'hint')
    .map((h) => ({ h, text: ctx.text(h) }))
    .filter((h) => h.text !== '');
  const first = hints[0];
  if (first && first.text.length <= 2000) {
    fields.hint = first.text;
    ctx.mark('hint', first.h.at);
    if (hints.length > 1) ctx.notKept.add(`hints after the first (${hints.length - 1} more)`);
  } else if (first) ctx.notKept.add('a hint longer than 2000 characters');
  const idEl = child(q, 'idnumber');
  const idnumber = idEl?.text.trim() ?? '';
  let id: DraftId = { value: deriveId('q', `${title}\n${prompt}`), explicit: false, at: ctx.pos(q.at) };
  if (idEl && idnumber) {
    if (usedIds.has(idnumber))
      ctx.warn(
        `${ctx.label}: the idnumber "${idnumber}" is used twice: this question gets an id of its own`,
        idEl.at,
      );
    else {
      usedIds.add(idnumber);
      id = { value: idnumber, explicit: true, at: ctx.pos(idEl.at) };
    }
  }
  return { title: title || undefined, prompt, fields, id };
}

/** Every `<answer>` with its fraction (percent), converted text, feedback and element. */
export interface MoodleAnswer {
  el: XmlElement;
  raw: string;
  text: string;
  fraction: number;
  feedback: string;
}

/** The `<answer>`s of the question; a missing fraction is 0, as Moodle reads it. */
export function readAnswers(ctx: QuestionContext, format?: string): MoodleAnswer[] {
  return childrenNamed(ctx.q, 'answer').map((el) => {
    const f = Number(el.attrs.get('fraction')?.value ?? '0');
    const r = ctx.raw(el);
    return {
      el,
      raw: r.text,
      text: ctx.text(el, format ? { format } : {}),
      fraction: Number.isFinite(f) ? f : 0,
      feedback: ctx.text(child(el, 'feedback')),
    };
  });
}

/** Moodle refuses a file whose multichoice, shortanswer or numerical grades are off its list. */
export function checkGrades(ctx: QuestionContext, answers: readonly MoodleAnswer[]): boolean {
  const bad = answers.filter((a) => !isMoodleGrade(a.fraction));
  const first = bad[0];
  if (!first) return true;
  ctx.error(
    `${ctx.label} has grades Moodle does not accept: ${bad.map((a) => `${a.fraction}%`).join(', ')} (a grade is one of 100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571, 12.5, 11.11111, 10, 5 or 0%, or minus one of them); Moodle refuses this file`,
    first.el.attrs.get('fraction')?.at ?? first.el.at,
  );
  return false;
}

function isTrue(value: string | undefined): boolean {
  return value !== undefined && /^(1|true)$/i.test(value.trim());
}

/** Combined feedback other than Moodle's default sentences is not kept: say so. */
function noteCombinedFeedback(ctx: QuestionContext): void {
  const defaults =
    /^(|your answer is correct\.|your answer is partially correct\.|your answer is incorrect\.)$/i;
  const names = ['correctfeedback', 'partiallycorrectfeedback', 'incorrectfeedback'];
  if (names.some((n) => !defaults.test(ctx.text(child(ctx.q, n)).trim())))
    ctx.notKept.add('the combined feedback (for any correct, partially correct or incorrect response)');
}

/**
 * Whether grades say what Lectern's choices say without credit (see grade-choice.ts): one right answer
 * at 100% and wrong ones at 0%, or n right ones at 100/n% each and wrong ones at −100/n%. Then the
 * credits are left out, so a Lectern pack exported to Moodle XML reads back as it was.
 */
function gradesAreLecternDefault(fractions: readonly number[]): boolean {
  const n = fractions.filter((f) => f > 0).length;
  const near = (a: number, b: number) => Math.abs(a - b) < 0.001;
  if (n === 1) return fractions.every((f) => (f <= 0 ? f === 0 : f === 100));
  return n > 1 && fractions.every((f) => near(f, f > 0 ? 100 / n : -100 / n));
}

/** multichoice → multiple-choice. */
export function buildMultichoice(ctx: QuestionContext, h: Header): Record<string, unknown> | undefined {
  const answers = readAnswers(ctx).filter((a) => a.raw.trim() !== '');
  if (!checkGrades(ctx, answers)) return undefined;
  noteCombinedFeedback(ctx);
  const plain = gradesAreLecternDefault(answers.map((a) => a.fraction));
  const choices = answers.map((a, i) => {
    ctx.mark(`choices/${i}`, a.el.at);
    const choice: Record<string, unknown> = { text: a.text, correct: a.fraction > 0 };
    if (!plain) choice.credit = a.fraction;
    if (a.feedback) choice.feedback = a.feedback;
    return choice;
  });
  const q: Record<string, unknown> = { type: 'multiple-choice', prompt: h.prompt, choices };
  const shuffle = child(ctx.q, 'shuffleanswers')?.text;
  if (shuffle !== undefined && !isTrue(shuffle)) q.fixedOrder = true;
  return q;
}

/** truefalse → true-false; the answer whose text is "true" carries the truth, as in Moodle. */
export function buildTrueFalse(ctx: QuestionContext, h: Header): Record<string, unknown> | undefined {
  const answers = readAnswers(ctx);
  let answer: boolean | undefined;
  const q: Record<string, unknown> = { type: 'true-false', prompt: h.prompt };
  answers.forEach((a, i) => {
    const value = a.raw.trim().toLowerCase();
    const isTrueAnswer = value === 'true' || (value !== 'false' && i === 0);
    if (isTrueAnswer) {
      answer = a.fraction === 100;
      if (a.feedback) q.feedbackTrue = a.feedback;
    } else {
      answer ??= a.fraction !== 100;
      if (a.feedback) q.feedbackFalse = a.feedback;
    }
  });
  if (answer === undefined) {
    ctx.warn(`${ctx.label}: a true/false question without answers: skipped`);
    return undefined;
  }
  q.answer = answer;
  return q;
}

/** Moodle clamps a typed answer's credit to 0..100. */
const credit = (fraction: number) => Math.max(0, Math.min(100, fraction));

/** shortanswer → typed with graded answers (credit, feedback, Moodle's `*` wildcard). */
export function buildShortAnswer(ctx: QuestionContext, h: Header): Record<string, unknown> | undefined {
  const answers = readAnswers(ctx, 'plain_text').filter((a) => a.raw.trim() !== '');
  if (!checkGrades(ctx, answers)) return undefined;
  if (isTrue(child(ctx.q, 'usecase')?.text))
    ctx.notKept.add('case-sensitive matching (Lectern ignores case)');
  const accept = answers.filter((a) => a.fraction === 100).map((a) => a.text);
  const q: Record<string, unknown> = { type: 'typed', prompt: h.prompt, accept };
  const graded =
    accept.length !== answers.length || answers.some((a) => a.feedback !== '' || a.text.includes('*'));
  if (graded)
    q.answers = answers.map((a) => ({
      text: a.text,
      credit: credit(a.fraction),
      ...(a.feedback ? { feedback: a.feedback } : {}),
    }));
  if (accept.length > 0) ctx.mark('accept', answers.find((a) => a.fraction === 100)?.el.at ?? ctx.q.at);
  return q;
}

/** numerical → typed with a numeric answer (tolerance, unit), other answers graded. */
export function buildNumerical(ctx: QuestionContext, h: Header): Record<string, unknown> | undefined {
  const all = readAnswers(ctx, 'plain_text').filter((a) => a.raw.trim() !== '');
  if (!checkGrades(ctx, all)) return undefined;
  const units = childrenNamed(child(ctx.q, 'units'), 'unit').map((u) => ({
    name: child(u, 'unit_name')?.text.trim() ?? '',
    multiplier: Number(child(u, 'multiplier')?.text ?? '1'),
  }));
  const base = units.find((u) => u.multiplier === 1 && u.name !== '');
  if (units.some((u) => u !== base)) ctx.notKept.add('units other than the base unit');
  const unit = base ? { unit: base.name.slice(0, 40) } : {};
  let other = '';
  const numbers: { value: number; tolerance: number; credit: number; feedback: string; at: number }[] = [];
  for (const a of all) {
    if (a.raw.trim() === '*') {
      other = a.feedback;
      continue;
    }
    const value = Number(a.raw.trim().replace(',', '.'));
    const tolerance = Math.abs(Number(child(a.el, 'tolerance')?.text.trim() || '0'));
    if (!Number.isFinite(value) || !Number.isFinite(tolerance)) {
      ctx.warn(`${ctx.label}: "${a.raw.trim()}" is not a number: this answer is left out`, a.el.at);
      continue;
    }
    numbers.push({ value, tolerance, credit: credit(a.fraction), feedback: a.feedback, at: a.el.at });
  }
  const [first, ...rest] = numbers.filter((n) => n.credit === 100);
  const q: Record<string, unknown> = { type: 'typed', prompt: h.prompt, accept: [] };
  if (first) {
    q.numeric = { value: first.value, tolerance: first.tolerance, ...unit };
    ctx.mark('numeric', first.at);
    q.accept = rest.filter((n) => n.tolerance === 0).map((n) => String(n.value));
  }
  // Graded answers only when they say more than the numeric answer and the exact values in accept.
  if (
    !first ||
    numbers.some((n) => n.credit !== 100 || n.feedback !== '') ||
    rest.some((n) => n.tolerance !== 0)
  )
    q.answers = numbers.map((n) => ({
      numeric: { value: n.value, tolerance: n.tolerance, ...unit },
      credit: n.credit,
      ...(n.feedback ? { feedback: n.feedback } : {}),
    }));
  if (other) q.otherFeedback = other;
  return q;
}

/** match → matching; a subquestion without text is an extra wrong answer (a distractor). */
export function buildMatching(ctx: QuestionContext, h: Header): Record<string, unknown> | undefined {
  noteCombinedFeedback(ctx);
  const pairs: { left: string; right: string }[] = [];
  const distractors: string[] = [];
  for (const sub of childrenNamed(ctx.q, 'subquestion')) {
    const left = ctx.text(sub);
    const right = ctx.text(child(sub, 'answer'), { format: 'plain_text' });
    if (right === '') continue;
    if (left === '') distractors.push(right);
    else {
      ctx.mark(`pairs/${pairs.length}`, sub.at);
      pairs.push({ left, right });
    }
  }
  const q: Record<string, unknown> = { type: 'matching', prompt: h.prompt, pairs };
  if (distractors.length > 0) q.distractors = distractors;
  return q;
}

/** ordering → ordering: each answer's fraction is its place in the right order. */
export function buildOrdering(ctx: QuestionContext, h: Header): Record<string, unknown> | undefined {
  noteCombinedFeedback(ctx);
  const answers = readAnswers(ctx).filter((a) => a.text !== '');
  const items = [...answers].sort((a, b) => a.fraction - b.fraction);
  items.forEach((a, i) => {
    ctx.mark(`items/${i}`, a.el.at);
  });
  return { type: 'ordering', prompt: h.prompt, items: items.map((a) => a.text) };
}
