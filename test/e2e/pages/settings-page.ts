import type { Locator, Page } from '@playwright/test';

/** The Settings screen (with its Backups section). */
export class SettingsPage {
  constructor(readonly page: Page) {}

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Settings' });
  }

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: 'Settings' })
      .click();
    await this.heading().waitFor();
  }

  section(name: string): Locator {
    return this.page.getByRole('region', { name });
  }

  theme(label: 'Follow the system' | 'Light' | 'Dark'): Locator {
    return this.page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: label });
  }

  field(label: string): Locator {
    return this.section('Study').getByLabel(label, { exact: true });
  }

  /** The html element's appearance attributes. */
  appearance(): Promise<{ theme: string | null; reduceMotion: string | null; fontScale: string }> {
    return this.page.evaluate(() => ({
      theme: document.documentElement.dataset.theme ?? null,
      reduceMotion: document.documentElement.dataset.reduceMotion ?? null,
      fontScale: document.documentElement.style.getPropertyValue('--font-scale'),
    }));
  }

  restoreInput(): Locator {
    return this.section('Backups').getByLabel('Restore from file…');
  }

  dialog(): Locator {
    return this.page.getByRole('dialog');
  }
}
