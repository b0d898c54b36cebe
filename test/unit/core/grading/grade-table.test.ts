import { describe, expect, it } from 'vitest';
import { type AnswerResponse, gradeAnswer } from '../../../../renderer/src/core/grading';
import type { Question } from '../../../../renderer/src/core/pack';

const base = { section: 's1' };
const oneBillion: Question = {
  ...base,
  id: 'q-invest',
  type: 'typed',
  prompt: 'How much did Microsoft first invest in OpenAI in 2019?',
  accept: ['$1 billion'],
  numeric: { value: 1e9, tolerance: 0, unit: 'USD' },
};
const thirteen: Question = {
  ...base,
  id: 'q-13',
  type: 'typed',
  prompt: 'Total invested, roughly?',
  accept: ['$13 billion'],
  numeric: { value: 13e9, tolerance: 0.5e9 },
};
const year: Question = { ...base, id: 'q-year', type: 'typed', prompt: 'In which year?', accept: ['2019'] };
const regulator: Question = {
  ...base,
  id: 'q-reg',
  type: 'typed',
  prompt: 'Which regulator?',
  accept: ['Federal Trade Commission', 'FTC'],
};
const person: Question = { ...base, id: 'q-who', type: 'typed', prompt: 'Who?', accept: ['Satya Nadella'] };
const accent: Question = { ...base, id: 'q-acc', type: 'typed', prompt: 'Word?', accept: ['Café crème'] };
const product: Question = { ...base, id: 'q-prod', type: 'typed', prompt: 'Product?', accept: ['GPT-4'] };
const infra: Question = {
  ...base,
  id: 'q-inf',
  type: 'typed',
  prompt: 'Platform?',
  accept: ['infrastructure'],
};
const cloze: Question = {
  ...base,
  id: 'q-cloze',
  type: 'cloze',
  text: 'In {{c1::2019}}, {{c2::Microsoft|MSFT}} invested {{c3::$1 billion::amount}} in OpenAI.',
};
const mcSingle: Question = {
  ...base,
  id: 'q-mc1',
  type: 'multiple-choice',
  prompt: 'Which cloud hosts OpenAI?',
  choices: [
    { text: 'Azure', correct: true, feedback: 'Yes: exclusive cloud provider.' },
    { text: 'AWS', correct: false, feedback: 'Amazon backs Anthropic.' },
    { text: 'Google Cloud', correct: false },
  ],
};
const mcMulti: Question = {
  ...base,
  id: 'q-mc2',
  type: 'multiple-choice',
  prompt: 'Which are agreement terms?',
  choices: [
    { text: 'Exclusive cloud', correct: true },
    { text: 'Revenue share', correct: true },
    { text: 'Board seat', correct: false },
    { text: 'IP access', correct: true },
  ],
};
const mcCredit: Question = {
  ...base,
  id: 'q-mc3',
  type: 'multiple-choice',
  prompt: 'Best answer?',
  choices: [
    { text: 'Best', correct: true },
    { text: 'Half right', correct: false, credit: 50 },
    { text: 'Wrong', correct: false },
  ],
};
const tf: Question = {
  ...base,
  id: 'q-tf',
  type: 'true-false',
  prompt: 'The FTC blocked the deal.',
  answer: false,
};
const matching: Question = {
  ...base,
  id: 'q-match',
  type: 'matching',
  prompt: 'Match company and product.',
  pairs: [
    { left: 'Google', right: 'Gemini' },
    { left: 'Anthropic', right: 'Claude' },
    { left: 'Meta', right: 'Llama' },
    { left: 'OpenAI', right: 'ChatGPT' },
  ],
};
const ordering: Question = {
  ...base,
  id: 'q-order',
  type: 'ordering',
  prompt: 'Order the events.',
  items: ['2019 investment', '2021 follow-on', '2023 extension', 'FTC inquiry'],
};
const flash: Question = { ...base, id: 'q-flash', type: 'flashcard', front: 'Front', back: 'Back' };

type Row = [
  name: string,
  q: Question,
  r: unknown,
  correct: boolean,
  score: number,
  extra?: { typo?: boolean; partial?: boolean },
];
const typed = (text: string): AnswerResponse => ({ type: 'typed', text });

