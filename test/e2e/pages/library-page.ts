import { expect, type Locator, type Page } from '@playwright/test';

export const COURSE_TITLE = /OpenAI.*Microsoft/i;

/** The Library screen. */
export class LibraryPage {
  constructor(readonly page: Page) {}

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Library' });
  }

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: 'Library' })
      .click();
    await this.heading().waitFor();
  }

  restoreCourse(): Locator {
    return this.page.getByRole('button', { name: 'Restore the bundled course' });
  }

  pack(title: string | RegExp): Locator {
    return this.page.getByRole('article', { name: title });
  }

  chapterButtons(title: string | RegExp): Locator {
    return this.pack(title).getByRole('listitem').getByRole('button');
  }

  async openChapter(packTitle: string | RegExp, chapterTitle: string | RegExp): Promise<void> {
    await this.pack(packTitle)
      .getByRole('button', { name: chapterTitle, exact: typeof chapterTitle === 'string' })
      .click();
    // As a student would: the chapter is on screen before they go on (the Reader loads lazily).
    await expect(this.page.getByRole('heading', { level: 1, name: chapterTitle })).toBeVisible();
  }
}
