export * from './new-raises';
export * from './next-card';
export * from './state';
