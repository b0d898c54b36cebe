import { describe, expect, it } from 'vitest';
import {
  gradeAnswer,
  matchTypedAnswer,
  parseQuantity,
  readCurrency,
} from '../../../../renderer/src/core/grading';
import type { Question } from '../../../../renderer/src/core/pack';

const oneBillionUsd = {
  accept: ['$1 billion', '1 billion', '$1B'],
  numeric: { value: 1e9, tolerance: 0, unit: 'USD' },
};

describe('readCurrency', () => {
  it.each([
    ['$1B', 'USD'],
    ['1 billion dollars', 'USD'],
    ['USD 1bn', 'USD'],
    ['£1bn', 'GBP'],
    ['1 billion pounds', 'GBP'],
    ['1 billion euros', 'EUR'],
    ['€1bn', 'EUR'],
    ['1 billion', null],
    ['2019', null],
    ['$1 billion or £1 billion', null],
  ])('%j → %s', (text, currency) => {
    expect(readCurrency(text)).toBe(currency);
  });
});

describe('amounts in another currency are wrong', () => {
  it.each(['1 billion euros', '£1bn', '€1,000,000,000', 'one billion pounds', '£1 billion'])(
    '%j is not $1 billion',
    (given) => {
      expect(matchTypedAnswer(given, oneBillionUsd)).toMatchObject({ correct: false, by: null });
    },
  );

  it.each(['$1 billion', '1 billion', '1bn', 'USD 1bn', 'one billion dollars', '1,000 million'])(
    '%j is still $1 billion (no currency, or the right one)',
    (given) => {
      expect(matchTypedAnswer(given, oneBillionUsd).correct).toBe(true);
    },
  );

  it('tells the currency from the accepted answer when the question gives no unit', () => {
    const expectation = { accept: ['$1 billion'] };
    expect(matchTypedAnswer('1 billion dollars', expectation).correct).toBe(true);
    expect(matchTypedAnswer('1 billion euros', expectation).correct).toBe(false);
    expect(matchTypedAnswer('£1 billion', expectation).correct).toBe(false);
  });

  it('grades a cloze deletion of an amount the same way', () => {
    const q: Question = {
      id: 'c',
      section: 's',
      type: 'cloze',
      text: 'Microsoft invested {{c1::$1 billion}} in OpenAI.',
    };
    expect(gradeAnswer(q, { type: 'cloze', answers: ['£1bn'] }).correct).toBe(false);
    expect(gradeAnswer(q, { type: 'cloze', answers: ['1 billion dollars'] }).correct).toBe(true);
  });
});

describe('a lone scale word is not an amount', () => {
  it.each(['billion', 'billions', 'million', 'billion dollars', '$billion', 'thousand million'])(
    '%j is not a quantity',
    (text) => {
      expect(parseQuantity(text)).toBeNull();
    },
  );

  it('"billion" alone is not a full answer to "$1 billion"', () => {
    expect(matchTypedAnswer('billion', oneBillionUsd).correct).toBe(false);
    expect(matchTypedAnswer('a billion', oneBillionUsd).correct).toBe(true);
  });

  it('"a billion dollars" accepted does not let "billion dollars" through', () => {
    const expectation = { accept: ['a billion dollars', '$1 billion'] };
    expect(matchTypedAnswer('billion dollars', expectation).correct).toBe(false);
    expect(matchTypedAnswer('billion', expectation).correct).toBe(false);
    expect(matchTypedAnswer('A billion dollars', expectation).correct).toBe(true);
  });
});
