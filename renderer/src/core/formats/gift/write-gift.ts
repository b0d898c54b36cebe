/**
 * Lectern pack → Moodle GIFT. Moodle reads the result as ordinary GIFT: one `$CATEGORY:` per chapter,
 * a description per section, the questions in their chapter. What GIFT cannot say is kept in `//`
 * comment tags Moodle ignores and Lectern reads back (`[id:]`, `[type:]`, `[section:]`, `[hint:]`,
 * `[evidence:]`, `[accept:]`, `[unit:]`, `[cloze:]`, `[credits:derived]`, `[order:fixed]`, pack
 * metadata), so JSON → GIFT → JSON keeps every question.
 *
 * Mapped as: flashcard → short answer (the back is the one answer); ordering → matching of each item to
 * its position 1..n; cloze with one deletion → missing word; cloze with several deletions → an essay
 * (Moodle shows it with blanks, ungraded) whose exact text is in `[cloze:…]`; several correct choices
 * without credits → Moodle's multiple-answer form with equal shares (`[credits:derived]` drops them
 * again on import). Lossy only where GIFT has no way at all: a matching left side containing "->", a
 * discussion talking point spanning several lines, surrounding whitespace, and empty optional texts.
 */

import { flashcardBack, flashcardFront } from '../../pack/flashcard-sides';
import type { Discussion, NumericAnswer, Pack, Question, Section } from '../../pack/schema';
import { escapeGift, writeCommentTag } from './gift-text';

/** Escaped GIFT text whose line breaks cannot end the block or start a comment. */
function text(value: string): string {
  const lines = escapeGift(value).split('\n');
  let out = lines[0] ?? '';
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const risky = line.trim() === '' || line.trimStart().startsWith('//');
    out += `${risky ? '\\n' : '\n'}${line}`;
  }
  return out;
}

/** Text in an answer position, guarded so it cannot read as a format prefix or a `%credit%`. */
function answer(value: string): string {
  const guard = /^\s*(\[(moodle|html|plain|markdown)\]|%)/.test(value) ? '[markdown]' : '';
  return guard + text(value);
}

function comment(tags: string[]): string {
  return `// ${tags.join(' ')}`;
}

function general(explanation: string | undefined): string {
  return explanation ? `\n\t####${text(explanation)}\n` : '';
}

/** A number as GIFT text that reads back as the same number (-0 included). */
function number(n: number): string {
  return Object.is(n, -0) ? '-0' : String(n);
}

function round5(n: number): number {
  return Math.round(n * 100000) / 100000;
}

/** One deletion `{{c1::a|b}}` that reads back exactly from a missing-word question, or null. */
function singleDeletion(value: string): { before: string; after: string; answers: string[] } | null {
  const all = [...value.matchAll(/\{\{c(\d+)::(.*?)\}\}/gs)];
  const m = all[0];
  if (all.length !== 1 || !m || m[1] !== '1') return null;
  const answers = (m[2] ?? '').split('|');
  const ok = answers.every(
    (a) =>
      a !== '' &&
      a === a.trim() &&
      !a.includes('::') &&
      !a.includes('{{') &&
      !a.endsWith('}') &&
      !a.startsWith(':') &&
      !a.startsWith('~'),
  );
  const before = value.slice(0, m.index);
  const after = value.slice(m.index + m[0].length);
  if (!ok || /\{\{|\}\}/.test(before + after)) return null;
  return { before, after, answers };
}

function questionTags(q: Question): string[] {
  const tags = [
    writeCommentTag('id', q.id),
    writeCommentTag('type', q.type),
    writeCommentTag('section', q.section),
  ];
  for (const t of q.tags ?? []) tags.push(writeCommentTag('tag', t));
  if (q.hint !== undefined) tags.push(writeCommentTag('hint', q.hint));
  if (q.evidence !== undefined) tags.push(writeCommentTag('evidence', q.evidence));
  return tags;
}

/** `#feedback`, or nothing. */
function feedbackOf(value: string | undefined): string {
  return value ? `#${text(value)}` : '';
}

/** A numerical answer as GIFT: `value:tolerance`. */
function numeric(n: NumericAnswer): string {
  return `${number(n.value)}:${number(n.tolerance ?? 0)}`;
}

