import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeEditDistance,
  computeFastThresholdMs,
  type Grade,
  gradeAnswer,
  matchTypedAnswer,
  normalizeAnswer,
  parseCloze,
  parseQuantity,
  ratingFor,
  renderCloze,
} from '../../../../renderer/src/core/grading';
import type { Question } from '../../../../renderer/src/core/pack';

describe('normalizeAnswer', () => {
  it.each([
    ['  Café-Crème & Co. ', 'cafe creme and co'],
    ["OpenAI's", 'openais'],
    ['ÅNGSTRÖM', 'angstrom'],
    ['ﬁnal', 'final'],
    ['a\t\nb', 'a b'],
    ['!!!', ''],
  ])('%j → %j', (input, out) => {
    expect(normalizeAnswer(input)).toBe(out);
  });
});

describe('parseQuantity', () => {
  it.each([
    ['$1B', 1e9],
    ['1,000 million', 1e9],
    ['one thousand million', 1e9],
    ['1 billion 500 million', 1.5e9],
    ['twenty-five', 25],
    ['one hundred and five', 105],
    ['€2.5m', 2.5e6],
    ['500k', 5e5],
    ['49%', 49],
    ['-5', -5],
    ['10 GW', 10],
  ])('%j → %d', (text, value) => {
    expect(parseQuantity(text, 'GW')).toBeCloseTo(value, 6);
  });

  it.each([
    'GPT-4',
    '1,5',
    '2019-2020',
    'five four',
    'twenty twenty',
    'dollars',
    '',
    'a',
    '1e9',
    'two million thousand',
  ])('%j is not a quantity', (text) => {
    expect(parseQuantity(text)).toBeNull();
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.string(), (s) => parseQuantity(s) === null || Number.isFinite(parseQuantity(s))),
    );
  });
});

describe('computeEditDistance', () => {
  it('counts a swap of neighbours as one edit', () => {
    expect(computeEditDistance('nadella', 'nadlela')).toBe(1);
    expect(computeEditDistance('kitten', 'sitting')).toBe(3);
    expect(computeEditDistance('abc', 'abc')).toBe(0);
    expect(computeEditDistance('abcdefgh', 'hgfedcba', 1)).toBe(2);
  });

  it('is symmetric and bounded by the longer length', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const d = computeEditDistance(a, b);
        return d === computeEditDistance(b, a) && d <= Math.max(Array.from(a).length, Array.from(b).length);
      }),
    );
  });
});

describe('matchTypedAnswer', () => {
  it('can turn typo tolerance off', () => {
    expect(matchTypedAnswer('infrastrcuture', { accept: ['infrastructure'] }).correct).toBe(true);
    expect(
      matchTypedAnswer('infrastrcuture', { accept: ['infrastructure'], allowTypos: false }).correct,
    ).toBe(false);
  });

  it('does not accept an empty answer', () => {
    expect(matchTypedAnswer('  ', { accept: ['x'] }).correct).toBe(false);
  });
});

describe('parseCloze', () => {
  it('reads answers, alternatives and hints in reading order', () => {
    const p = parseCloze('A {{c2::x|y}} b {{c1::z::hint here}}{{c1::}} end');
    expect(p.deletions).toEqual([
      { index: 0, group: 2, answers: ['x', 'y'] },
      { index: 1, group: 1, answers: ['z'], hint: 'hint here' },
      { index: 2, group: 1, answers: [] },
    ]);
    expect(renderCloze(p, 'blank')).toBe('A […] b [hint here][…] end');
    expect(renderCloze(p)).toBe('A x b z… end');
  });

  it('leaves text without deletions whole', () => {
    expect(parseCloze('no blanks').segments).toEqual([{ kind: 'text', text: 'no blanks' }]);
  });
});

const questions: Question[] = [
  { id: 'f', section: 's', type: 'flashcard', front: 'F', back: 'B' },
  {
    id: 'm',
    section: 's',
    type: 'multiple-choice',
    prompt: 'P',
    choices: [
      { text: 'a', correct: true },
      { text: 'b', correct: false },
    ],
  },
  { id: 't', section: 's', type: 'true-false', prompt: 'P', answer: true },
  {
    id: 'y',
    section: 's',
    type: 'typed',
    prompt: 'P',
    accept: ['$1 billion'],
    numeric: { value: 1e9, tolerance: 0 },
  },
  { id: 'c', section: 's', type: 'cloze', text: '{{c1::a}} and {{c2::b}}' },
  {
    id: 'x',
    section: 's',
    type: 'matching',
    prompt: 'P',
    pairs: [
      { left: 'l1', right: 'r1' },
      { left: 'l2', right: 'r2' },
    ],
  },
  { id: 'o', section: 's', type: 'ordering', prompt: 'P', items: ['1', '2', '3'] },
];

