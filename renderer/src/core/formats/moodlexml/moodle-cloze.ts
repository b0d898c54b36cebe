/**
 * Moodle's Cloze (`type="cloze"`, qtype multianswer: `{1:MULTICHOICE:=right~wrong}`, `{1:SHORTANSWER:…}`,
 * `{2:NUMERICAL:=5:0.1}` …) and its select-the-missing-word cousins (gapselect, ddwtos: `[[1]]` gaps
 * filled from grouped options) → one Lectern cloze: choice blanks `{{c1::~wrong|right}}`, typed blanks
 * `{{c1::right|alternative}}`. Broken Cloze questions are refused as Moodle refuses them; what a blank
 * cannot hold (partial credit, feedback, tolerance, case) is named in the question's warning.
 */
import { htmlToText } from '../html-text';
import type { QuestionContext } from './moodle-context';
import { child, childrenNamed, textOffset } from './xml-tree';

type Kind = 'choice' | 'multi' | 'text' | 'number';

const KINDS: Record<string, Kind> = {};
for (const [kind, names] of [
  [
    'choice',
    'MULTICHOICE MC MULTICHOICE_V MCV MULTICHOICE_H MCH MULTICHOICE_S MCS MULTICHOICE_VS MCVS MULTICHOICE_HS MCHS',
  ],
  ['multi', 'MULTIRESPONSE MR MULTIRESPONSE_H MRH MULTIRESPONSE_S MRS MULTIRESPONSE_HS MRHS'],
  ['text', 'SHORTANSWER SA MW SHORTANSWER_C SAC MWC'],
  ['number', 'NUMERICAL NM'],
] as const)
  for (const n of names.split(' ')) KINDS[n] = kind;

interface Alternative {
  fraction: number;
  answer: string;
  feedback: string;
}

/** One embedded answer `{n:TYPE:…}` at `start..end` of the question text. */
interface Sub {
  kind: Kind;
  caseSensitive: boolean;
  alternatives: Alternative[];
  start: number;
  end: number;
}

