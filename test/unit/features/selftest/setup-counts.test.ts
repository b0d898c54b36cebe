import { describe, expect, it } from 'vitest';
import {
  countInChapter,
  countMatching,
  countsOfPacks,
} from '../../../../renderer/src/features/selftest/use-setup-data';
import { makePack, makeQuestion, withCounts } from '../../core/stats/fixtures';

describe('setup counts from the pack rows', () => {
  it("counts matching questions per chapter and type from the packs' type counts, no question read", () => {
    const rows = [
      makeQuestion('p', 'a', 'c1', 0),
      { ...makeQuestion('p', 'b', 'c1', 1), type: 'typed' as const },
      makeQuestion('p', 'c', 'c2', 2),
      { ...makeQuestion('p', 'd', 'c2', 3), removed: 1 as const },
      makeQuestion('o', 'z', 'c1', 0),
    ];
    const counts = countsOfPacks([withCounts(makePack('p'), rows), withCounts(makePack('o'), rows)]);
    const p1 = { packId: 'p', chapterId: 'c1' };
    const p2 = { packId: 'p', chapterId: 'c2' };
    const o1 = { packId: 'o', chapterId: 'c1' };
    expect(countMatching(counts, [p1, p2, o1], ['flashcard'])).toBe(3);
    expect(countMatching(counts, [p1, p2], ['flashcard', 'typed'])).toBe(3);
    expect(countInChapter(counts, p2)).toBe(1);
    expect(countInChapter(counts, { packId: 'o', chapterId: 'c2' })).toBe(0);
    expect(countInChapter(counts, { packId: 'x', chapterId: 'c1' })).toBe(0);
  });
});
