export * from './card-state';
export * from './format';
export * from './retrievability';
export * from './schedule';
export * from './settings';
