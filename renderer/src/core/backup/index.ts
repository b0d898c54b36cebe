export * from './checksum';
export * from './json-scan';
export * from './reader';
export * from './schema';
export * from './schema-v1';
export * from './versions';
export * from './writer';
