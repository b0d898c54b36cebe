/**
 * The e2e fixture: every test gets the real app with a fresh user-data folder, closed afterwards. A
 * failed test's report carries what the page showed then (text, focus, errors, a screenshot).
 */
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { type LaunchedApp, launchApp } from './launch';
import { recordFailedPage, watchPageErrors } from './page-state';

export const test = base.extend<{ app: LaunchedApp; page: Page }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies as the first argument
  app: async ({}, use, testInfo) => {
    const app = await launchApp();
    const errors = watchPageErrors(app.page);
    await use(app);
    if (testInfo.status !== testInfo.expectedStatus) await recordFailedPage(app.page, errors, testInfo);
    await app.close();
  },
  page: async ({ app }, use) => {
    await use(app.page);
  },
});

export { expect };

/** Fails on any WCAG A/AA violation axe finds on the current screen. */
export async function expectAccessible(page: Page, context = ''): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary, `accessibility violations ${context}`).toEqual([]);
}