const START = /\{(\d*):([A-Za-z_]+):/g;
const NUMBER = /^[-+]?(\d+([.,]\d*)?|[.,]\d+)([eE][-+]?\d+)?$/;

/** Reads the alternatives after `{n:TYPE:` (at `from`) up to the closing `}`, as Moodle's regex does. */
function readAlternatives(
  text: string,
  from: number,
): { alternatives: Alternative[]; end: number } | undefined {
  const alternatives: Alternative[] = [];
  let p = from;
  for (;;) {
    let fraction = 0;
    if (text[p] === '=') {
      fraction = 100;
      p++;
    } else if (text[p] === '%') {
      const m = /^%(-?\d+(?:[.,]\d*)?)%/.exec(text.slice(p, p + 40));
      if (m) {
        fraction = Number((m[1] ?? '0').replace(',', '.'));
        p += m[0].length;
      }
    }
    // The answer: at least one character, up to ~ # } not escaped and not ending an entity's "&".
    const start = p;
    p++;
    while (p < text.length) {
      const c = text[p];
      if (
        (c === '~' || c === '#' || c === '}') &&
        !/(\\|&|&amp;)$/.test(text.slice(Math.max(start, p - 5), p))
      )
        break;
      p++;
    }
    if (p >= text.length) return undefined;
    const answer = text.slice(start, p);
    let feedback = '';
    if (text[p] === '#') {
      const fStart = ++p;
      while (p < text.length && !((text[p] === '~' || text[p] === '}') && text[p - 1] !== '\\')) p++;
      if (p >= text.length) return undefined;
      feedback = text.slice(fStart, p);
    }
    alternatives.push({ fraction, answer, feedback });
    if (text[p] === '}') return { alternatives, end: p + 1 };
    p++;
  }
}

const unescapeCloze = (s: string) => s.replace(/\\([}~#/\\])/g, '$1');

/** The embedded answers of a Cloze text, in order. */
function findSubs(text: string): Sub[] {
  const subs: Sub[] = [];
  START.lastIndex = 0;
  for (let m = START.exec(text); m; m = START.exec(text)) {
    const type = (m[2] ?? '').toUpperCase();
    const kind = KINDS[type];
    if (!kind) continue;
    const read = readAlternatives(text, m.index + m[0].length);
    if (!read) continue;
    subs.push({
      kind,
      caseSensitive: type.endsWith('_C') || type === 'SAC' || type === 'MWC',
      alternatives: read.alternatives.map((a) => ({
        ...a,
        answer: unescapeCloze(a.answer),
        feedback: unescapeCloze(a.feedback),
      })),
      start: m.index,
      end: read.end,
    });
    START.lastIndex = read.end;
  }
  return subs;
}

/** Moodle's qtype_multianswer_validate_question: what makes it refuse a Cloze question. */
function validate(subs: readonly Sub[]): { sub: Sub | undefined; message: string }[] {
  if (subs.length === 0)
    return [{ sub: undefined, message: 'The question text must include at least one embedded answer.' }];
  const errors: { sub: Sub; message: string }[] = [];
  for (const sub of subs) {
    let count = 0;
    let full = false;
    for (const a of sub.alternatives) {
      const t = a.answer.trim();
      if (t === '') continue;
      count++;
      if (sub.kind === 'number' && t !== '*' && !NUMBER.test(t.split(':')[0] ?? ''))
        errors.push({ sub, message: "The answer must be a number, for example -1.234 or 3e8, or '*'." });
      if (a.fraction === 100 || (sub.kind === 'multi' && a.fraction > 0)) full = true;
    }
    if ((sub.kind === 'choice' || sub.kind === 'multi') && count < 2)
      errors.push({ sub, message: 'This type of question requires at least 2 choices' });
    else if (count === 0) errors.push({ sub, message: 'This type of question requires at least 1 answers' });
    if (!full)
      errors.push({
        sub,
        message:
          'One of the answers should have a score of 100% so it is possible to get full marks for this question.',
      });
  }
  return errors;
}

const UNSAFE = /\||::|\{\{|\}\}|^~|^:|:$|\}$/;

/** The deletion body of one blank; what it drops is added to the question's not-kept list. */
function blankBody(ctx: QuestionContext, sub: Sub): string | undefined {
  // In a typed blank an unescaped "*" is Moodle's wildcard (any answer): Lectern's blanks have none.
  const wildcard = (a: Alternative) =>
    sub.kind !== 'choice' && sub.kind !== 'multi' && /(^|[^\\])\*/.test(a.answer);
  const wild = sub.alternatives.filter((a) => wildcard(a) && a.fraction > 0);
  if (wild.length > 0)
    ctx.notKept.add(`wildcard answers in blanks (${wild.map((a) => `"${a.answer}"`).join(', ')})`);
  const options = sub.alternatives
    .filter((a) => a.answer.trim() !== '' && !wildcard(a))
    .map((a) => {
      const text =
        sub.kind === 'number'
          ? String(Number((a.answer.split(':')[0] ?? '').trim().replace(',', '.')))
          : htmlToText(a.answer.replace(/\\\*/g, '*'), true);
      return { ...a, text };
    });
  if (sub.alternatives.some((a) => a.feedback.trim() !== ''))
    ctx.notKept.add('per-answer feedback in blanks');
  if (sub.caseSensitive) ctx.notKept.add('case-sensitive blanks (Lectern ignores case)');
  if (sub.kind === 'number' && sub.alternatives.some((a) => /:\s*[^0\s]/.test(a.answer)))
    ctx.notKept.add('tolerances of numbers in blanks (matched exactly)');
  const partial = options.filter((o) => o.fraction > 0 && o.fraction < 100);
  if (sub.kind === 'multi')
    ctx.notKept.add('several right options in one blank (any one of them counts as right)');
  else if (partial.length > 0)
    ctx.notKept.add(
      `partial credit in blanks (${partial.map((o) => `"${o.text}" ${o.fraction}%`).join(', ')})`,
    );
  const unsafe = options.filter((o) => UNSAFE.test(o.text));
  if (unsafe.length > 0)
    ctx.notKept.add(
      `blank answers with "|", "::", "{{" or "}}" (${unsafe.map((o) => `"${o.text}"`).join(', ')})`,
    );
  const kept = options.filter((o) => !UNSAFE.test(o.text) && o.text !== '');
  const right = (o: Alternative) => (sub.kind === 'multi' ? o.fraction > 0 : o.fraction === 100);
  const seen = new Set<string>();
  const parts: string[] = [];
  if (sub.kind === 'choice' || sub.kind === 'multi') {
    for (const o of kept)
      if (!seen.has(o.text)) {
        seen.add(o.text);
        parts.push(right(o) ? o.text : `~${o.text}`);
      }
    return parts.length >= 2 && kept.some(right) ? parts.join('|') : undefined;
  }
  for (const o of kept) if (right(o) && !seen.has(o.text)) seen.add(o.text) && parts.push(o.text);
  return parts.length > 0 ? parts.join('|') : undefined;
}

/** Joins the text pieces around the blanks, converted, with `{{cN::…}}` in place of each blank. */
function fillBlanks(
  ctx: QuestionContext,
  raw: string,
  spans: { start: number; end: number }[],
  bodies: string[],
) {
  let marked = '';
  let last = 0;
  spans.forEach((s, i) => {
    marked += `${raw.slice(last, s.start)}\uE310${i}\uE311`;
    last = s.end;
  });
  marked += raw.slice(last);
  const qt = child(ctx.q, 'questiontext');
  const text = ctx.text(qt, { raw: marked });
  // Text that reads as a deletion of its own would add a blank nobody wrote.
  if (/\{\{c\d+::/.test(text)) return undefined;
  let n = 0;
  const out = text.replace(/\uE310(\d+)\uE311/g, (_, i: string) => `{{c${++n}::${bodies[Number(i)] ?? ''}}}`);
  return n === spans.length ? out : undefined;
}

/** type="cloze" → cloze, or errors as Moodle's import gives them; undefined when not imported. */
export function buildCloze(ctx: QuestionContext, legacyImage: string): Record<string, unknown> | undefined {
  const qt = child(ctx.q, 'questiontext');
  const raw = ctx.raw(qt).text + legacyImage;
  const subs = findSubs(raw);
  const errors = validate(subs);
  if (errors.length > 0) {
    for (const e of errors)
      ctx.error(
        `${ctx.label}: Invalid embedded answers (Cloze) question: ${e.message}`,
        e.sub && ctx.raw(qt).el ? textOffset(ctx.raw(qt).el ?? ctx.q, e.sub.start) : (qt?.at ?? ctx.q.at),
      );
    return undefined;
  }
  const bodies: string[] = [];
  for (const sub of subs) {
    const body = blankBody(ctx, sub);
    if (body === undefined) {
      ctx.warn(
        `${ctx.label}: a blank has no answer Lectern can keep: skipped`,
        textOffset(ctx.raw(qt).el ?? ctx.q, sub.start),
      );
      return undefined;
    }
    bodies.push(body);
  }
  const text = fillBlanks(ctx, raw, subs, bodies);
  if (text === undefined) {
    ctx.warn(`${ctx.label}: its text holds "{{c1::", which a Lectern cloze reads as a blank: skipped`);
    return undefined;
  }
  if (qt) ctx.mark('text', qt.at);
  return { type: 'cloze', text };
}

/** gapselect / ddwtos → cloze with a choice blank per `[[n]]`, its options those of the same group. */
export function buildGaps(
  ctx: QuestionContext,
  optionTag: 'selectoption' | 'dragbox',
): Record<string, unknown> | undefined {
  const options = childrenNamed(ctx.q, optionTag).map((o) => ({
    text: htmlToText(ctx.raw(o).text, true),
    group: child(o, 'group')?.text.trim() || '1',
  }));
  const qt = child(ctx.q, 'questiontext');
  const raw = ctx.raw(qt).text;
  const spans: { start: number; end: number }[] = [];
  const bodies: string[] = [];
  for (const m of raw.matchAll(/\[\[(\d+)\]\]/g)) {
    const right = options[Number(m[1]) - 1];
    if (!right || right.text === '' || UNSAFE.test(right.text)) {
      ctx.warn(
        `${ctx.label}: the gap ${m[0]} has no option Lectern can use: skipped`,
        textOffset(ctx.raw(qt).el ?? ctx.q, m.index),
      );
      return undefined;
    }
    const same = [
      ...new Set(
        options
          .filter((o) => o.group === right.group && o.text !== '' && !UNSAFE.test(o.text))
          .map((o) => o.text),
      ),
    ];
    bodies.push(same.length < 2 ? right.text : same.map((t) => (t === right.text ? t : `~${t}`)).join('|'));
    spans.push({ start: m.index, end: m.index + m[0].length });
  }
  if (spans.length === 0) {
    ctx.warn(`${ctx.label}: its text has no [[n]] gap: skipped`);
    return undefined;
  }
  const names = ['correctfeedback', 'partiallycorrectfeedback', 'incorrectfeedback'];
  const defaults =
    /^(|your answer is correct\.|your answer is partially correct\.|your answer is incorrect\.)$/i;
  if (names.some((n) => !defaults.test(ctx.text(child(ctx.q, n)).trim())))
    ctx.notKept.add('the combined feedback (for any correct, partially correct or incorrect response)');
  const text = fillBlanks(ctx, raw, spans, bodies);
  if (text === undefined) {
    ctx.warn(`${ctx.label}: its text holds "{{c1::", which a Lectern cloze reads as a blank: skipped`);
    return undefined;
  }
  if (qt) ctx.mark('text', qt.at);
  return { type: 'cloze', text };
}
