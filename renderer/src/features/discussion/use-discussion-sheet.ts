/**
 * Live data for the discussion sheet: the pack's chapters, and the sheet for the chosen chapters with
 * the facts missed in a self-test (when the sheet comes from one), each with the answer given in words.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { type DiscussionSheet, scoreSelfTest } from '../../core/selftest';
import {
  loadDiscussionSheet,
  loadSelfTest,
  loadTestQuestions,
  type MissedFact,
} from '../../db/repos/selftest-repo';
import { db } from '../../db/schema/database';
import { describeGiven } from '../selftest/response-words';

export interface SheetData {
  packTitle: string;
  /** The pack's language (the PDF's `lang`). */
  language: string;
  chapters: { id: string; title: string }[];
  sheet: DiscussionSheet;
  /** The test whose misses are listed (null when the sheet stands on its own or the test is gone). */
  testFinishedAt: number | null;
  missedCount: number;
}

/** The sheet; null when the pack does not exist, undefined while loading. */
export function useDiscussionSheet(
  packId: string,
  chapterIds: readonly string[],
  testId: number | undefined,
): SheetData | null | undefined {
  return useLiveQuery(async () => {
    const pack = await db.packs.get(packId);
    if (!pack) return null;
    let missed: MissedFact[] = [];
    let testFinishedAt: number | null = null;
    if (testId !== undefined) {
      const test = await loadSelfTest(db, testId);
      if (test && test.state.status === 'done') {
        testFinishedAt = test.state.finishedAt;
        const rows = await loadTestQuestions(db, test.state);
        missed = scoreSelfTest(test.state).missed.flatMap((m) => {
          const row = rows[m.index];
          if (!row || row.packId !== packId) return [];
          const answer = test.state.answers[m.index];
          const given = answer ? describeGiven(row.question, answer.response) : null;
          return [{ key: m.key, order: row.order, given }];
        });
      }
    }
    const sheet = await loadDiscussionSheet(db, packId, chapterIds, missed);
    if (!sheet) return null;
    return {
      packTitle: pack.title,
      language: pack.language,
      chapters: pack.chapters.map((c) => ({ id: c.id, title: c.title })),
      sheet,
      testFinishedAt,
      missedCount: missed.length,
    };
  }, [packId, chapterIds.join('\n'), testId]);
}
