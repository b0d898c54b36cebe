import { expect, type Locator, type Page } from '@playwright/test';

/** The Browse screen: filters, the question grid, bulk actions and the history dialog. */
export class BrowsePage {
  constructor(readonly page: Page) {}

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Browse' });
  }

  /** Opens Browse from the main navigation, by keyboard, and waits until every question is read. */
  async openFromNav(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Browse' }).focus();
    await this.page.keyboard.press('Enter');
    await this.heading().waitFor();
    await expect(this.count()).toContainText(' shown of ');
  }

  /** "N questions shown of M · K selected". */
  count(): Locator {
    return this.page.locator('.browse-count');
  }

  search(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search' });
  }

  async searchFor(text: string): Promise<void> {
    await this.search().fill(text);
  }

  /** A filter's select: Pack, Chapter, Type, Tag, State or Due. */
  filter(name: 'Pack' | 'Chapter' | 'Type' | 'Tag' | 'State' | 'Due'): Locator {
    return this.page.getByRole('search', { name: 'Find questions' }).getByLabel(name, { exact: true });
  }

  grid(): Locator {
    return this.page.getByRole('grid', { name: 'Questions' });
  }

  /** The body rows in the DOM (the grid renders only those in view). */
  rows(): Locator {
    return this.grid().locator('[role="row"][data-key]');
  }

  row(prompt: string | RegExp): Locator {
    return this.rows().filter({ hasText: prompt });
  }

  selectedRows(): Locator {
    return this.grid().locator('[role="row"][aria-selected="true"]');
  }

  action(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name, exact: typeof name === 'string' });
  }

  /** Runs a bulk action and waits for its notice. */
  async run(name: string, done: RegExp): Promise<void> {
    await this.action(name).click();
    await expect(this.page.getByText(done).last()).toBeVisible();
  }

  history(): Locator {
    return this.page.getByRole('dialog', { name: 'History' });
  }

  /** Whether anything is wider than the window (a horizontal scrollbar). */
  overflowsSideways(): Promise<boolean> {
    return this.page.evaluate(
      () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
    );
  }
}
