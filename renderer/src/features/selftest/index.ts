/**
 * The self-test feature's logic, for other features and tests: the setup rules, what a response
 * says in words, time in words, and what the screen writes. Screens are imported by file.
 */
export * from './report-words';
export * from './response-words';
export * from './setup-model';
export * from './test-actions';
export * from './time-words';
