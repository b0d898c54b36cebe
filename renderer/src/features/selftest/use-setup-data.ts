/**
 * Live data for the setup form: the packs in Library order with their chapters, and how many live
 * questions each chapter holds of each type (so the form can say how many questions match) — from
 * the pack rows' `typeCounts`, so a 100k-question pack costs no more than a small one.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { QuestionType } from '../../core/pack/schema';
import type { ChapterRef } from '../../core/selftest';
import { listSetupPacks, type PackRow } from '../../ops/selftest';

/** A pack as the setup form lists it. */
export interface SetupPackInfo {
  id: string;
  title: string;
  chapters: { id: string; title: string }[];
}

/** Live questions per `${packId}\n${chapterId}` and type. */
export type QuestionCounts = Map<string, Partial<Record<QuestionType, number>>>;

export interface SetupData {
  packs: SetupPackInfo[];
  counts: QuestionCounts;
}

/** Key of a chapter in {@link QuestionCounts}. */
export function chapterCountKey(ref: ChapterRef): string {
  return `${ref.packId}\n${ref.chapterId}`;
}

/** Questions in the chosen chapters of the chosen types. */
export function countMatching(
  counts: QuestionCounts,
  chapters: readonly ChapterRef[],
  types: readonly QuestionType[],
): number {
  let n = 0;
  for (const ref of chapters) {
    const byType = counts.get(chapterCountKey(ref));
    if (!byType) continue;
    for (const t of types) n += byType[t] ?? 0;
  }
  return n;
}

/** Questions of `type` in the chosen chapters. */
export function countOfType(
  counts: QuestionCounts,
  chapters: readonly ChapterRef[],
  type: QuestionType,
): number {
  return countMatching(counts, chapters, [type]);
}

/** Questions of any type in one chapter. */
export function countInChapter(counts: QuestionCounts, ref: ChapterRef): number {
  const byType = counts.get(chapterCountKey(ref));
  return byType ? Object.values(byType).reduce((a, b) => a + (b ?? 0), 0) : 0;
}

/** The question counts of the packs, from their rows' per-chapter type counts (no question is read). */
export function countsOfPacks(packs: readonly Pick<PackRow, 'id' | 'typeCounts'>[]): QuestionCounts {
  const counts: QuestionCounts = new Map();
  for (const p of packs) {
    for (const [chapterId, byType] of Object.entries(p.typeCounts)) {
      counts.set(chapterCountKey({ packId: p.id, chapterId }), { ...byType });
    }
  }
  return counts;
}

export function useSetupData(): SetupData | undefined {
  return useLiveQuery(async () => {
    const packs = await listSetupPacks();
    const counts = countsOfPacks(packs);
    return {
      packs: packs.map((p) => ({
        id: p.id,
        title: p.title,
        chapters: p.chapters.map((c) => ({ id: c.id, title: c.title })),
      })),
      counts,
    };
  }, []);
}
