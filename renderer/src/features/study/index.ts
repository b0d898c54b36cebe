/** The study screen and what it is made of; the Library uses `LibraryStudy`. */
export * from './card-actions';
export * from './format';
export * from './LibraryStudy';
export * from './load-queue';
export * from './StudyScreen';
export * from './session-controller';
export { invalidateStudyQueue, needsRebuild, REBUILD_AFTER_MS, whenQueueLoaded } from './session-runtime';
export * from './study-keys';
