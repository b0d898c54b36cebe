import { describe, expect, it } from 'vitest';
import { type SelfTestQuestion, scoreTest } from '../../../../renderer/src/core/selftest';

const Q = (i: number, chapterId: string, order: number, packId = 'p'): SelfTestQuestion => ({
  key: `${packId}:q${i}`,
  packId,
  chapterId,
  type: 'multiple-choice',
  order,
});

describe('scoreTest', () => {
  it('counts partial credit as its share, unanswered as zero, and breaks the score down by chapter', () => {
    // Test order differs from course order: c2 (order 5…) is asked first.
    const questions = [Q(5, 'c2', 5), Q(1, 'c1', 1), Q(2, 'c1', 2), Q(6, 'c2', 6), Q(0, 'c1', 0)];
    const answers = ['b', ['a', 'c'], 'x', null, 'ok'];
    const grades = [
      { score: 1, correct: true },
      { score: 0.5, correct: false }, // one of two right choices
      { score: 0, correct: false },
      null,
      { score: 1, correct: true },
    ];
    const result = scoreTest(questions, answers, grades);
    expect(result).toMatchObject({ questions: 5, answered: 4, correct: 2, points: 2.5, score: 0.5 });
    expect(result.byChapter).toEqual([
      { packId: 'p', chapterId: 'c1', questions: 3, correct: 1, points: 1.5, score: 0.5 },
      { packId: 'p', chapterId: 'c2', questions: 2, correct: 1, points: 1, score: 0.5 },
    ]);
    expect(result.missed).toEqual([
      {
        index: 1,
        key: 'p:q1',
        packId: 'p',
        chapterId: 'c1',
        answered: true,
        response: ['a', 'c'],
        score: 0.5,
      },
      { index: 2, key: 'p:q2', packId: 'p', chapterId: 'c1', answered: true, response: 'x', score: 0 },
      { index: 3, key: 'p:q6', packId: 'p', chapterId: 'c2', answered: false, response: null, score: 0 },
    ]);
  });

  it('clamps nonsense scores and handles an empty test', () => {
    const result = scoreTest(
      [Q(0, 'c1', 0), Q(1, 'c1', 1)],
      ['a', 'b'],
      [
        { score: 7, correct: true },
        { score: Number.NaN, correct: false },
      ],
    );
    expect(result.points).toBe(1);
    expect(scoreTest([], [], [])).toMatchObject({ questions: 0, score: 0, byChapter: [], missed: [] });
  });

  it('keeps chapters of different packs apart', () => {
    const result = scoreTest(
      [Q(0, 'c1', 0, 'b'), Q(1, 'c1', 0, 'a')],
      [1, 1],
      [
        { score: 1, correct: true },
        { score: 0, correct: false },
      ],
    );
    expect(result.byChapter.map((c) => [c.packId, c.score])).toEqual([
      ['a', 0],
      ['b', 1],
    ]);
  });
});
