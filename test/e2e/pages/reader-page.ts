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

  /** The question's evidence, marked in its section. */
  evidence(): Locator {
    return this.page.locator('mark[data-evidence="true"]');
  }

  backToQuestion(): Locator {
    return this.page.getByRole('button', { name: /^Back to the question/ });
  }

  highlighted(): Locator {
    return this.page.locator('[data-highlighted="true"]');
  }
}
