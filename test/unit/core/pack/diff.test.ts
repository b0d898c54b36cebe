import { describe, expect, it } from 'vitest';
import type { Question } from '../../../../renderer/src/core/pack';
import { answerHash, diffPacks } from '../../../../renderer/src/core/pack/diff';

const base = { section: 's1' } as const;

const mc: Question = {
  ...base,
  id: 'mc',
  type: 'multiple-choice',
  prompt: 'Who invested?',
  choices: [
    { text: 'Microsoft', correct: true, feedback: 'Yes' },
    { text: 'Google', correct: false },
  ],
  explanation: 'In 2019.',
};

function variant(q: Question, patch: Record<string, unknown>): Question {
  return { ...q, ...patch } as Question;
}

describe('answerHash', () => {
  it('ignores wording: prompt, explanation, hint, feedback, tags, section, choice order and whitespace', () => {
    const h = answerHash(mc);
    expect(
      answerHash(
        variant(mc, { prompt: 'Which company invested?', explanation: 'x', hint: 'h', tags: ['t'] }),
      ),
    ).toBe(h);
    expect(answerHash(variant(mc, { section: 'other' }))).toBe(h);
    expect(
      answerHash(
        variant(mc, {
          choices: [
            { text: 'Google', correct: false, feedback: 'no' },
            { text: ' Microsoft ', correct: true },
          ],
        }),
      ),
    ).toBe(h);
  });

  it('changes when what is correct changes', () => {
    const h = answerHash(mc);
    const cases: Record<string, unknown>[] = [
      {
        choices: [
          { text: 'Microsoft', correct: false },
          { text: 'Google', correct: true },
        ],
      },
      {
        choices: [
          { text: 'Microsoft', correct: true, credit: 50 },
          { text: 'Google', correct: false },
        ],
      },
      {
        choices: [
          { text: 'Microsoft Corp.', correct: true },
          { text: 'Google', correct: false },
        ],
      },
    ];
    for (const patch of cases) expect(answerHash(variant(mc, patch))).not.toBe(h);
  });

  it('covers the answer of every type, and the type itself', () => {
    const pairs: [Question, Record<string, unknown>][] = [
      [{ ...base, id: 'f', type: 'flashcard', front: 'F', back: 'B' }, { back: 'C' }],
      [{ ...base, id: 't', type: 'true-false', prompt: 'P', answer: true }, { answer: false }],
      [{ ...base, id: 'y', type: 'typed', prompt: 'P', accept: ['a', 'b'] }, { accept: ['a'] }],
      [
        { ...base, id: 'n', type: 'typed', prompt: 'P', accept: [], numeric: { value: 1, tolerance: 0 } },
        { numeric: { value: 1, tolerance: 0.5 } },
      ],
      [{ ...base, id: 'c', type: 'cloze', text: 'A {{c1::b}} c' }, { text: 'A {{c1::d}} c' }],
      [
        {
          ...base,
          id: 'm',
          type: 'matching',
          prompt: 'P',
          pairs: [
            { left: 'a', right: '1' },
            { left: 'b', right: '2' },
          ],
        },
        {
          pairs: [
            { left: 'a', right: '2' },
            { left: 'b', right: '1' },
          ],
        },
      ],
      [{ ...base, id: 'o', type: 'ordering', prompt: 'P', items: ['a', 'b'] }, { items: ['b', 'a'] }],
    ];
    for (const [q, patch] of pairs) expect(answerHash(variant(q, patch))).not.toBe(answerHash(q));
    const flash: Question = { ...base, id: 'x', type: 'flashcard', front: 'F', back: 'B' };
    const typed: Question = { ...base, id: 'x', type: 'typed', prompt: 'F', accept: ['B'] };
    expect(answerHash(flash)).not.toBe(answerHash(typed));
  });

  it('keeps the hash for wording around cloze deletions, unit labels, accept order and cloze hints', () => {
    const cloze: Question = {
      ...base,
      id: 'c',
      type: 'cloze',
      text: 'In {{c1::2019|twenty nineteen::a year}}.',
    };
    expect(answerHash(variant(cloze, { text: 'It began in {{c1::twenty nineteen|2019}}!' }))).toBe(
      answerHash(cloze),
    );
    const typed: Question = {
      ...base,
      id: 'y',
      type: 'typed',
      prompt: 'P',
      accept: ['a', 'b'],
      numeric: { value: 1, tolerance: 0, unit: 'USD' },
    };
    expect(answerHash(variant(typed, { accept: ['b', 'a'], numeric: { value: 1, tolerance: 0 } }))).toBe(
      answerHash(typed),
    );
  });

  it('is a fixed-length hex string, stable across runs', () => {
    expect(answerHash(mc)).toMatch(/^[0-9a-f]{24}$/);
    expect(answerHash({ ...base, id: 'f', type: 'flashcard', front: 'F', back: 'B' })).toBe(
      answerHash({ ...base, id: 'g', type: 'flashcard', front: 'Other', back: 'B' }),
    );
  });
});

describe('diffPacks', () => {
  it('sorts questions into added, changed (with answerChanged), removed and unchanged', () => {
    const kept: Question = { ...base, id: 'kept', type: 'true-false', prompt: 'P', answer: true };
    const reworded = variant(mc, { prompt: 'Which company put in the money?' });
    const newAnswer: Question = { ...base, id: 'tf', type: 'true-false', prompt: 'Q', answer: false };
    const oldTf: Question = { ...base, id: 'tf', type: 'true-false', prompt: 'Q', answer: true };
    const gone: Question = { ...base, id: 'gone', type: 'flashcard', front: 'F', back: 'B' };
    const fresh: Question = { ...base, id: 'fresh', type: 'flashcard', front: 'N', back: 'B' };
    const diff = diffPacks([kept, mc, oldTf, gone], [fresh, { ...kept }, reworded, newAnswer]);
    expect(diff.added).toEqual([fresh]);
    expect(diff.removed).toEqual([gone]);
    expect(diff.unchanged).toEqual([kept]);
    expect(diff.changed).toEqual([
      { id: 'mc', before: mc, after: reworded, answerChanged: false },
      { id: 'tf', before: oldTf, after: newAnswer, answerChanged: true },
    ]);
  });

  it('treats key order as no change', () => {
    const reordered = Object.fromEntries(Object.entries(mc).reverse()) as Question;
    expect(Object.keys(reordered)[0]).not.toBe(Object.keys(mc)[0]);
    expect(diffPacks([mc], [reordered]).unchanged).toHaveLength(1);
  });
});
