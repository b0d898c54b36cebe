/** Backup tables for the backup tests, in today's (version 3) shape. */
import { type BackupTables, readBackupText } from '../../../../renderer/src/core/backup';
import { createReviewIdMaker, legacyReviewId } from '../../../../renderer/src/core/revlog/review-id';
import { chunkQuestionRows } from '../../../../renderer/src/db/schema/question-chunking';
import { makeCard, makePack, makeQuestion, makeReview, withCounts } from '../stats/fixtures';

const makeIdAt20 = (at: number) => createReviewIdMaker('fixtur')(at);

export const META = { createdAt: 1_773_576_000_000, appVersion: '0.1.0' };

/** One pack of two chapters (a removed question after the live ones), progress, history and settings. */
export function sampleTables(): BackupTables {
  const questions = [
    makeQuestion('p', 'a', 'c1', 0),
    makeQuestion('p', 'b', 'c2', 1),
    { ...makeQuestion('p', 'gone', 'c2', 2), removed: 1 as const },
  ];
  return {
    packs: [withCounts(makePack('p'), questions)],
    questionChunks: chunkQuestionRows('p', questions),
    cards: [
      makeCard({ key: 'p:a', state: 2, stability: 3.25, lastReview: 5, due: 86_400_005 }),
      makeCard({ key: 'p:b', chapterId: 'c2', order: 1, suspended: 1 }),
    ],
    reading: [
      { key: 'p:c1', packId: 'p', chapterId: 'c1', firstOpenedAt: 1, lastOpenedAt: 2, lastSection: 's1' },
    ],
    settings: [{ key: 'app', value: { theme: 'dark' } }],
    selftests: [
      {
        id: 1,
        packIds: ['p'],
        status: 'done',
        startedAt: 1,
        finishedAt: 2,
        score: 0.5,
        state: { any: ['json'] },
      },
    ],
    reviews: [
      makeReview({ id: legacyReviewId(10, 1), at: 10, cardKey: 'p:a', response: '"$1B"' }),
      (({ response: _r, ...rest }) => rest)(
        makeReview({ id: makeIdAt20(20), at: 20, cardKey: 'p:a', rating: 1 }),
      ),
    ],
  } as BackupTables;
}

/** Reads a backup text and fails the test unless it is accepted. */
export function readAccepted(text: string) {
  const result = readBackupText(text);
  if (!result.ok) throw new Error(`refused: ${result.issues.map((i) => i.message).join(' / ')}`);
  return result;
}

/** The messages of a refused backup text ('' if it was accepted). */
export function refusal(text: string): string {
  const result = readBackupText(text);
  return result.ok ? '' : result.issues.map((i) => i.message).join('\n');
}
