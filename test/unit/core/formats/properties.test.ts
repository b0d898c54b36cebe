import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  packToGift,
  readAiken,
  readDelimited,
  readGift,
  readPackFile,
} from '../../../../renderer/src/core/formats';
import {
  type Pack,
  type PackResult,
  parsePackJson,
  type Question,
  validatePack,
} from '../../../../renderer/src/core/pack';

/** Characters that exercise every rule of the formats: GIFT specials, quotes, separators, HTML, Unicode. */
const ALPHABET = [
  ...'abcXYZ019 .,;|',
  '\\',
  ':',
  '#',
  '=',
  '{',
  '}',
  '~',
  '[',
  ']',
  '%',
  '-',
  '>',
  '/',
  '<',
  '&',
  '"',
  "'",
  '*',
  '_',
  '$',
  '\t',
  '\n',
  'é',
  '😀',
  '\u00a0',
  '\uE001',
];

const char = fc.constantFrom(...ALPHABET);
/** Any string over the alphabet. */
const raw = fc.array(char, { maxLength: 40 }).map((cs) => cs.join(''));
/** Non-empty text as the schema stores it: trimmed. */
const text = raw.map((s) => s.trim()).filter((s) => s.length > 0);
const line = text.map((s) => s.replace(/\n/g, ' ').trim()).filter((s) => s.length > 0);

const idArb = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,15}$/);

function everyOutcome(result: PackResult<Pack>): void {
  if (result.ok) expect(validatePack(result.pack).ok).toBe(true);
  else expect(result.issues.length).toBeGreaterThan(0);
}

describe('readers never throw', () => {
  const readers: [string, (s: string) => PackResult<Pack>][] = [
    ['gift', (s) => readGift(s)],
    ['aiken', (s) => readAiken(s)],
    ['delimited csv', (s) => readDelimited(s, { fileName: 'x.csv' })],
    ['delimited txt', (s) => readDelimited(s, { fileName: 'x.txt' })],
    ['json', (s) => parsePackJson(s)],
  ];
  for (const [name, read] of readers) {
    it(`${name}: on arbitrary text, and only returns packs that validate`, () => {
      fc.assert(
        fc.property(
          fc.oneof(
            fc.string({ unit: 'binary', maxLength: 200 }),
            raw,
            fc.array(raw, { maxLength: 8 }).map((l) => l.join('\n')),
          ),
          (s) => {
            everyOutcome(read(s));
          },
        ),
        { numRuns: 400 },
      );
    });
  }

  it('readPackFile: on arbitrary bytes and names', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 300 }),
        fc.constantFrom('a.gift', 'a.json', 'a.csv', 'a.tsv', 'a.txt', 'noext'),
        (bytes, name) => {
          const result = readPackFile(name, bytes);
          everyOutcome(result);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('readPackFile: on GIFT-shaped text built from GIFT pieces', () => {
    fc.assert(
      fc.property(giftText, (gift) => {
        everyOutcome(readPackFile('a.gift', gift));
      }),
      { numRuns: 1000 },
    );
  });
});

const giftText = fc
  .array(
    fc.constantFrom(
      '::T::',
      '{',
      '}',
      '=',
      '~',
      '#',
      '####',
      '->',
      '%50%',
      '%-25%',
      'T',
      'FALSE',
      '#1..5',
      ':0.5',
      '\\',
      '\n',
      '\n\n',
      '// [id:x]',
      '// [type:ordering]',
      '// [type:cloze] [cloze:a {{c1::b}}]',
      '// [section:s]',
      '$CATEGORY: a/b',
      '[html]',
      '<b>',
      'word',
      ' ',
    ),
    { maxLength: 30 },
  )
  .map((pieces) => pieces.join(''));

