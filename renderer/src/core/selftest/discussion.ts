/**
 * The discussion sheet: for the chosen chapters, the pack's discussion prompts with their talking
 * points and the sections they draw on, plus the facts the student missed in a self-test.
 */
import type { Chapter, Discussion, Question } from '../pack/schema';
import { describeAnswer, describePrompt } from './describe';

/** What the sheet needs of a pack (a `PackRow` or a parsed `Pack` has it). */
export interface DiscussionPack {
  id: string;
  title: string;
  chapters: readonly Chapter[];
  discussions: readonly Discussion[];
}

/** A missed question to list as a fact to review. */
export interface MissedFact {
  question: Question;
  /** What the student answered, as text (left out or null when unanswered). */
  given?: string | null;
}

/** A discussion prompt on the sheet. */
export interface SheetPrompt {
  id: string;
  prompt: string;
  points: string[];
  sections: { id: string; title: string }[];
}

/** A missed fact on the sheet. */
export interface SheetFact {
  questionId: string;
  sectionId: string;
  sectionTitle: string;
  prompt: string;
  answer: string;
  explanation: string | null;
  given: string | null;
}

/** One chapter's part of the sheet. */
export interface SheetChapter {
  chapterId: string;
  title: string;
  prompts: SheetPrompt[];
  missed: SheetFact[];
}

/** The whole sheet (texts are Markdown-subset source). */
export interface DiscussionSheet {
  packId: string;
  packTitle: string;
  /** Chapters in course order; chapters with neither prompts nor missed facts are left out. */
  chapters: SheetChapter[];
}

/**
 * Builds the sheet for `chapterIds` (all chapters when empty). A prompt is placed under the first
 * chosen chapter whose sections it draws on; prompts drawing on no chosen chapter are left out. Missed
 * questions are placed under their section's chapter; ones outside the chosen chapters are left out.
 */
export function buildDiscussionSheet(
  pack: DiscussionPack,
  chapterIds: readonly string[],
  missed: readonly MissedFact[],
): DiscussionSheet {
  const chosen = new Set(chapterIds.length > 0 ? chapterIds : pack.chapters.map((c) => c.id));
  const sectionChapter = new Map<string, { chapterId: string; title: string }>();
  for (const chapter of pack.chapters) {
    for (const section of chapter.sections)
      sectionChapter.set(section.id, { chapterId: chapter.id, title: section.title });
  }
  const sheetChapters = pack.chapters
    .filter((c) => chosen.has(c.id))
    .map<SheetChapter>((c) => ({ chapterId: c.id, title: c.title, prompts: [], missed: [] }));
  const byId = new Map(sheetChapters.map((c) => [c.chapterId, c]));

  for (const d of pack.discussions) {
    const home = d.sections
      .map((s) => sectionChapter.get(s)?.chapterId)
      .find((id) => id !== undefined && byId.has(id));
    const target = home === undefined ? undefined : byId.get(home);
    if (!target) continue;
    target.prompts.push({
      id: d.id,
      prompt: d.prompt,
      points: [...d.points],
      sections: d.sections.flatMap((s) => {
        const found = sectionChapter.get(s);
        return found ? [{ id: s, title: found.title }] : [];
      }),
    });
  }

  for (const m of missed) {
    const where = sectionChapter.get(m.question.section);
    const target = where ? byId.get(where.chapterId) : undefined;
    if (!where || !target) continue;
    target.missed.push({
      questionId: m.question.id,
      sectionId: m.question.section,
      sectionTitle: where.title,
      prompt: describePrompt(m.question),
      answer: describeAnswer(m.question),
      explanation: m.question.explanation?.trim() ? m.question.explanation : null,
      given: m.given === undefined || m.given === null || m.given === '' ? null : m.given,
    });
  }

  return {
    packId: pack.id,
    packTitle: pack.title,
    chapters: sheetChapters.filter((c) => c.prompts.length > 0 || c.missed.length > 0),
  };
}
