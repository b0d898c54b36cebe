export * from './build-queue';
export * from './chapter-text';
export * from './day';
export * from './session-queue';