const table: Row[] = [
  // the $1B forms, all against one question with numeric value 1e9
  ['$1B', oneBillion, typed('$1B'), true, 1],
  ['1 billion', oneBillion, typed('1 billion'), true, 1],
  ['$1,000,000,000', oneBillion, typed('$1,000,000,000'), true, 1],
  ['one billion dollars', oneBillion, typed('one billion dollars'), true, 1],
  ['1bn', oneBillion, typed('1bn'), true, 1],
  ['1,000 million', oneBillion, typed('1,000 million'), true, 1],
  ['a billion', oneBillion, typed('a billion'), true, 1],
  ['USD 1 000 000 000', oneBillion, typed('USD 1 000 000 000'), true, 1],
  ['$1 billion (exact text)', oneBillion, typed('$1 Billion.'), true, 1],
  ['1 million is wrong, not a typo', oneBillion, typed('1 million'), false, 0],
  ['$10B is wrong', oneBillion, typed('$10B'), false, 0],
  // tolerance
  ['13.4 billion within ±0.5B', thirteen, typed('13.4 billion'), true, 1],
  ['about $12.6bn within ±0.5B', thirteen, typed('about $12.6bn'), true, 1],
  ['14 billion outside ±0.5B', thirteen, typed('14 billion'), false, 0],
  // years
  ['year as written', year, typed('2019'), true, 1],
  ['"in 2019"', year, typed('in 2019'), true, 1],
  ['2018 is not a typo of 2019', year, typed('2018'), false, 0],
  ['two thousand nineteen', year, typed('two thousand nineteen'), true, 1],
  // case, punctuation, spacing, accents, alternatives
  ['case and spacing', regulator, typed('  federal   trade commission '), true, 1],
  ['second accepted answer', regulator, typed('F.T.C.'), true, 1],
  ['leading article', regulator, typed('The Federal Trade Commission'), true, 1],
  ['accents do not matter', accent, typed('cafe creme'), true, 1],
  ['hyphen vs space vs nothing', product, typed('gpt 4'), true, 1],
  ['GPT-5 is wrong', product, typed('GPT-5'), false, 0],
  // typos
  ['one typo in a 7-letter word', person, typed('Satya Nadela'), true, 1, { typo: true }],
  ['swapped neighbours are one typo', person, typed('Satya Nadlela'), true, 1, { typo: true }],
  ['no typo allowed in a 3-letter answer', regulator, typed('FTX'), false, 0],
  ['swap in a long word', infra, typed('infrastrcuture'), true, 1, { typo: true }],
  ['two typos in a 14-letter word', infra, typed('infrastrukture'), true, 1, { typo: true }],
  ['three typos is wrong', infra, typed('imfrastrukturr'), false, 0],
  ['no typos in short words', year, typed('201'), false, 0],
  // cloze with several deletions
  [
    'cloze all right (alt + number form)',
    cloze,
    { type: 'cloze', answers: ['2019', 'msft', '1bn'] },
    true,
    1,
  ],
  [
    'cloze two of three',
    cloze,
    { type: 'cloze', answers: ['2019', 'Google', '$1 billion'] },
    false,
    2 / 3,
    { partial: true },
  ],
  ['cloze none', cloze, { type: 'cloze', answers: [] }, false, 0],
  // multiple choice
  ['single right', mcSingle, { type: 'multiple-choice', selected: [0] }, true, 1],
  ['single wrong', mcSingle, { type: 'multiple-choice', selected: [1] }, false, 0],
  ['choosing everything', mcSingle, { type: 'multiple-choice', selected: [0, 1, 2] }, false, 0],
  ['multi all right', mcMulti, { type: 'multiple-choice', selected: [3, 1, 0] }, true, 1],
  [
    'multi two of three',
    mcMulti,
    { type: 'multiple-choice', selected: [0, 1] },
    false,
    2 / 3,
    { partial: true },
  ],
  [
    'multi two right one wrong',
    mcMulti,
    { type: 'multiple-choice', selected: [0, 1, 2] },
    false,
    1 / 3,
    { partial: true },
  ],
  ['partial credit 50%', mcCredit, { type: 'multiple-choice', selected: [1] }, false, 0.5, { partial: true }],
  // true/false
  ['true/false right', tf, { type: 'true-false', value: false }, true, 1],
  ['true/false wrong', tf, { type: 'true-false', value: true }, false, 0],
  ['true/false as a string is wrong', tf, { type: 'true-false', value: 'false' }, false, 0],
  // matching
  ['matching all right', matching, { type: 'matching', pairs: [0, 1, 2, 3] }, true, 1],
  [
    'matching two swapped',
    matching,
    { type: 'matching', pairs: [1, 0, 2, 3] },
    false,
    0.5,
    { partial: true },
  ],
  [
    'matching one given',
    matching,
    { type: 'matching', pairs: [0, null, null] },
    false,
    0.25,
    { partial: true },
  ],
  // ordering (longest run in order: (L − 1) / (n − 1))
  ['ordering right', ordering, { type: 'ordering', order: [0, 1, 2, 3] }, true, 1],
  [
    'ordering last moved first',
    ordering,
    { type: 'ordering', order: [3, 0, 1, 2] },
    false,
    2 / 3,
    { partial: true },
  ],
  ['ordering reversed', ordering, { type: 'ordering', order: [3, 2, 1, 0] }, false, 0],
  [
    'ordering with an item missing',
    ordering,
    { type: 'ordering', order: [0, 1, 2] },
    false,
    2 / 3,
    { partial: true },
  ],
  // wrong shapes are just wrong
  ['typed answer to a choice question', mcSingle, typed('Azure'), false, 0],
  ['null response', cloze, null, false, 0],
  ['flashcard Good', flash, { type: 'flashcard', rating: 3 }, true, 1],
  ['flashcard Again', flash, { type: 'flashcard', rating: 1 }, false, 0],
];

