export * from './card-state';
export * from './format';
export * from './fsrs-history';
export * from './load-balance';
export * from './reschedule';
export * from './retrievability';
export * from './schedule';
export * from './settings';
