import { describe, expect, it } from 'vitest';
import { describeHistory, describeResponse } from '../../../../renderer/src/core/browse';
import type { Question } from '../../../../renderer/src/core/pack/schema';

const typed: Question = { id: 'q', section: 's', type: 'typed', prompt: 'Who?', accept: ['Microsoft'] };
const card: Question = { id: 'f', section: 's', type: 'flashcard', front: 'F', back: 'B' };

describe('history', () => {
  it('says what was answered, newest first, with the rating in words', () => {
    const h = describeHistory(typed, [
      {
        at: 1,
        rating: 1,
        correct: 0,
        score: 0,
        response: '{"type":"typed","text":"Google"}',
        responseMs: 900,
      },
      {
        at: 2,
        rating: 3,
        correct: 1,
        score: 1,
        response: '{"type":"typed","text":"microsoft"}',
        responseMs: 800,
      },
    ]);
    expect(h.map((e) => [e.at, e.rating, e.correct, e.answered])).toEqual([
      [2, 'Good', true, 'microsoft'],
      [1, 'Again', false, 'Google'],
    ]);
  });
  it('names a flashcard self-rating and never throws on a broken log row', () => {
    expect(describeResponse(card, '{"type":"flashcard","rating":2}', 2)).toBe('Self-rated Hard');
    expect(describeResponse(typed, 'not json', 1)).toBe('(no answer recorded)');
    expect(describeResponse(null, '{}', 1)).toBe('(no answer recorded)');
  });
});
