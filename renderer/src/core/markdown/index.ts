export type * from './ast';
export * from './check';
export * from './parse';
