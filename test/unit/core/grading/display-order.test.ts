import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeDisplayOrder } from '../../../../renderer/src/core/grading';
import type { Question } from '../../../../renderer/src/core/pack';

const mc = (fixedOrder?: boolean): Question => ({
  id: 'm',
  section: 's',
  type: 'multiple-choice',
  prompt: 'P',
  choices: ['a', 'b', 'c', 'd', 'e'].map((text, i) => ({ text, correct: i === 0 })),
  ...(fixedOrder === undefined ? {} : { fixedOrder }),
});

describe('computeDisplayOrder', () => {
  it('shuffles choices by seed, the same way every time, and keeps a fixed order', () => {
    const a = computeDisplayOrder(mc(), 'p:q1#0').choices;
    expect(computeDisplayOrder(mc(), 'p:q1#0').choices).toEqual(a);
    expect(a.slice().sort()).toEqual([0, 1, 2, 3, 4]);
    const seen = new Set(
      Array.from({ length: 10 }, (_, r) => computeDisplayOrder(mc(), `p:q1#${r}`).choices.join()),
    );
    expect(seen.size).toBeGreaterThan(5);
    expect(computeDisplayOrder(mc(true), 'x').choices).toEqual([0, 1, 2, 3, 4]);
  });

  it('never shows an ordering or matching question already solved', () => {
    const ordering: Question = { id: 'o', section: 's', type: 'ordering', prompt: 'P', items: ['1', '2'] };
    const matching: Question = {
      id: 'x',
      section: 's',
      type: 'matching',
      prompt: 'P',
      pairs: [
        { left: 'a', right: 'A' },
        { left: 'b', right: 'B' },
      ],
    };
    fc.assert(
      fc.property(fc.string(), (seed) => {
        expect(computeDisplayOrder(ordering, seed).items).toEqual([1, 0]);
        expect(computeDisplayOrder(matching, seed).rights).toEqual([1, 0]);
      }),
      { numRuns: 50 },
    );
  });
});
