import { expect, type Locator, type Page } from '@playwright/test';
import { SettingsPage } from './settings-page';

/** Settings ▸ Sync. */
export class SyncPage {
  readonly settings: SettingsPage;

  constructor(readonly page: Page) {
    this.settings = new SettingsPage(page);
  }

  section(): Locator {
    return this.settings.section('Sync');
  }

  async open(): Promise<void> {
    await this.settings.open();
    await this.section().waitFor();
  }

  deviceName(): Locator {
    return this.section().getByLabel('This device’s name', { exact: true });
  }

  /** This device's id as the screen shows it. */
  deviceId(): Locator {
    return this.section()
      .locator('dt', { hasText: 'This device’s id' })
      .locator('xpath=following-sibling::dd[1]');
  }

  /** The line that says when the last sync was and with whom. */
  state(): Locator {
    return this.section().getByRole('status');
  }

  /** What the last sync that brought anything in brought ("Came in at 14:05: …"). */
  incoming(): Locator {
    return this.section().getByText(/^(Came in |Nothing has come in)/);
  }

  button(name: string | RegExp): Locator {
    return this.section().getByRole('button', { name });
  }

  unreadable(): Locator {
    return this.section().getByRole('table', { name: 'Files that could not be read' });
  }

  /** Names this device, by keyboard; the name is kept once the field shows it. */
  async rename(name: string): Promise<void> {
    await this.deviceName().focus();
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.type(name);
    await expect(this.deviceName()).toHaveValue(name);
    await expect(this.deviceName()).not.toHaveAttribute('aria-invalid', 'true');
  }

  /** Presses "Sync now" by keyboard and waits until the sync it started has finished. */
  async syncNow(): Promise<void> {
    await this.button('Sync now').focus();
    await this.page.keyboard.press('Enter');
    await expect(this.button('Sync now')).toBeVisible({ timeout: 60_000 });
  }
}
