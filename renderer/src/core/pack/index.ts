export * from './diagnostics';
export * from './schema';
export * from './validate';