describe('grading table', () => {
  it('has at least 30 cases', () => {
    expect(table.length).toBeGreaterThanOrEqual(30);
  });

  it.each(table)('%s', (_name, q, r, correct, score, extra) => {
    const g = gradeAnswer(q, r);
    expect(g.correct).toBe(correct);
    expect(g.score).toBeCloseTo(score, 9);
    expect(g.typo).toBe(extra?.typo ?? false);
    expect(g.partial).toBe(extra?.partial ?? false);
  });
});

describe('grade detail', () => {
  it('shows the typed answer beside the expected one and flags the typo', () => {
    const g = gradeAnswer(person, typed('Satya Nadela'));
    expect(g.parts[0]).toMatchObject({
      kind: 'text',
      given: 'Satya Nadela',
      expected: 'Satya Nadella',
      typo: true,
      matchedBy: 'typo',
    });
    expect(g.expectedText).toBe('Satya Nadella');
    expect(g.givenText).toBe('Satya Nadela');
  });

  it('returns each choice with its feedback and whether it was handled right', () => {
    const g = gradeAnswer(mcSingle, { type: 'multiple-choice', selected: [1] });
    expect(g.parts).toEqual([
      {
        kind: 'choice',
        index: 0,
        text: 'Azure',
        selected: false,
        isCorrect: true,
        correct: false,
        credit: 100,
        feedback: 'Yes: exclusive cloud provider.',
      },
      {
        kind: 'choice',
        index: 1,
        text: 'AWS',
        selected: true,
        isCorrect: false,
        correct: false,
        credit: -100,
        feedback: 'Amazon backs Anthropic.',
      },
      {
        kind: 'choice',
        index: 2,
        text: 'Google Cloud',
        selected: false,
        isCorrect: false,
        correct: true,
        credit: -100,
      },
    ]);
    expect(g.expectedText).toBe('Azure');
  });

  it('grades each cloze blank and fills the sentence as the expected text', () => {
    const g = gradeAnswer(cloze, { type: 'cloze', answers: ['2019', 'Google', '$1 billion'] });
    expect(g.parts.map((p) => (p.kind === 'text' ? [p.given, p.correct] : null))).toEqual([
      ['2019', true],
      ['Google', false],
      ['$1 billion', true],
    ]);
    expect(g.parts[2]).toMatchObject({ hint: 'amount' });
    expect(g.expectedText).toBe('In 2019, Microsoft invested $1 billion in OpenAI.');
  });

  it('marks the ordering items kept in sequence', () => {
    const g = gradeAnswer(ordering, { type: 'ordering', order: [3, 0, 1, 2] });
    expect(g.parts.map((p) => (p.kind === 'position' ? [p.itemIndex, p.correct, p.inPlace] : null))).toEqual([
      [3, false, false],
      [0, true, false],
      [1, true, false],
      [2, true, false],
    ]);
  });
});
