/** Study sessions: the operations the study screens call (see `study-ops.ts`). */
export { appStudy } from './app-study';
export { computeStudyDayStart, FIRST_REVIEWS, REVIEWS_PAGE, resolveCardSettings } from './load-queue';
export { StudyOps } from './study-ops';
export { NextCardError, type StudyDeps, StudySession } from './study-session';
