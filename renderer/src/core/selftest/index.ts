export * from './describe';
export * from './discussion';
export * from './discussion-render';
export * from './score';
export * from './select';
export * from './state';
export * from './state-schema';
