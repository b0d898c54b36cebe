/**
 * Lectern pack → Moodle XML, for an instructor who goes back to Moodle. One category per chapter (its
 * sections' notes as the category's info), then its questions; texts are written in Moodle's Markdown
 * format, so Lectern's text is kept as written, and images and audio the pack carries are embedded as
 * base64 `<file>`s referenced by `@@PLUGINFILE@@/NAME`. Reading the result back gives the same questions.
 *
 * Mapped as: multiple-choice → multichoice (several correct choices without credits → equal shares;
 * a credit off Moodle's grade list → the nearest grade on it, as Moodle's own "nearest grade" import
 * does); true-false → truefalse; typed → numerical when it has a numeric answer, else shortanswer, with
 * graded answers, tolerance and unit; cloze → Cloze (`{1:MULTICHOICE:…}` for choice blanks,
 * `{1:SHORTANSWER:…}` otherwise); matching → matching (distractors as answers without a question);
 * ordering → ordering; discussion prompts → essays with the talking points as general feedback.
 * Lossy where Moodle XML has no place: a flashcard becomes a short answer (its back the one answer),
 * evidence and cloze hints are left out, a numeric typed question keeps only numbers among its accepted
 * answers (Moodle's numerical takes numbers), and a chapter's sections become one category.
 */
import type { PackMedia } from '../../pack/media';
import type { Choice, Discussion, Pack, Question } from '../../pack/schema';
import { isMoodleGrade } from './moodle-questions';

const GRADES = [
  100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571, 12.5,
  11.11111, 10, 5, 0,
];

/** XML character data: `&`, `<`, `>` escaped, characters XML cannot hold dropped. */
function esc(s: string): string {
  let kept = '';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    // XML 1.0 cannot hold other control characters or U+FFFE/U+FFFF.
    if ((c >= 0x20 && c !== 0xfffe && c !== 0xffff) || c === 0x9 || c === 0xa || c === 0xd) kept += ch;
  }
  return kept.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(s: string): string {
  return esc(s).replace(/"/g, '&quot;');
}

/** `percent` as Moodle writes a fraction (up to 7 decimals), snapped to the nearest grade on its list. */
function fraction(percent: number): string {
  let p = percent;
  if (!isMoodleGrade(p)) {
    const sign = p < 0 ? -1 : 1;
    const nearest = GRADES.reduce((best, g) =>
      Math.abs(Math.abs(p) - g) < Math.abs(Math.abs(p) - best) ? g : best,
    );
    p = sign * nearest;
  }
  return String(Number(p.toFixed(7)));
}

/** Writes texts, embedding the media they refer to. */
class TextWriter {
  constructor(private readonly media: ReadonlyMap<string, PackMedia>) {}

  private base64(bytes: Uint8Array): string {
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000)
      binary += String.fromCharCode(...bytes.subarray(i, Math.min(bytes.length, i + 0x8000)));
    return btoa(binary);
  }

  /** `<tag format="markdown"><text>…</text><file …/>…</tag>`; the files are those the text names. */
  field(tag: string, value: string, indent = '    '): string {
    const used = new Set<string>();
    const text = value
      .replace(/!\[([^\]]*)\]\(media:([^)\s]+)\)/g, (whole, alt: string, name: string) => {
        if (!this.media.has(name)) return whole;
        used.add(name);
        return `![${alt}](@@PLUGINFILE@@/${encodeURIComponent(name)})`;
      })
      .replace(/\[sound:([^\]]+)\]/g, (whole, name: string) => {
        if (!this.media.has(name)) return whole;
        used.add(name);
        return `[${name}](@@PLUGINFILE@@/${encodeURIComponent(name)})`;
      });
    const files = [...used].map((name) => {
      const m = this.media.get(name) as PackMedia;
      return `\n${indent}  <file name="${attr(name)}" path="/" encoding="base64">${this.base64(m.bytes)}</file>`;
    });
    return `${indent}<${tag} format="markdown">\n${indent}  <text>${esc(value === '' ? '' : text)}</text>${files.join('')}\n${indent}</${tag}>`;
  }
}

function header(w: TextWriter, type: string, name: string, prompt: string, q: Partial<Question>): string[] {
  const out = [
    `  <question type="${type}">`,
    `    <name>\n      <text>${esc(name.replace(/\s+/g, ' ').slice(0, 255))}</text>\n    </name>`,
    w.field('questiontext', prompt),
    w.field('generalfeedback', q.explanation ?? ''),
  ];
  if (q.id) out.push(`    <idnumber>${esc(q.id)}</idnumber>`);
  return out;
}