/**
 * The inside of a typed question's answer block. Graded answers are written with their `%credit%` and
 * `#feedback`; accepted texts GIFT has no other place for go to `[accept:]` tags (added to `tags`).
 */
function typedAnswers(q: Extract<Question, { type: 'typed' }>, tags: string[]): string {
  const graded = q.answers ?? [];
  if (q.numeric) {
    const first = q.numeric;
    const listed = graded.some(
      (a) => a.credit === 100 && a.numeric?.value === first.value && a.numeric.tolerance === first.tolerance,
    );
    // Exact full-credit values after the first are read back into accept: keep only the others as tags.
    const extra = new Set(
      graded
        .filter((a) => a.credit === 100 && a.numeric && a.numeric.tolerance === 0)
        .map((a) => number(a.numeric?.value ?? 0)),
    );
    for (const a of q.accept) if (!extra.has(a)) tags.push(writeCommentTag('accept', a));
    if (first.unit !== undefined) tags.push(writeCommentTag('unit', first.unit));
    const parts = listed ? [] : [`=${numeric(first)}`];
    for (const a of graded) {
      if (a.numeric) parts.push(`=%${a.credit}%${numeric(a.numeric)}${feedbackOf(a.feedback)}`);
    }
    if (q.otherFeedback) parts.push(`~${feedbackOf(q.otherFeedback)}`);
    return `#${parts.length === 1 && !graded.length ? numeric(first) : `\n\t${parts.join('\n\t')}`}`;
  }
  if (graded.length === 0) return q.accept.map((a) => `=${answer(a)}`).join(' ');
  const full = new Set(graded.filter((a) => a.credit === 100 && a.text !== undefined).map((a) => a.text));
  for (const a of q.accept) if (!full.has(a)) tags.push(writeCommentTag('accept', a));
  const parts = graded
    .filter((a) => a.text !== undefined)
    .map((a) => `=%${a.credit}%${answer(a.text ?? '')}${feedbackOf(a.feedback)}`);
  return `\n\t${parts.join('\n\t')}`;
}

/** One question as a GIFT block (comment line + question). */
export function questionToGift(q: Question): string {
  const tags = questionTags(q);
  const head = `::${text(q.title ?? q.id)}::[markdown]`;
  const gf = general(q.explanation);
  let body: string;
  switch (q.type) {
    case 'flashcard': {
      // GIFT has no images: a side that is only images is written as its `[image: file]` text.
      const front = q.front === '' ? flashcardFront(q) : q.front;
      const back = q.back === '' ? flashcardBack(q) : q.back;
      // An empty back is an empty answer block, read back as a flashcard by its [type:flashcard].
      body = `${head}${text(front)}{${back === '' ? '' : `=${answer(back)}`}${gf}}`;
      break;
    }
    case 'multiple-choice': {
      const correct = q.choices.filter((c) => c.correct).length;
      const derived = correct >= 2 && q.choices.every((c) => c.credit === undefined);
      if (derived) tags.push(writeCommentTag('credits', 'derived'));
      if (q.fixedOrder) tags.push(writeCommentTag('order', 'fixed'));
      const lines = q.choices.map((c) => {
        let marker: string;
        if (derived) marker = c.correct ? `~%${round5(100 / correct)}%` : '~';
        else if (c.credit !== undefined) marker = `~%${c.credit}%`;
        else marker = c.correct ? '=' : '~';
        return `\t${marker}${answer(c.text)}${c.feedback ? `#${text(c.feedback)}` : ''}`;
      });
      body = `${head}${text(q.prompt)}{\n${lines.join('\n')}${gf || '\n'}}`;
      break;
    }
    case 'true-false': {
      const [right, wrong] = q.answer ? [q.feedbackTrue, q.feedbackFalse] : [q.feedbackFalse, q.feedbackTrue];
      let fb = '';
      if (wrong) fb += `#${text(wrong)}`;
      if (right) fb += `${wrong ? '' : '#'}#${text(right)}`;
      body = `${head}${text(q.prompt)}{${q.answer ? 'TRUE' : 'FALSE'}${fb}${gf}}`;
      break;
    }
    case 'typed':
      {
        const inner = typedAnswers(q, tags);
        body = `${head}${text(q.prompt)}{${inner}${gf || (inner.includes('\n') ? '\n' : '')}}`;
      }
      break;
    case 'cloze': {
      const one = singleDeletion(q.text);
      if (one) {
        const answers = one.answers.map((a) => `=${answer(a)}`).join(' ');
        body = `${head}${text(one.before)}{${answers}${gf}}${text(one.after)}`;
      } else {
        tags.push(writeCommentTag('cloze', q.text));
        const blanks = q.text.replace(/\{\{c(\d+)::(.*?)\}\}/gs, (_, n: string) => `_____ (${n})`);
        body = `${head}${text(blanks)}{${gf}}`;
      }
      break;
    }
    case 'matching': {
      const lines = q.pairs.map((p) => `\t=${answer(p.left)} -> ${answer(p.right)}`);
      for (const d of q.distractors ?? []) lines.push(`\t= -> ${answer(d)}`);
      body = `${head}${text(q.prompt)}{\n${lines.join('\n')}${gf || '\n'}}`;
      break;
    }
    case 'ordering':
      body = `${head}${text(q.prompt)}{\n${q.items.map((item, i) => `\t=${answer(item)} -> ${i + 1}`).join('\n')}${gf || '\n'}}`;
      break;
  }
  return `${comment(tags)}\n${body}`;
}

