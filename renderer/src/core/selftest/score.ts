/**
 * Scoring a self-test. A question's points are its grade's score (0..1), so partial credit counts as
 * its share; an unanswered question scores 0 and is wrong. A question is "missed" unless its grade
 * says correct — partly right answers are listed as missed too, since they point at what to reread.
 */
import type { Grade, SelfTestQuestion, SelfTestState } from './state';

/** A chapter's part of the score. */
export interface ChapterScore {
  packId: string;
  chapterId: string;
  questions: number;
  correct: number;
  /** Sum of the scores. */
  points: number;
  /** points / questions. */
  score: number;
}

/** A question not answered correctly. */
export interface MissedQuestion {
  /** Position in the test. */
  index: number;
  key: string;
  packId: string;
  chapterId: string;
  answered: boolean;
  /** The response given (null when unanswered). */
  response: unknown;
  /** Partial credit earned, 0..1. */
  score: number;
}

/** The report's figures. */
export interface SelfTestScore {
  questions: number;
  answered: number;
  correct: number;
  /** Sum of the scores (partial credit included). */
  points: number;
  /** points / questions, 0..1 (0 for an empty test). */
  score: number;
  /** Chapters sorted by pack, then course order. */
  byChapter: ChapterScore[];
  /** In test order. */
  missed: MissedQuestion[];
}

/** A grade's score, clamped to 0..1 (NaN and nonsense score 0). */
export function clampScore(score: number): number {
  return Number.isFinite(score) ? Math.min(1, Math.max(0, score)) : 0;
}

/** Scores a test from its questions and, per question, the response and grade (null: unanswered). */
export function scoreTest(
  questions: readonly SelfTestQuestion[],
  answers: readonly unknown[],
  grades: readonly (Grade | null | undefined)[],
): SelfTestScore {
  const chapters = new Map<string, ChapterScore & { firstOrder: number }>();
  const missed: MissedQuestion[] = [];
  let answered = 0;
  let correct = 0;
  let points = 0;
  questions.forEach((q, index) => {
    const grade = grades[index] ?? null;
    const score = grade ? clampScore(grade.score) : 0;
    const right = grade?.correct === true;
    if (grade) answered++;
    if (right) correct++;
    points += score;
    const id = `${q.packId}\n${q.chapterId}`;
    let chapter = chapters.get(id);
    if (!chapter) {
      chapter = {
        packId: q.packId,
        chapterId: q.chapterId,
        questions: 0,
        correct: 0,
        points: 0,
        score: 0,
        firstOrder: q.order,
      };
      chapters.set(id, chapter);
    }
    chapter.questions++;
    chapter.points += score;
    if (right) chapter.correct++;
    if (q.order < chapter.firstOrder) chapter.firstOrder = q.order;
    if (!right) {
      missed.push({
        index,
        key: q.key,
        packId: q.packId,
        chapterId: q.chapterId,
        answered: grade !== null,
        response: grade ? (answers[index] ?? null) : null,
        score,
      });
    }
  });
  const byChapter = [...chapters.values()]
    .sort((a, b) => (a.packId < b.packId ? -1 : a.packId > b.packId ? 1 : a.firstOrder - b.firstOrder))
    .map(({ firstOrder: _, ...c }) => ({ ...c, score: c.questions > 0 ? c.points / c.questions : 0 }));
  const n = questions.length;
  return { questions: n, answered, correct, points, score: n > 0 ? points / n : 0, byChapter, missed };
}

/** Scores a test state (its recorded answers). */
export function scoreSelfTest(state: SelfTestState): SelfTestScore {
  return scoreTest(
    state.questions,
    state.answers.map((a) => (a ? a.response : null)),
    state.answers.map((a) => (a ? a.grade : null)),
  );
}
