/**
 * The self-test feature's logic, for other features and tests: the setup rules, what a response
 * says in words, and time in words (what the screen reads and writes is in `ops/selftest`). Screens
 * are imported by file.
 */
export * from './report-words';
export * from './response-words';
export * from './setup-model';
export * from './time-words';