function sectionToGift(s: Section): string {
  return `${comment([writeCommentTag('section', s.id)])}\n::${text(s.title)}::[markdown]${text(s.body.trim())}`;
}

function discussionToGift(d: Discussion): string {
  const tags = [writeCommentTag('id', d.id)];
  for (const t of d.tags ?? []) tags.push(writeCommentTag('tag', t));
  if (d.sections.length === 0) tags.push(writeCommentTag('section', ''));
  for (const s of d.sections) tags.push(writeCommentTag('section', s));
  const points = d.points.map((p) => `- ${text(p.replace(/\n/g, ' '))}`).join('\n');
  return `${comment(tags)}\n::${text(d.id)}::[markdown]${text(d.prompt)}{${points ? `####${points}` : ''}}`;
}

function headerToGift(pack: Pack): string {
  const tags = [
    writeCommentTag('pack-id', pack.id),
    writeCommentTag('title', pack.title),
    writeCommentTag('language', pack.language),
    writeCommentTag('version', pack.version),
  ];
  for (const key of ['author', 'license', 'date', 'description'] as const) {
    const value = pack[key];
    if (value !== undefined) tags.push(writeCommentTag(key, value));
  }
  return `// A Lectern pack as Moodle GIFT; the bracketed comments keep what GIFT cannot say.\n${comment(tags)}`;
}

/** Writes a pack as GIFT text (see the module comment for what maps to what). */
export function packToGift(pack: Pack): string {
  const chapterOfSection = new Map<string, number>();
  pack.chapters.forEach((c, ci) => {
    for (const s of c.sections) chapterOfSection.set(s.id, ci);
  });
  const last = Math.max(0, pack.chapters.length - 1);
  const questions: Question[][] = pack.chapters.map(() => []);
  const discussions: Discussion[][] = pack.chapters.map(() => []);
  const loose: Discussion[] = [];
  for (const q of pack.questions) questions[chapterOfSection.get(q.section) ?? last]?.push(q);
  for (const d of pack.discussions) {
    const ci = d.sections[0] === undefined ? undefined : chapterOfSection.get(d.sections[0]);
    if (ci === undefined) loose.push(d);
    else discussions[ci]?.push(d);
  }
  const blocks = [headerToGift(pack)];
  pack.chapters.forEach((c, ci) => {
    const title = c.title.replace(/\n/g, ' ').replaceAll('/', '//');
    blocks.push(`${comment([writeCommentTag('id', c.id)])}\n$CATEGORY: $course$/top/${title}`);
    for (const s of c.sections) blocks.push(sectionToGift(s));
    for (const q of questions[ci] ?? []) blocks.push(questionToGift(q));
    for (const d of discussions[ci] ?? []) blocks.push(discussionToGift(d));
  });
  if (pack.chapters.length === 0) for (const q of pack.questions) blocks.push(questionToGift(q));
  for (const d of loose) blocks.push(discussionToGift(d));
  return `${blocks.join('\n\n')}\n`;
}
