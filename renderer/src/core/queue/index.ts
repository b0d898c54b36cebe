export * from './build-queue';
export * from './day';
