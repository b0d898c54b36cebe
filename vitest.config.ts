import { defineConfig } from 'vitest/config';

const renderer = new URL('./renderer/src', import.meta.url).pathname;

export default defineConfig({
  // `@/core/...` reads as `renderer/src/core/...` (the same alias is in tsconfig.json and the renderer's build).
  resolve: { alias: { '@': renderer } },
  test: {
    pool: 'threads',
    testTimeout: 20_000,
    // Two tiers, one run (and one JSON report for `npm test`): logic in Node, widgets in a DOM.
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/**/*.test.ts'],
          setupFiles: ['fake-indexeddb/auto'],
          // `electron` has no binary here: requiring it would try to download one. Tests mock it.
          alias: { electron: new URL('./test/unit/electron-mock.ts', import.meta.url).pathname },
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          environment: 'happy-dom',
          include: ['test/**/*.test.tsx'],
          // fake-indexeddb here too: a widget that reads or writes through Dexie (the study card) runs whole.
          setupFiles: ['fake-indexeddb/auto', 'test/support/setup-dom.ts'],
        },
      },
    ],
  },
});
