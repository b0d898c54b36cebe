export * from './card-columns';
export * from './card-stats';
export * from './day';
export * from './report';
export * from './retrievability';
export * from './review-log';
export * from './review-stats';
