/**
 * Live data for the discussion sheet: the pack's chapters, and the sheet for the chosen chapters with
 * the facts missed in a self-test (when the sheet comes from one), each with the answer given in words.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { loadSheetData, type SheetData } from '../../ops/discussion';
import { describeGiven } from '../selftest/response-words';

export type { SheetData };

/** The sheet; null when the pack does not exist, undefined while loading. */
export function useDiscussionSheet(
  packId: string,
  chapterIds: readonly string[],
  testId: number | undefined,
): SheetData | null | undefined {
  return useLiveQuery(
    () => loadSheetData(packId, chapterIds, testId, describeGiven),
    [packId, chapterIds.join('\n'), testId],
  );
}
