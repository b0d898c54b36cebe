export * from './diagnostics';
export * from './diff';
export * from './hash';
export * from './json-locate';
export * from './json-syntax';
export * from './line-index';
export * from './schema';
export * from './validate';
