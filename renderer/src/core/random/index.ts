export * from './prng';
export * from './shuffle';
