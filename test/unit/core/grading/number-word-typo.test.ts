/** A typo in a number word ("billon") was never a typo; now it is, unless the question asks for a number. */
import { describe, expect, it } from 'vitest';
import { matchTypedAnswer } from '../../../../renderer/src/core/grading/text-match';
import { mayBeTypo } from '../../../../renderer/src/core/grading/typo';

describe('a typo in a number word', () => {
  it('counts like a typo in any long word when the answer is words', () => {
    expect(matchTypedAnswer('one billon dollars', { accept: ['one billion dollars'] })).toMatchObject({
      correct: true,
      typo: true,
    });
    expect(matchTypedAnswer('a millon', { accept: ['a million'] })).toMatchObject({
      correct: true,
      typo: true,
    });
  });

  it('does not count when the question asks for a number, nor between two number words', () => {
    expect(matchTypedAnswer('one billon', { accept: ['one billion'], numeric: { value: 1e9 } }).correct).toBe(
      false,
    );
    expect(matchTypedAnswer('one million dollars', { accept: ['one billion dollars'] }).correct).toBe(false);
    const isNumberWord = (w: string) => ['billion', 'million'].includes(w);
    expect(mayBeTypo('million', 'billion', { asksForNumber: false, isNumberWord })).toBe(false);
    expect(mayBeTypo('billon', 'billion', { asksForNumber: false, isNumberWord })).toBe(true);
    expect(mayBeTypo('billon', 'billion', { asksForNumber: true, isNumberWord })).toBe(false);
  });
});