/** GIFT text pieces: words, every escape, HTML, and characters that mean something elsewhere. */
const giftChunk = fc.oneof(
  fc.array(fc.constantFrom(...'abcXYZ019 .,é😀'), { minLength: 1, maxLength: 6 }).map((cs) => cs.join('')),
  fc.constantFrom(
    '\\:',
    '\\#',
    '\\=',
    '\\{',
    '\\}',
    '\\~',
    '\\n',
    '\\\\',
    '<b>',
    '&amp;',
    '%',
    '->',
    '[x]',
    '$$',
    '|',
    ' - ',
  ),
);
const giftWords = fc.array(giftChunk, { minLength: 1, maxLength: 5 }).map((cs) => cs.join(''));
const feedback = fc.option(
  giftWords.map((f) => `#${f}`),
  { nil: '' },
);
const giftAnswers = fc.oneof(
  fc
    .array(fc.tuple(fc.constantFrom('=', '~', '~%50%', '~%-25%', '=%100%', '~%0%'), giftWords, feedback), {
      minLength: 2,
      maxLength: 4,
    })
    .map((list) => list.map(([m, t, f]) => `${m}${t}${f}`).join(' ')),
  fc.tuple(giftWords, feedback).map(([t, f]) => `=${t}${f}`),
  fc.tuple(fc.constantFrom('T', 'F', 'TRUE', 'FALSE'), feedback, feedback).map((p) => p.join('')),
  fc.tuple(fc.integer({ min: -5000, max: 5000 }), fc.nat(100)).map(([v, t]) => `#${v / 10}:${t}`),
  fc.tuple(fc.integer({ min: -50, max: 50 }), fc.nat(50)).map(([v, d]) => `#${v}..${v + d}`),
  fc.tuple(fc.integer(), fc.integer()).map(([a, b]) => `#=${a} =${b}`),
  fc
    .uniqueArray(fc.tuple(giftWords, giftWords), {
      minLength: 2,
      maxLength: 4,
      selector: ([l]) => l.toLowerCase(),
    })
    .map((pairs) => pairs.map(([l, r]) => `=${l.replaceAll('->', '')} -> ${r}`).join(' ')),
  fc.constant(''),
);
const giftQuestion = fc
  .record({
    tag: fc.constantFrom(
      '',
      '// [tag:t]\n',
      '// [id:q-a]\n',
      '// [type:flashcard]\n',
      '// [type:ordering]\n',
    ),
    title: fc.option(
      giftWords.map((t) => `::${t.replaceAll(':', '')}::`),
      { nil: '' },
    ),
    format: fc.constantFrom('', '[html]', '[markdown]', '[plain]', '[moodle]'),
    before: giftWords,
    answers: giftAnswers,
    general: fc.option(
      giftWords.map((g) => `####${g}`),
      { nil: '' },
    ),
    after: fc.option(giftWords, { nil: '' }),
  })
  .map((q) => `${q.tag}${q.title}${q.format}${q.before}{${q.answers}${q.general}}${q.after}`);
const giftFile = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: giftQuestion },
      { weight: 1, arbitrary: giftWords.map((t) => `$CATEGORY: ${t.replaceAll('\\n', ' ')}`) },
      { weight: 1, arbitrary: giftWords },
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((blocks) => blocks.join('\n\n'));

/** A pack GIFT can express, per the writer's documented limits. */
const packArb = fc
  .record({
    id: idArb,
    title: line,
    language: fc.constantFrom('en', 'en-GB', 'fr'),
    version: line.filter((s) => s.length <= 50),
    author: fc.option(line, { nil: undefined }),
    description: fc.option(text, { nil: undefined }),
    chapterTitles: fc.array(line, { minLength: 1, maxLength: 3 }),
    sectionsPer: fc.array(fc.record({ title: text, body: raw }), { minLength: 1, maxLength: 2 }),
    questions: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { maxLength: 12 }),
    seed: fc.array(
      fc.tuple(text, text, text, fc.boolean(), fc.double({ noNaN: true, noDefaultInfinity: true })),
      {
        minLength: 12,
        maxLength: 12,
      },
    ),
  })
  .map((r) => {
    const chapters = r.chapterTitles.map((title, ci) => ({
      id: `ch${ci}`,
      title,
      sections: r.sectionsPer.map((s, si) => ({ id: `ch${ci}-s${si}`, title: s.title, body: s.body.trim() })),
    }));
    const sectionIds = chapters.flatMap((c) => c.sections.map((s) => s.id));
    const questions = r.questions.map(([kind, which, at], qi) => {
      const [a, b, c, flag, num] = r.seed[qi % r.seed.length] ?? ['a', 'b', 'c', true, 1];
      const section = sectionIds[at % sectionIds.length] ?? 'ch0-s0';
      return makeQuestion(kind % 9, which, { id: `q${qi}`, section, a, b, c, flag, num });
    });
    const pack: Record<string, unknown> = {
      format: 'lectern-pack',
      formatVersion: 1,
      id: r.id,
      title: r.title,
      language: r.language,
      version: r.version,
      chapters,
      questions,
      discussions: [
        { id: 'd1', prompt: r.title, points: r.chapterTitles, sections: sectionIds.slice(0, 1) },
        { id: 'd2', prompt: r.version, points: [], sections: [] },
      ],
    };
    if (r.author !== undefined) pack.author = r.author;
    if (r.description !== undefined) pack.description = r.description;
    return pack;
  });

interface Seed {
  id: string;
  section: string;
  a: string;
  b: string;
  c: string;
  flag: boolean;
  num: number;
}

function noArrow(s: string): string {
  return s.replaceAll('->', '- >');
}

