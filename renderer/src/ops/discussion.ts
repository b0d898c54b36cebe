/**
 * The discussion sheet: read live for the chosen chapters, with the facts missed in a self-test when
 * the sheet comes from one; and saved through main: Markdown as text (`files:save`), PDF from the
 * sheet's self-contained HTML (`files:save-pdf`, rendered by main). Each save returns the saved path,
 * or null when the student cancelled the dialog; failures throw with main's message.
 */
import type { Question } from '../core/pack/schema';
import {
  type DiscussionSheet,
  discussionSheetHtml,
  discussionSheetMarkdown,
  scoreSelfTest,
} from '../core/selftest';
import {
  loadDiscussionSheet,
  loadSelfTest,
  loadTestQuestions,
  type MissedFact,
} from '../db/repos/selftest-repo';
import { db } from '../db/schema/database';
import { invokeOrThrow } from '../platform/bridge';
import { formatLocalDate } from '../ui/format';

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

/** The answer given to a question, in words (null when there is none to show). */
export type DescribeGiven = (question: Question, response: unknown) => string | null;

/**
 * The sheet of `packId` for `chapterIds`, listing the facts test `testId` missed (when given and
 * finished), each with the answer given as `describeGiven` words it; null when the pack does not exist.
 */
export async function loadSheetData(
  packId: string,
  chapterIds: readonly string[],
  testId: number | undefined,
  describeGiven: DescribeGiven,
): Promise<SheetData | null> {
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
}

/** Today's date as YYYY-MM-DD in local time (printed under the sheet's title). */
export function formatToday(now: number): string {
  return formatLocalDate(now);
}

/** A file name for the sheet: `discussion-<pack id>-<date>.<ext>`, safe on every OS. */
export function buildSheetFileName(packId: string, date: string, ext: 'md' | 'pdf'): string {
  const safe = packId.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'pack';
  return `discussion-${safe}-${date}.${ext}`;
}

export async function saveSheetMarkdown(
  sheet: DiscussionSheet,
  now: number,
  language?: string,
): Promise<string | null> {
  const date = formatToday(now);
  return invokeOrThrow('files:save', {
    defaultName: buildSheetFileName(sheet.packId, date, 'md'),
    text: discussionSheetMarkdown(sheet, { date, ...(language ? { language } : {}) }),
    filter: { name: 'Markdown', extensions: ['md'] },
  });
}

export async function saveSheetPdf(
  sheet: DiscussionSheet,
  now: number,
  language?: string,
): Promise<string | null> {
  const date = formatToday(now);
  return invokeOrThrow('files:save-pdf', {
    defaultName: buildSheetFileName(sheet.packId, date, 'pdf'),
    html: discussionSheetHtml(sheet, { date, ...(language ? { language } : {}) }),
  });
}
