export * from './parse';
export * from './presets';
export * from './schema';
