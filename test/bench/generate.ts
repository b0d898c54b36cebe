/**
 * Generates the bench's packs: `n` questions of all seven types in the proportions a real bank has,
 * with text lengths like the bundled course's (prompts of one or two sentences, explanations on most
 * questions), spread over chapters of ten sections. Deterministic: the same `n` and seed give the
 * same bytes.
 */

import type { PackInput } from '../../renderer/src/core/pack/schema';
import { createRng, type Rng } from '../../renderer/src/core/random/prng';

type QuestionInput = PackInput['questions'][number];

const WORDS = (
  'the of and to in is that for it as was with be by on not he this are or his from at which but ' +
  'have an they you were her she there been one all we their has would when if so what up out ' +
  'about who can them into time only new some could these two may first then do any like my now ' +
  'over such our man me even most made after also did many before must through back years where ' +
  'much your way well down should because each just those people how too little state good very ' +
  'make world still own see men work long get here between both life being under never day same ' +
  'another know while last might us great old year off come since against go came right used take ' +
  'three company partnership investment cloud compute model research board governance revenue ' +
  'exclusive license agreement capital nonprofit profit capped structure safety release product ' +
  'market competition regulator antitrust infrastructure datacenter training inference contract ' +
  'strategy leadership chief executive announced billion million percent quarter launch platform ' +
  'developer customers enterprise access rights negotiation tension independence reliance supply ' +
  'chips capacity expansion commercial mission charter director interim return employees letter'
).split(' ');

const TYPES: { type: QuestionInput['type']; weight: number }[] = [
  { type: 'flashcard', weight: 30 },
  { type: 'multiple-choice', weight: 25 },
  { type: 'true-false', weight: 15 },
  { type: 'typed', weight: 10 },
  { type: 'cloze', weight: 10 },
  { type: 'matching', weight: 5 },
  { type: 'ordering', weight: 5 },
];
const TYPE_TOTAL = TYPES.reduce((s, t) => s + t.weight, 0);
const SECTIONS_PER_CHAPTER = 10;

/** Options of {@link generatePack}. */
export interface GenerateOptions {
  /** Seed of the generator (default `lectern-bench`). */
  seed?: string;
  /** The pack id (default `bench-<n>`). */
  id?: string;
}

class TextMaker {
  constructor(private readonly rng: Rng) {}

