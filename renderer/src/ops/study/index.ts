/** Study sessions: the operations the study screens call (see `study-ops.ts`). */

export type { CountedPack, LibraryCounts, StudyCounts } from '../../db/repos/study-counts-repo';
export type { EmptyReasons } from '../../db/repos/study-empty-repo';
export type { StudyItem } from '../../db/repos/study-repo';
export type { CardRow, QuestionRow } from '../../db/schema/rows';
export { isStorageFull } from '../../db/schema/storage-errors';
export { appStudy } from './app-study';
export { computeStudyDayStart, FIRST_REVIEWS, REVIEWS_PAGE, resolveCardSettings } from './load-queue';
export { StudyOps } from './study-ops';
export { NextCardError, type StudyDeps, StudySession } from './study-session';
