export * from './build-queue';
export * from './day';
export * from './session-queue';
