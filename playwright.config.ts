import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: process.env.CI ? 2 : 2,
  // In CI one retry: a test that fails twice fails; one that passes on the retry is reported as flaky
  // (run-all.mjs prints the count) — on 2 shared cores a start-up once took over a minute.
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : 'list',
  use: { trace: 'retain-on-failure' },
});
