import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/unit/**/*.test.ts'],
    setupFiles: ['fake-indexeddb/auto'],
    // `electron` has no binary here: requiring it would try to download one. Tests mock it.
    alias: { electron: new URL('./test/unit/electron-mock.ts', import.meta.url).pathname },
    pool: 'threads',
    testTimeout: 20_000,
  },
});
