export * from './checksum';
export * from './format';
export * from './schema';
