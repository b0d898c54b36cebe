/** Helpers for the content tests: load the bundled pack and read the text its questions and sections hold. */
import { readFileSync } from 'node:fs';
import { markdownToText } from '../../../renderer/src/core/markdown';
import { type Pack, parsePackJson, type Question, type Section } from '../../../renderer/src/core/pack';

/** The bundled course's file. */
export const PACK_URL = new URL('../../../content/openai-microsoft.json', import.meta.url);
/** The article the course teaches, kept in the project: the only source of facts. */
export const ARTICLE_URL = new URL('../../../content/sources/openai-microsoft-article.txt', import.meta.url);

/** Reads and parses the bundled pack; throws with every diagnostic if it does not validate. */
export function loadBundledPack(): Pack {
  const result = parsePackJson(readFileSync(PACK_URL, 'utf8'));
  if (!result.ok) throw new Error(`bundled pack is invalid:\n${JSON.stringify(result.issues, null, 2)}`);
  return result.pack;
}

/** Sections by id. */
export function indexSections(pack: Pack): Map<string, Section> {
  return new Map(pack.chapters.flatMap((c) => c.sections.map((s) => [s.id, s] as const)));
}

/** Collapses runs of whitespace to one space and trims. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A section's plain text with whitespace collapsed: what `evidence` must quote verbatim. */
export function sectionText(section: Section): string {
  return collapse(markdownToText(section.body));
}

/** Lowercase, punctuation removed (letters and digits kept), whitespace collapsed: how answers are compared. */
export function normalize(text: string): string {
  return collapse(
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s]/gu, ''),
  );
}

/** Whether `needle` occurs in `haystack` as whole words, after normalizing both. */
export function containsNormalized(haystack: string, needle: string): boolean {
  const n = normalize(needle);
  return n.length > 0 && ` ${normalize(haystack)} `.includes(` ${n} `);
}

/** Every deletion of a cloze text: its accepted answers (first the main one) and its hint. */
export function readClozeDeletions(text: string): { answers: string[]; hint?: string }[] {
  return [...text.matchAll(/\{\{c\d+::(.*?)\}\}/g)].map((m) => {
    const [answerPart = '', hint] = (m[1] ?? '').split('::');
    return hint === undefined ? { answers: answerPart.split('|') } : { answers: answerPart.split('|'), hint };
  });
}

/** What a student sees of a cloze with the deletions filled in by their main answers. */
export function fillCloze(text: string): string {
  return text.replace(
    /\{\{c\d+::(.*?)\}\}/g,
    (_, inner: string) => inner.split('::')[0]?.split('|')[0] ?? '',
  );
}

/** The strings a question asks and answers with (not its explanation or evidence). */
export function collectAskedText(q: Question): string[] {
  switch (q.type) {
    case 'flashcard':
      return [q.front, q.back];
    case 'multiple-choice':
      return [q.prompt, ...q.choices.map((c) => c.text)];
    case 'true-false':
      return [q.prompt];
    case 'typed':
      return [q.prompt, ...q.accept];
    case 'cloze':
      return [fillCloze(q.text)];
    case 'matching':
      return [q.prompt, ...q.pairs.flatMap((p) => [p.left, p.right])];
    case 'ordering':
      return [q.prompt, ...q.items];
  }
}