  int(min: number, max: number): number {
    return min + Math.floor(this.rng() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.rng() < p;
  }

  word(): string {
    return WORDS[Math.floor(this.rng() * WORDS.length)] ?? 'word';
  }

  /** Words up to about `chars` characters, no trailing punctuation. */
  phrase(minChars: number, maxChars: number): string {
    const target = this.int(minChars, maxChars);
    let out = this.word();
    while (out.length < target) out += ` ${this.word()}`;
    return out;
  }

  /** A capitalised sentence of about minChars..maxChars characters, ending with `end`. */
  sentence(minChars: number, maxChars: number, end = '.'): string {
    const p = this.phrase(minChars, maxChars);
    return `${p.charAt(0).toUpperCase()}${p.slice(1)}${end}`;
  }

  paragraph(sentences: number): string {
    return Array.from({ length: sentences }, () => this.sentence(50, 140)).join(' ');
  }
}

function pickType(t: TextMaker): QuestionInput['type'] {
  let r = t.int(1, TYPE_TOTAL);
  for (const { type, weight } of TYPES) {
    r -= weight;
    if (r <= 0) return type;
  }
  return 'flashcard';
}

function makeQuestion(t: TextMaker, id: string, section: string): QuestionInput {
  const base: {
    id: string;
    section: string;
    explanation?: string;
    evidence?: string;
    hint?: string;
    tags?: string[];
  } = { id, section };
  if (t.chance(0.5)) base.explanation = t.sentence(40, 200);
  if (t.chance(0.2)) base.evidence = t.phrase(30, 100);
  if (t.chance(0.1)) base.hint = t.sentence(20, 60);
  if (t.chance(0.4)) base.tags = Array.from({ length: t.int(1, 3) }, () => t.word());
  const type = pickType(t);
  switch (type) {
    case 'flashcard':
      return { ...base, type, front: t.sentence(40, 140, '?'), back: t.sentence(20, 200) };
    case 'multiple-choice': {
      const n = t.int(3, 5);
      const multi = t.chance(0.2);
      const right = new Set([t.int(0, n - 1)]);
      if (multi) right.add(t.int(0, n - 1));
      return {
        ...base,
        type,
        prompt: t.sentence(60, 200, '?'),
        choices: Array.from({ length: n }, (_, i) => ({
          text: t.sentence(8, 50, ''),
          correct: right.has(i),
          ...(!right.has(i) && t.chance(0.2) ? { feedback: t.sentence(30, 100) } : {}),
        })),
      };
    }
    case 'true-false':
      return { ...base, type, prompt: t.sentence(50, 160), answer: t.chance(0.5) };
    case 'typed':
      if (t.chance(0.2)) {
        const value = t.int(1, 2030);
        return {
          ...base,
          type,
          prompt: t.sentence(50, 150, '?'),
          accept: [String(value)],
          numeric: { value, tolerance: 0 },
        };
      }
      return {
        ...base,
        type,
        prompt: t.sentence(50, 150, '?'),
        accept: Array.from({ length: t.int(1, 3) }, () => t.phrase(3, 20)),
      };
    case 'cloze': {
      const deletions = t.int(1, 2);
      const parts = [t.sentence(30, 80, '')];
      for (let c = 1; c <= deletions; c++) parts.push(`{{c${c}::${t.phrase(3, 18)}}}`, t.phrase(20, 60));
      return { ...base, type, text: `${parts.join(' ')}.` };
    }
    case 'matching':
      return {
        ...base,
        type,
        prompt: t.sentence(30, 80),
        pairs: Array.from({ length: t.int(3, 5) }, (_, i) => ({
          left: `${t.phrase(5, 30)} #${i + 1}`,
          right: `${t.phrase(10, 60)} (${i + 1})`,
        })),
      };
    case 'ordering':
      return {
        ...base,
        type,
        prompt: t.sentence(30, 80),
        items: Array.from({ length: t.int(3, 6) }, (_, i) => `${t.phrase(10, 50)} #${i + 1}`),
      };
  }
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Number of chapters for `n` questions: one per thousand questions, at least two. */
export function countChapters(n: number): number {
  return Math.max(2, Math.ceil(n / 1000));
}

/** Generates a valid Lectern pack (format v1) of `n` questions. */
export function generatePack(n: number, opts: GenerateOptions = {}): PackInput {
  const t = new TextMaker(createRng(`${opts.seed ?? 'lectern-bench'}/${n}`));
  const chapterCount = countChapters(n);
  const chapters = Array.from({ length: chapterCount }, (_, c) => ({
    id: `c${pad(c + 1, 4)}`,
    title: t.sentence(15, 50, ''),
    sections: Array.from({ length: SECTIONS_PER_CHAPTER }, (_, s) => ({
      id: `s${pad(c + 1, 4)}-${pad(s + 1, 2)}`,
      title: t.sentence(10, 40, ''),
      body: `${t.paragraph(t.int(3, 6))}\n\n${t.paragraph(t.int(2, 5))}\n\n- ${t.phrase(20, 60)}\n- ${t.phrase(20, 60)}\n`,
    })),
  }));
  const sectionIds = chapters.flatMap((c) => c.sections.map((s) => s.id));
  const width = String(n).length + 1;
  const questions = Array.from({ length: n }, (_, i) => {
    const section = sectionIds[Math.floor((i * sectionIds.length) / n)] ?? 's0001-01';
    return makeQuestion(t, `q${pad(i + 1, width)}`, section);
  });
  return {
    format: 'lectern-pack',
    formatVersion: 1,
    id: opts.id ?? `bench-${n}`,
    title: `Bench pack of ${n} questions`,
    description: 'Generated by npm run bench: mixed question types, realistic text lengths.',
    language: 'en',
    version: '1.0.0',
    chapters,
    questions,
    discussions: chapters.map((c) => ({
      id: `d-${c.id}`,
      prompt: t.sentence(40, 120, '?'),
      points: [t.sentence(30, 90), t.sentence(30, 90)],
      sections: [c.sections[0]?.id ?? 's0001-01'],
    })),
  };
}

/** The pack as the file an instructor would import (compact JSON, as tools write large banks). */
export function generatePackText(n: number, opts: GenerateOptions = {}): string {
  return JSON.stringify(generatePack(n, opts));
}