describe('gradeAnswer is total', () => {
  it('never throws and keeps its invariants for any response to any question', () => {
    const response = fc.oneof(
      fc.anything(),
      fc.record({
        type: fc.constantFrom(
          'flashcard',
          'multiple-choice',
          'true-false',
          'typed',
          'cloze',
          'matching',
          'ordering',
        ),
        rating: fc.anything(),
        selected: fc.array(fc.oneof(fc.integer({ min: -2, max: 4 }), fc.double(), fc.string())),
        value: fc.anything(),
        text: fc.oneof(fc.string(), fc.anything()),
        answers: fc.array(fc.oneof(fc.string(), fc.anything())),
        pairs: fc.array(fc.oneof(fc.integer({ min: -1, max: 3 }), fc.constant(null), fc.anything())),
        order: fc.array(fc.oneof(fc.integer({ min: -1, max: 3 }), fc.anything())),
      }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...questions), response, (q, r) => {
        const g = gradeAnswer(q, r);
        expect(g.score).toBeGreaterThanOrEqual(0);
        expect(g.score).toBeLessThanOrEqual(1);
        if (g.correct) expect(g.score).toBe(1);
        if (g.partial) expect(g.correct).toBe(false);
        if (g.typo) expect(g.correct).toBe(true);
        expect(typeof g.expectedText).toBe('string');
        expect(g.fastMs).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});

describe('ratingFor', () => {
  const typed = questions[3] as Question;
  const right = gradeAnswer(typed, { type: 'typed', text: '$1B' });
  const wrong = gradeAnswer(typed, { type: 'typed', text: '$2B' });
  const partial = gradeAnswer(questions[4] as Question, { type: 'cloze', answers: ['a', 'x'] });
  const slow = right.fastMs + 1;

  it.each<[string, Grade, Parameters<typeof ratingFor>[1], number]>([
    ['wrong → Again', wrong, { responseMs: 1000 }, 1],
    ['right → Good', right, { responseMs: slow }, 3],
    ['right and fast → Easy', right, { responseMs: 1000 }, 4],
    ['partial → Hard', partial, { responseMs: 1000 }, 2],
    ['right after the hint → Hard', right, { responseMs: 1000, hintUsed: true }, 2],
    ['guessed and right → Hard', right, { responseMs: 1000, override: 'guessed' }, 2],
    ['guessed and wrong → Again', wrong, { responseMs: 1000, override: 'guessed' }, 1],
    ['guessed and partial → Again', partial, { responseMs: 1000, override: 'guessed' }, 1],
    ['no time measured → Good', right, { responseMs: Number.NaN }, 3],
  ])('%s', (_n, grade, ctx, rating) => {
    expect(ratingFor(grade, ctx)).toBe(rating);
  });

  it('right with a typo is Good even when fast', () => {
    const q: Question = { id: 'p', section: 's', type: 'typed', prompt: 'Who?', accept: ['Satya Nadella'] };
    expect(ratingFor(gradeAnswer(q, { type: 'typed', text: 'satya nadela' }), { responseMs: 500 })).toBe(3);
  });

  it('flashcards keep the self-rating', () => {
    for (const r of [1, 2, 3, 4] as const) {
      expect(
        ratingFor(gradeAnswer(questions[0] as Question, { type: 'flashcard', rating: r }), {
          responseMs: 100,
        }),
      ).toBe(r);
    }
  });

  it('the fast threshold grows with the question', () => {
    const short: Question = { id: 'a', section: 's', type: 'typed', prompt: 'Year?', accept: ['2019'] };
    const long: Question = {
      ...short,
      prompt: 'In which year did the two companies first agree on the partnership and its terms?',
    };
    expect(computeFastThresholdMs(short)).toBe(2500 + 35 * 5 + 250 * 4);
    expect(computeFastThresholdMs(long)).toBeGreaterThan(computeFastThresholdMs(short));
    const order: Question = { id: 'o', section: 's', type: 'ordering', prompt: 'P', items: ['a', 'b', 'c'] };
    expect(computeFastThresholdMs(order)).toBe(2500 + 35 * 4 + 1500 * 3);
  });
});
