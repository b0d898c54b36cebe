/**
 * The Self-test and Discussion sheet screens, driven by the keyboard: `focus()` stands in for Tab
 * where a test needs a particular control, then Space/Enter act on it (no clicks).
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class SelfTestPage {
  constructor(readonly page: Page) {}

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Self-test' });
  }

  /** Focuses a control and presses a key on it, as Tab + key would. */
  async press(target: Locator, key = 'Enter'): Promise<void> {
    await target.focus();
    await this.page.keyboard.press(key);
  }

  /** Opens the self-test of one pack from its Library card. */
  async openFromLibrary(pack: Locator): Promise<void> {
    await this.press(pack.getByRole('button', { name: /^Self-test/ }));
    await this.heading().waitFor();
  }

  async openFromNav(): Promise<void> {
    await this.press(
      this.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Self-test' }),
    );
    await this.heading().waitFor();
  }

  setup(): Locator {
    return this.page.getByRole('form', { name: 'New self-test' });
  }

  /** Sets a checkbox (or switch) by keyboard: Space toggles it when it is not already as wanted. */
  async setChecked(box: Locator, on: boolean): Promise<void> {
    if ((await box.isChecked()) !== on) await this.press(box, 'Space');
    await expect(box).toBeChecked({ checked: on });
  }

  /** Keeps only the given chapters of a pack. */
  async chooseChapters(packTitle: string | RegExp, chapterTitles: string[]): Promise<void> {
    const pack = this.setup().getByRole('group', { name: packTitle });
    const all = pack.getByRole('checkbox', { name: 'All chapters of this pack' });
    // A click on a partly chosen pack would choose all; clear it in two steps when needed.
    await this.setChecked(all, true);
    await this.setChecked(all, false);
    for (const title of chapterTitles) {
      await this.setChecked(
        pack.getByRole('checkbox', { name: new RegExp(`^${escapeRegExp(title)}`) }),
        true,
      );
    }
  }

  async fill(label: string | RegExp, value: string): Promise<void> {
    const field = this.setup().getByRole('spinbutton', { name: label });
    await field.focus();
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.type(value);
    await expect(field).toHaveValue(value);
  }

  async chooseRadio(name: string): Promise<void> {
    const radio = this.setup().getByRole('radio', { name });
    await this.press(radio, 'Space');
    await expect(radio).toBeChecked();
  }

  scheduleSwitch(): Locator {
    return this.setup().getByRole('switch', { name: 'Count toward my study schedule' });
  }

  async start(): Promise<void> {
    await this.press(this.setup().getByRole('button', { name: 'Start the test' }));
    await this.progressLabel().waitFor();
  }

  progressLabel(): Locator {
    return this.page.locator('#test-progress-label');
  }

  timer(): Locator {
    return this.page.getByRole('timer');
  }

  question(): Locator {
    return this.page.getByRole('form', { name: /^Question \d+$/ });
  }

  async questionId(): Promise<string> {
    return (await this.question().getAttribute('data-question-id')) ?? '';
  }

  async next(): Promise<void> {
    const label = await this.progressLabel().textContent();
    await this.press(this.page.getByRole('button', { name: 'Next', exact: true }));
    await expect(this.progressLabel()).not.toHaveText(label ?? '');
  }

  report(): Locator {
    return this.page.getByTestId('selftest-report');
  }

  chapterRow(title: string): Locator {
    return this.report().getByTestId('chapter-score').filter({ hasText: title });
  }

  missed(): Locator {
    return this.report()
      .getByRole('region', { name: /^Missed questions/ })
      .getByRole('article');
  }

  missedQuestion(id: string): Locator {
    return this.report().locator(`article.missed[data-question-id="${id}"]`);
  }

  sentStatus(): Locator {
    return this.report().locator('.report-sent');
  }
}

/** The Discussion sheet screen. */
export class DiscussionPage {
  constructor(readonly page: Page) {}

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Discussion sheet' });
  }

  sheet(): Locator {
    return this.page.getByRole('article', { name: /^Discussion sheet:/ });
  }

  saved(): Locator {
    return this.page.locator('.discussion-saved');
  }

  /** Saves by keyboard and returns the path the notice names. */
  async save(kind: 'Markdown' | 'PDF'): Promise<string> {
    const button = this.page.getByRole('button', { name: `Save as ${kind}…` });
    await button.focus();
    await this.page.keyboard.press('Enter');
    await expect(this.saved()).toContainText(`Saved the discussion sheet as ${kind}:`, { timeout: 30_000 });
    const text = (await this.saved().textContent()) ?? '';
    return text.slice(text.indexOf(': ') + 2).trim();
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
