/**
 * core/: pure TypeScript, the app's knowledge without its IO. Pack schema and validation (pack/),
 * file formats (formats/), Markdown (markdown/), answer grading (grading/), the scheduler around
 * ts-fsrs (scheduler/), study queues (queue/), statistics (stats/), self-test state (selftest/),
 * settings (settings/), Browse filters (browse/), backup format (backup/), seeded randomness
 * (random/), and `describeError`. Imports nothing from react, dexie, electron, zustand or the DOM;
 * takes `now` as an argument. Import each area through its own index.
 */
export {};
