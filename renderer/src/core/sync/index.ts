export * from './events';
export * from './merge';
export * from './replay';
export * from './segment';
