/** fast-check generators for pack files: raw text over a tricky alphabet, GIFT files, expressible packs. */
import fc from 'fast-check';

/** Characters that exercise every rule of the formats: GIFT specials, quotes, separators, HTML, Unicode. */
export const ALPHABET = [
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

export const char = fc.constantFrom(...ALPHABET);
/** Any string over the alphabet. */
export const raw = fc.array(char, { maxLength: 40 }).map((cs) => cs.join(''));
/** Non-empty text as the schema stores it: trimmed. */
export const text = raw.map((s) => s.trim()).filter((s) => s.length > 0);
export const line = text.map((s) => s.replace(/\n/g, ' ').trim()).filter((s) => s.length > 0);

export const idArb = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,15}$/);

export const giftText = fc
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
export const giftChunk = fc.oneof(
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
export const giftWords = fc.array(giftChunk, { minLength: 1, maxLength: 5 }).map((cs) => cs.join(''));
export const feedback = fc.option(
  giftWords.map((f) => `#${f}`),
  { nil: '' },
);
export const giftAnswers = fc.oneof(
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
export const giftQuestion = fc
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
export const giftFile = fc
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
export const packArb = fc
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
