export * from './cloze';
export * from './grade';
export * from './normalize';
export * from './numbers';
export * from './rating';
export * from './text-match';
export * from './types';
export * from './typo';
