import type { Locator, Page } from '@playwright/test';

/** The chapter reader. */
export class ReaderPage {
  constructor(readonly page: Page) {}

  title(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  contents(): Locator {
    return this.page.getByRole('navigation', { name: 'Contents of this chapter' });
  }

  highlighted(): Locator {
    return this.page.locator('[data-highlighted="true"]');
  }
}
