/** Pure helpers that derive stored pack fields (used by upgrades and repositories alike). */
import type { QuestionType } from '../../core/pack/schema';
import type { PackRow } from './rows';

/** Live questions per chapter (every chapter, 0 included) and per chapter and type. */
export function countChapters(
  chapters: readonly { id: string }[],
  questions: readonly { chapterId: string; type: QuestionType }[],
): Pick<PackRow, 'chapterCounts' | 'typeCounts'> {
  const chapterCounts: Record<string, number> = {};
  const typeCounts: PackRow['typeCounts'] = {};
  for (const c of chapters) {
    chapterCounts[c.id] = 0;
    typeCounts[c.id] = {};
  }
  for (const q of questions) {
    chapterCounts[q.chapterId] = (chapterCounts[q.chapterId] ?? 0) + 1;
    const types = typeCounts[q.chapterId] ?? {};
    types[q.type] = (types[q.type] ?? 0) + 1;
    typeCounts[q.chapterId] = types;
  }
  return { chapterCounts, typeCounts };
}