function makeQuestion(kind: number, which: number, s: Seed): Record<string, unknown> {
  const base: Record<string, unknown> = { id: s.id, section: s.section };
  if (which % 2 === 0) base.explanation = s.c;
  if (which % 3 === 0) base.tags = [s.a.replace(/\n/g, ' ').trim() || 't'];
  if (which % 5 === 0) base.hint = s.b;
  if (which % 7 === 0) base.evidence = s.c;
  switch (kind) {
    case 0:
      return { ...base, type: 'flashcard', front: s.a, back: s.b };
    case 1:
      return {
        ...base,
        type: 'multiple-choice',
        prompt: s.a,
        choices: [
          { text: s.b, correct: true, ...(s.flag ? { feedback: s.c } : {}) },
          { text: s.c, correct: s.flag },
          { text: `${s.a}!`, correct: false },
        ],
        ...(which % 4 === 0 ? { fixedOrder: true } : {}),
      };
    case 2:
      return {
        ...base,
        type: 'multiple-choice',
        prompt: s.a,
        choices: [
          { text: s.b, correct: true, credit: 100 },
          { text: s.c, correct: true, credit: 33.5 },
          { text: `${s.c}?`, correct: false, credit: -25 },
          { text: `${s.c}.`, correct: false },
        ],
      };
    case 3: {
      const q: Record<string, unknown> = { ...base, type: 'true-false', prompt: s.a, answer: s.flag };
      if (which % 2 === 1) q.feedbackTrue = s.b;
      if (which % 4 < 2) q.feedbackFalse = s.c;
      return q;
    }
    case 4:
      return { ...base, type: 'typed', prompt: s.a, accept: [s.b, s.c] };
    case 5:
      return {
        ...base,
        type: 'typed',
        prompt: s.a,
        accept: s.flag ? [s.b] : [],
        // `|| 0` turns -0 into 0: JSON itself cannot keep -0.
        numeric: { value: s.num || 0, tolerance: Math.abs(s.num) / 8, ...(s.flag ? { unit: s.c } : {}) },
      };
    case 6: {
      const deletion = (n: number, body: string) => `{{c${n}::${body.replace(/[{}|:]/g, '') || 'x'}}}`;
      const text =
        which % 3 === 0
          ? `${s.a} ${deletion(1, s.b)} ${s.c}`
          : which % 3 === 1
            ? `${deletion(1, `${s.b}|${s.c}`)} ${s.a}`
            : `${s.a} ${deletion(1, s.b)} and ${deletion(2, `${s.c}::hint`)}`;
      return { ...base, type: 'cloze', text };
    }
    case 7:
      return {
        ...base,
        type: 'matching',
        prompt: s.a,
        pairs: [
          { left: `1 ${noArrow(s.b)}`, right: s.c },
          { left: `2 ${noArrow(s.c)}`, right: s.a },
        ],
      };
    default:
      return { ...base, type: 'ordering', prompt: s.a, items: [noArrow(s.b), noArrow(s.c), noArrow(s.a)] };
  }
}

function byId(questions: readonly Question[]): Question[] {
  return [...questions].sort((x, y) => (x.id < y.id ? -1 : 1));
}

describe('round trips keep every question GIFT can express', () => {
  it('GIFT → JSON → GIFT → JSON gives the same pack', () => {
    let read = 0;
    fc.assert(
      fc.property(giftFile, (gift) => {
        const first = readGift(gift, { fileName: 'a.gift' });
        fc.pre(first.ok);
        if (!first.ok) return;
        read++;
        const again = readGift(packToGift(first.pack), { fileName: 'b.gift' });
        if (!again.ok) throw new Error(JSON.stringify(again.issues));
        const { questions: q1, ...rest1 } = first.pack;
        const { questions: q2, ...rest2 } = again.pack;
        expect(byId(q2)).toEqual(byId(q1));
        expect(rest2).toEqual(rest1);
      }),
      { numRuns: 500 },
    );
    // The generator must mostly produce readable files, or this property says little.
    expect(read).toBeGreaterThan(250);
  });

  it('JSON → JSON', () => {
    fc.assert(
      fc.property(packArb, (input) => {
        const first = validatePack(input);
        fc.pre(first.ok);
        if (!first.ok) return;
        const again = parsePackJson(JSON.stringify(first.pack, null, 2));
        expect(again).toEqual({ ok: true, pack: first.pack, warnings: [] });
      }),
      { numRuns: 150 },
    );
  });

  it('JSON → GIFT → JSON: ids, types, prompts, answers, explanations, sections and metadata', () => {
    fc.assert(
      fc.property(packArb, (input) => {
        const first = validatePack(input);
        fc.pre(first.ok);
        if (!first.ok) return;
        const gift = packToGift(first.pack);
        const back = readGift(gift, { fileName: 'other-name.gift' });
        if (!back.ok) throw new Error(`${JSON.stringify(back.issues)}\n${gift}`);
        expect(back.warnings).toEqual([]);
        const { questions: q1, ...rest1 } = first.pack;
        const { questions: q2, ...rest2 } = back.pack;
        expect(byId(q2)).toEqual(byId(q1));
        expect(rest2).toEqual(rest1);
      }),
      { numRuns: 300 },
    );
  });
});
