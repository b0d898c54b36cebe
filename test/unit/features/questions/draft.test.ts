import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Question } from '../../../../renderer/src/core/pack/schema';
import {
  applyAnswerKey,
  arrangeQuestion,
  createDraft,
  createShowingSeed,
  draftToResponse,
  findChoicePosition,
  labelChoiceKey,
  moveItem,
  toggleChoice,
} from '../../../../renderer/src/features/questions';

const base = { id: 'q', section: 's' };
const single: Extract<Question, { type: 'multiple-choice' }> = {
  ...base,
  type: 'multiple-choice',
  prompt: 'Who invested?',
  choices: [
    { text: 'Microsoft', correct: true },
    { text: 'Amazon', correct: false },
    { text: 'Meta', correct: false },
    { text: 'Google', correct: false },
  ],
};
const multi: Extract<Question, { type: 'multiple-choice' }> = {
  ...single,
  choices: [
    { text: 'ChatGPT', correct: true },
    { text: 'Azure AI integrations', correct: true },
    { text: 'LLaMA', correct: false },
  ],
};
const ordering: Extract<Question, { type: 'ordering' }> = {
  ...base,
  type: 'ordering',
  prompt: 'Order',
  items: ['a', 'b', 'c'],
};
const matching: Extract<Question, { type: 'matching' }> = {
  ...base,
  type: 'matching',
  prompt: 'Match',
  pairs: [
    { left: 'Meta', right: 'LLaMA' },
    { left: 'Amazon', right: 'Bedrock' },
    { left: 'Anthropic', right: 'Claude' },
  ],
};
const isPermutation = (xs: number[], n: number) =>
  [...xs].sort((a, b) => a - b).join() === [...Array(n).keys()].join();

describe('arrangeQuestion', () => {
  it('shuffles choices by the seed: same seed same order, every choice once', () => {
    const a = arrangeQuestion(single, createShowingSeed('p:q', 0));
    expect(arrangeQuestion(single, createShowingSeed('p:q', 0))).toEqual(a);
    expect(isPermutation(a.choiceOrder, 4)).toBe(true);
    const orders = new Set(
      Array.from({ length: 20 }, (_, reps) =>
        arrangeQuestion(single, createShowingSeed('p:q', reps)).choiceOrder.join(),
      ),
    );
    expect(orders.size).toBeGreaterThan(1);
  });

  it('keeps the author order when fixedOrder is set', () => {
    expect(arrangeQuestion({ ...single, fixedOrder: true }, 'x').choiceOrder).toEqual([0, 1, 2, 3]);
  });

  it('never starts an ordering question in the right order', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 2, max: 8 }), (seed, n) => {
        const q = { ...ordering, items: Array.from({ length: n }, (_, i) => `item ${i}`) };
        const { startOrder } = arrangeQuestion(q, seed);
        return isPermutation(startOrder, n) && startOrder.some((v, i) => v !== i);
      }),
    );
  });

  it('lists every right-hand item of a matching question once', () => {
    expect(isPermutation(arrangeQuestion(matching, 's').rightOrder, 3)).toBe(true);
  });
});

describe('drafts', () => {
  it('start empty, and only a choice made or a text typed can be submitted', () => {
    const a = arrangeQuestion(single, 's');
    expect(draftToResponse(createDraft(single, a))).toBeNull();
    expect(
      draftToResponse(createDraft({ ...base, type: 'true-false', prompt: 'p', answer: true }, a)),
    ).toBeNull();
    expect(draftToResponse(createDraft({ ...base, type: 'flashcard', front: 'f', back: 'b' }, a))).toBeNull();
    expect(draftToResponse(createDraft({ ...base, type: 'typed', prompt: 'p', accept: ['x'] }, a))).toEqual({
      type: 'typed',
      text: '',
    });
    const cloze = createDraft({ ...base, type: 'cloze', text: 'A {{c1::b}} and {{c2::c::hint}}.' }, a);
    expect(cloze).toEqual({ type: 'cloze', answers: ['', ''] });
    expect(createDraft(matching, a)).toEqual({ type: 'matching', pairs: [null, null, null] });
  });

  it('an ordering draft starts in the arranged order', () => {
    const a = arrangeQuestion(ordering, 'seed');
    expect(draftToResponse(createDraft(ordering, a))).toEqual({ type: 'ordering', order: a.startOrder });
  });

  it('toggleChoice picks one option (radio) or toggles (checkboxes)', () => {
    let d = { type: 'multiple-choice' as const, selected: [] as number[] };
    d = toggleChoice(single, d, 2);
    d = toggleChoice(single, d, 1);
    expect(d.selected).toEqual([1]);
    let m = { type: 'multiple-choice' as const, selected: [] as number[] };
    m = toggleChoice(multi, m, 1);
    m = toggleChoice(multi, m, 0);
    expect(m.selected).toEqual([0, 1]);
    expect(toggleChoice(multi, m, 1).selected).toEqual([0]);
  });

  it('moveItem moves one place and stops at the ends', () => {
    expect(moveItem([0, 1, 2], 2, -1)).toEqual([0, 2, 1]);
    expect(moveItem([0, 1, 2], 0, -1)).toEqual([0, 1, 2]);
    expect(moveItem([0, 1, 2], 2, 1)).toEqual([0, 1, 2]);
    expect(moveItem([0, 1, 2], 0, 5)).toEqual([1, 2, 0]);
  });
});

describe('answer keys', () => {
  it('label choices 1–9 then the letters no action or T/F uses, and read them back', () => {
    // The letters skip F, G, H, M, O, R, S, T and U (true/false and the study actions): 26 keys in all.
    expect([0, 8, 9, 14, 25].map(labelChoiceKey)).toEqual(['1', '9', 'A', 'I', 'Z']);
    for (let p = 0; p < 26; p++) expect(findChoicePosition(labelChoiceKey(p), 26)).toBe(p);
    expect(findChoicePosition('5', 4)).toBeNull();
    expect(findChoicePosition('a', 9)).toBeNull();
    expect(findChoicePosition('Enter', 26)).toBeNull();
  });

  it('a number key picks the choice shown at that place, not the one stored there', () => {
    const a = { choiceOrder: [2, 0, 3, 1], rightOrder: [], startOrder: [] };
    const d = applyAnswerKey(single, a, { type: 'multiple-choice', selected: [] }, '2');
    expect(d).toEqual({ type: 'multiple-choice', selected: [0] });
    expect(applyAnswerKey(single, a, { type: 'multiple-choice', selected: [] }, 'u')).toBeNull();
  });

  it('T and F answer true/false; other types ignore answer keys', () => {
    const tf: Question = { ...base, type: 'true-false', prompt: 'p', answer: false };
    const a = arrangeQuestion(tf, 's');
    expect(applyAnswerKey(tf, a, { type: 'true-false', value: null }, 'F')).toEqual({
      type: 'true-false',
      value: false,
    });
    expect(applyAnswerKey(tf, a, { type: 'true-false', value: null }, 't')).toEqual({
      type: 'true-false',
      value: true,
    });
    expect(applyAnswerKey(tf, a, { type: 'true-false', value: null }, '1')).toBeNull();
    expect(applyAnswerKey(ordering, a, { type: 'ordering', order: [1, 0, 2] }, '1')).toBeNull();
  });
});