function footer(w: TextWriter, q: Partial<Question>): string[] {
  const out: string[] = [];
  if (q.hint) out.push(w.field('hint', q.hint));
  if (q.tags?.length)
    out.push(
      `    <tags>\n${q.tags.map((t) => `      <tag><text>${esc(t)}</text></tag>`).join('\n')}\n    </tags>`,
    );
  out.push('  </question>');
  return out;
}

function answerXml(
  w: TextWriter,
  percent: number,
  text: string,
  feedback: string | undefined,
  extra = '',
): string {
  return `    <answer fraction="${fraction(percent)}" format="markdown">\n      <text>${esc(text)}</text>\n${extra}${w.field('feedback', feedback ?? '', '      ')}\n    </answer>`;
}

const plainAnswer = (
  percent: number,
  text: string,
  feedback: string | undefined,
  w: TextWriter,
  extra = '',
) =>
  answerXml(w, percent, text, feedback, extra).replace(
    'format="markdown">\n      <text>',
    'format="plain_text">\n      <text>',
  );

/** A Cloze answer with `}`, `~`, `#` and `\` escaped as Moodle reads them. */
const clozeEscape = (s: string) => {
  const escaped = s.replace(/[\\}~#]/g, (c) => `\\${c}`);
  // Moodle's Cloze reader never ends an answer right after "\" or "&": a space keeps the end readable.
  return /[\\&]$/.test(escaped) ? `${escaped} ` : escaped;
};

function clozeText(text: string): string {
  return text.replace(/\{\{c\d+::(.*?)\}\}/gs, (_, body: string) => {
    const options = (body.split('::')[0] ?? '').split('|');
    if (options.some((o) => o.startsWith('~')))
      return `{1:MULTICHOICE:${options.map((o) => (o.startsWith('~') ? clozeEscape(o.slice(1)) : `=${clozeEscape(o)}`)).join('~')}}`;
    // "*" is Moodle's wildcard in a short answer: a literal one is written "\*".
    return `{1:SHORTANSWER:${options.map((o) => `=${clozeEscape(o).replace(/\*/g, '\\*')}`).join('~')}}`;
  });
}

/**
 * A choice's grade in Moodle's terms (the share of the question it earns), as Lectern grades it
 * (grade-choice.ts): credit over the right choices' total; without credit a right choice is worth 100
 * and, when several are right, a wrong one cancels one right one. With one right choice, a wrong one
 * without credit is 0% (Moodle's usual single-answer form; the score is the same).
 */
function choicePercent(q: Extract<Question, { type: 'multiple-choice' }>, c: Choice): number {
  const rightCount = q.choices.filter((x) => x.correct).length;
  if (rightCount <= 1) return c.credit ?? (c.correct ? 100 : 0);
  const rightCredit = q.choices.reduce((sum, x) => sum + (x.correct ? (x.credit ?? 100) : 0), 0);
  const denominator = rightCredit > 0 ? rightCredit : 100;
  const credit = c.credit ?? (c.correct ? 100 : -denominator / rightCount);
  return (credit / denominator) * 100;
}

function questionXml(w: TextWriter, q: Question): string[] {
  const name = q.title ?? q.id;
  switch (q.type) {
    case 'multiple-choice': {
      const correct = q.choices.filter((c) => c.correct).length;
      const out = header(w, 'multichoice', name, q.prompt, q);
      out.push(
        `    <single>${correct <= 1 ? 'true' : 'false'}</single>`,
        `    <shuffleanswers>${q.fixedOrder ? 'false' : 'true'}</shuffleanswers>`,
        '    <answernumbering>abc</answernumbering>',
      );
      for (const c of q.choices) out.push(answerXml(w, choicePercent(q, c), c.text, c.feedback));
      return [...out, ...footer(w, q)];
    }
    case 'true-false': {
      const out = header(w, 'truefalse', name, q.prompt, q);
      out.push(plainAnswer(q.answer ? 100 : 0, 'true', q.feedbackTrue, w));
      out.push(plainAnswer(q.answer ? 0 : 100, 'false', q.feedbackFalse, w));
      return [...out, ...footer(w, q)];
    }
    case 'typed': {
      if (q.numeric) {
        const out = header(w, 'numerical', name, q.prompt, q);
        const tol = (t: number) => `      <tolerance>${t}</tolerance>\n`;
        const numbers = q.answers?.filter((a) => a.numeric) ?? [];
        if (!numbers.some((a) => a.credit === 100 && a.numeric?.value === q.numeric?.value))
          out.push(plainAnswer(100, String(q.numeric.value), undefined, w, tol(q.numeric.tolerance)));
        for (const a of numbers)
          out.push(
            plainAnswer(a.credit, String(a.numeric?.value), a.feedback, w, tol(a.numeric?.tolerance ?? 0)),
          );
        for (const a of q.accept)
          if (Number.isFinite(Number(a)) && a.trim() !== '')
            out.push(plainAnswer(100, a.trim(), undefined, w, tol(0)));
        if (q.otherFeedback) out.push(plainAnswer(0, '*', q.otherFeedback, w));
        if (q.numeric.unit)
          out.push(
            `    <units>\n      <unit>\n        <multiplier>1</multiplier>\n        <unit_name>${esc(q.numeric.unit)}</unit_name>\n      </unit>\n    </units>`,
          );
        return [...out, ...footer(w, q)];
      }
      const out = header(w, 'shortanswer', name, q.prompt, q);
      out.push('    <usecase>0</usecase>');
      const graded = q.answers?.filter((a) => a.text !== undefined) ?? [];
      for (const a of graded) out.push(plainAnswer(a.credit, a.text ?? '', a.feedback, w));
      for (const a of q.accept)
        if (!graded.some((g) => g.text === a && g.credit === 100))
          out.push(plainAnswer(100, a, undefined, w));
      return [...out, ...footer(w, q)];
    }
    case 'cloze':
      return [...header(w, 'cloze', name, clozeText(q.text), q), ...footer(w, q)];
    case 'matching': {
      const out = header(w, 'matching', name, q.prompt, q);
      out.push('    <shuffleanswers>true</shuffleanswers>');
      const sub = (left: string, right: string) =>
        `    <subquestion format="markdown">\n      <text>${esc(left)}</text>\n      <answer>\n        <text>${esc(right)}</text>\n      </answer>\n    </subquestion>`;
      for (const p of q.pairs) out.push(sub(p.left, p.right));
      for (const d of q.distractors ?? []) out.push(sub('', d));
      return [...out, ...footer(w, q)];
    }
    case 'ordering': {
      const out = header(w, 'ordering', name, q.prompt, q);
      out.push(
        '    <layouttype>VERTICAL</layouttype>',
        '    <selecttype>ALL</selecttype>',
        '    <gradingtype>ABSOLUTE_POSITION</gradingtype>',
      );
      q.items.forEach((item, i) => {
        out.push(
          `    <answer fraction="${i + 1}" format="markdown">\n      <text>${esc(item)}</text>\n    </answer>`,
        );
      });
      return [...out, ...footer(w, q)];
    }
    case 'flashcard': {
      const out = header(w, 'shortanswer', name, q.front, q);
      out.push('    <usecase>0</usecase>', plainAnswer(100, q.back || '*', undefined, w));
      return [...out, ...footer(w, q)];
    }
  }
}

function essayXml(w: TextWriter, d: Discussion): string[] {
  const points = d.points.map((p) => `- ${p.replace(/\n+/g, ' ')}`).join('\n');
  return [
    ...header(w, 'essay', d.id, d.prompt, { id: d.id, explanation: points }),
    '    <responseformat>editor</responseformat>',
    ...footer(w, d.tags ? { tags: d.tags } : {}),
  ];
}

/** A category path segment: Moodle reads `/` as a separator and `//` as a literal slash. */
const categorySegment = (title: string) => title.replace(/\n/g, ' ').replaceAll('/', '//');

/** Writes `pack` as Moodle XML; `media` are the pack's files (those its text refers to are embedded). */
export function packToMoodleXml(pack: Pack, media: readonly PackMedia[] = []): string {
  const w = new TextWriter(new Map(media.map((m) => [m.name, m])));
  const chapterOf = new Map<string, number>();
  pack.chapters.forEach((c, i) => {
    for (const s of c.sections) chapterOf.set(s.id, i);
  });
  const last = Math.max(0, pack.chapters.length - 1);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<!-- ${esc(pack.title).replace(/--/g, '- -')}: exported from Lectern -->`,
    '<quiz>',
  ];
  const chapters = pack.chapters.length > 0 ? pack.chapters : [undefined];
  chapters.forEach((c, ci) => {
    if (c) {
      const info = c.sections
        .map((s) => s.body.trim())
        .filter((b) => b !== '')
        .join('\n\n');
      lines.push(
        '  <question type="category">',
        `    <category>\n      <text>$course$/top/${esc(categorySegment(c.title))}</text>\n    </category>`,
        w.field('info', info),
        '  </question>',
      );
    }
    for (const q of pack.questions)
      if ((chapterOf.get(q.section) ?? last) === ci) lines.push(...questionXml(w, q));
    for (const d of pack.discussions)
      if ((chapterOf.get(d.sections[0] ?? '') ?? last) === ci) lines.push(...essayXml(w, d));
  });
  lines.push('</quiz>');
  return `${lines.join('\n')}\n`;
}