/** Every string a question holds that a student can read, feedback and explanation included. */
export function collectAllText(q: Question): string[] {
  const extra = [q.explanation, q.hint, q.evidence, ...(q.tags ?? [])];
  switch (q.type) {
    case 'multiple-choice':
      extra.push(...q.choices.map((c) => c.feedback));
      break;
    case 'true-false':
      extra.push(q.feedbackTrue, q.feedbackFalse);
      break;
    case 'cloze':
      extra.push(q.text.replace(/\{\{c\d+::/g, '{{'));
      break;
    default:
      break;
  }
  return [...collectAskedText(q), ...extra].filter((s): s is string => typeof s === 'string');
}

const SCALES: Record<string, number> = {
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  million: 1e6,
  m: 1e6,
  thousand: 1e3,
  k: 1e3,
};
const WORD_NUMBERS: Record<string, number> = { one: 1, a: 1, two: 2, three: 3, four: 4, five: 5, ten: 10 };

/**
 * The numbers written in a text, by value: `2019`, `$1 billion`, `$1B`, `$1,000,000,000` and
 * `one billion` are read as numbers (the last three all as 1e9). Spelled-out counts without a scale
 * ("four lessons") are not numbers here.
 */
export function extractNumbers(text: string): number[] {
  const out: number[] = [];
  const digits =
    /(?<![\p{L}\d])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*(billion|million|thousand|bn|b|m|k)(?![\p{L}]))?/giu;
  for (const m of text.matchAll(digits)) {
    const value = Number((m[1] ?? '').replace(/,/g, ''));
    out.push(value * (m[2] ? (SCALES[m[2].toLowerCase()] ?? 1) : 1));
  }
  const words = /\b(one|a|two|three|four|five|ten)\s+(billion|million|thousand)\b/gi;
  for (const m of text.matchAll(words)) {
    out.push((WORD_NUMBERS[(m[1] ?? '').toLowerCase()] ?? 0) * (SCALES[(m[2] ?? '').toLowerCase()] ?? 0));
  }
  return out;
}

/** The answer a question expects, as one comparable string (what "the same fact" is judged by). */
export function answerKey(q: Question): string {
  switch (q.type) {
    case 'flashcard':
      return normalize(q.back);
    case 'multiple-choice':
      return q.choices
        .filter((c) => c.correct)
        .map((c) => normalize(c.text))
        .sort()
        .join(' / ');
    case 'true-false':
      return String(q.answer);
    case 'typed':
      return normalize(q.accept[0] ?? String(q.numeric?.value ?? ''));
    case 'cloze':
      return readClozeDeletions(q.text)
        .map((d) => normalize(d.answers[0] ?? ''))
        .join(' / ');
    case 'matching':
      return q.pairs
        .map((p) => `${normalize(p.left)}=${normalize(p.right)}`)
        .sort()
        .join(' / ');
    case 'ordering':
      return q.items.map(normalize).join(' > ');
  }
}

/** What a question asks (its prompt, or a cloze's text with the blanks shown as blanks). */
export function promptOf(q: Question): string {
  if (q.type === 'flashcard') return q.front;
  if (q.type === 'cloze') return q.text.replace(/\{\{c\d+::.*?\}\}/g, '___');
  return q.prompt;
}

/**
 * Pairs of questions that ask the same fact: the same expected answer with the same (or one
 * containing the other) evidence, or the same prompt. Returns `[id, id]` pairs.
 */
export function findRepeatedFacts(pack: Pack): [string, string][] {
  const out: [string, string][] = [];
  const qs = pack.questions;
  for (let i = 0; i < qs.length; i++) {
    for (let j = i + 1; j < qs.length; j++) {
      const a = qs[i] as Question;
      const b = qs[j] as Question;
      const ea = normalize(a.evidence ?? '');
      const eb = normalize(b.evidence ?? '');
      const sameEvidence = ea !== '' && eb !== '' && (ea.includes(eb) || eb.includes(ea));
      const sameAnswer = answerKey(a) === answerKey(b);
      const samePrompt = normalize(promptOf(a)) === normalize(promptOf(b));
      if ((sameAnswer && sameEvidence) || samePrompt) out.push([a.id, b.id]);
    }
  }
  return out;
}

/** Ids of questions whose evidence is missing or not verbatim in `article` (whitespace collapsed). */
export function findEvidenceOutside(pack: Pack, article: string): string[] {
  const text = collapse(article);
  return pack.questions
    .filter((q) => {
      const e = collapse(q.evidence ?? '');
      return e === '' || !text.includes(e);
    })
    .map((q) => q.id);
}

/** The share of true/false questions whose answer is "true" (NaN when there are none). */
export function trueShare(pack: Pack): number {
  const tf = pack.questions.filter((q) => q.type === 'true-false');
  return tf.filter((q) => q.type === 'true-false' && q.answer).length / tf.length;
}
