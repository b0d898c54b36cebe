/**
 * What an import would do, in a shape small enough to send from the worker and show on screen: the
 * pack's title, format, questions by type and chapters, its warnings, and for an update the counts and
 * (capped) lists of added, changed and removed questions.
 */
import type { PackFormat } from '../../core/formats';
import type { Diagnostic } from '../../core/pack/diagnostics';
import type { PackDiff } from '../../core/pack/diff';
import { type Pack, QUESTION_TYPES, type Question, type QuestionType } from '../../core/pack/schema';
import { countDiff, type ImportCounts, type ImportPreview } from '../../db/repos/import-repo';

export type { ImportCounts };

import { describeQuestion } from '../../core/pack/question-text';
import { sectionChapters } from '../../db/repos/packs-repo';
import type { PackOrigin } from '../../db/schema/rows';

/** Questions listed per kind of change; the counts are always complete. */
export const LISTED_PER_CHANGE = 100;

/** One question in a summary list. */
export interface QuestionItem {
  id: string;
  text: string;
}

/** The update part of a summary: what changes against the stored pack. */
export interface UpdateSummary {
  storedTitle: string;
  storedVersion: string;
  storedOrigin: PackOrigin;
  /** The format the stored pack was imported from, when this file is another format (ask first). */
  formatChange: { from: PackFormat; to: PackFormat } | null;
  /** The stored pack's `updatedAt`: applying refuses if it changed since. */
  storedUpdatedAt: number;
  counts: Omit<ImportCounts, 'kind'>;
  added: QuestionItem[];
  /** Wording changed, answer the same: progress kept. */
  reworded: QuestionItem[];
  /** Correct answer changed: starts over. */
  answerChanged: QuestionItem[];
  removed: QuestionItem[];
}

/** Everything the import screen shows before the student confirms. */
export interface ImportSummary {
  fileName: string;
  format: PackFormat;
  packId: string;
  title: string;
  version: string;
  description?: string;
  questionCount: number;
  byType: { type: QuestionType; count: number }[];
  chapters: { id: string; title: string; questions: number }[];
  discussions: number;
  warnings: Diagnostic[];
  update: UpdateSummary | null;
}

type DiffLists = Omit<
  UpdateSummary,
  'storedTitle' | 'storedVersion' | 'storedOrigin' | 'storedUpdatedAt' | 'formatChange'
>;

function listQuestions(questions: Question[]): QuestionItem[] {
  return questions.slice(0, LISTED_PER_CHANGE).map((q) => ({ id: q.id, text: describeQuestion(q, 140) }));
}

function summarizeDiff(diff: PackDiff): DiffLists {
  return {
    counts: countDiff(diff),
    added: listQuestions(diff.added),
    reworded: listQuestions(diff.changed.filter((c) => !c.answerChanged).map((c) => c.after)),
    answerChanged: listQuestions(diff.changed.filter((c) => c.answerChanged).map((c) => c.after)),
    removed: listQuestions(diff.removed),
  };
}

/** Builds the summary of a read pack and what storing it would do (`preview` from `previewImport`). */
export function summarizeImport(
  pack: Pack,
  fileName: string,
  format: PackFormat,
  warnings: Diagnostic[],
  preview: ImportPreview,
): ImportSummary {
  const byType = new Map<QuestionType, number>();
  const perChapter = new Map<string, number>();
  const chapterOf = sectionChapters(pack);
  for (const q of pack.questions) {
    byType.set(q.type, (byType.get(q.type) ?? 0) + 1);
    const chapter = chapterOf.get(q.section) ?? '';
    perChapter.set(chapter, (perChapter.get(chapter) ?? 0) + 1);
  }
  return {
    fileName,
    format,
    packId: pack.id,
    title: pack.title,
    version: pack.version,
    ...(pack.description ? { description: pack.description } : {}),
    questionCount: pack.questions.length,
    byType: QUESTION_TYPES.filter((t) => byType.has(t)).map((type) => ({
      type,
      count: byType.get(type) ?? 0,
    })),
    chapters: pack.chapters.map((c) => ({ id: c.id, title: c.title, questions: perChapter.get(c.id) ?? 0 })),
    discussions: pack.discussions.length,
    warnings,
    update:
      preview.kind === 'new'
        ? null
        : {
            storedTitle: preview.stored.title,
            storedVersion: preview.stored.version,
            storedOrigin: preview.stored.origin,
            formatChange:
              preview.stored.format && preview.stored.format !== format
                ? { from: preview.stored.format, to: format }
                : null,
            storedUpdatedAt: preview.stored.updatedAt,
            ...summarizeDiff(preview.diff),
          },
  };
}
