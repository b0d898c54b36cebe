/**
 * How many flagged questions fit the chosen chapters and types (for "Flagged only"): the flagged
 * questions of the packs are read once when the option is turned on (null while reading).
 */
import { useEffect, useMemo, useState } from 'react';
import type { QuestionType } from '../../core/pack/schema';
import type { ChapterRef } from '../../core/selftest';
import { listFlaggedQuestions } from '../../ops/browse';

export function useFlaggedCount(
  on: boolean,
  packIds: readonly string[],
  chapters: readonly ChapterRef[],
  types: readonly QuestionType[],
): number | null {
  const [flagged, setFlagged] = useState<{ packId: string; chapterId: string; type: QuestionType }[] | null>(
    null,
  );
  const packKey = packIds.join('\n');
  useEffect(() => {
    if (!on) return;
    let cancelled = false;
    setFlagged(null);
    listFlaggedQuestions(packKey.split('\n'))
      .then((list) => !cancelled && setFlagged(list))
      .catch(() => !cancelled && setFlagged([]));
    return () => {
      cancelled = true;
    };
  }, [on, packKey]);
  return useMemo(() => {
    if (!on || flagged === null) return null;
    const wanted = new Set(chapters.map((c) => `${c.packId}\n${c.chapterId}`));
    const kinds = new Set(types);
    return flagged.filter((f) => wanted.has(`${f.packId}\n${f.chapterId}`) && kinds.has(f.type)).length;
  }, [on, flagged, chapters, types]);
}
