/** The import screen, and the ways a file reaches it: dropped on the window, chosen, or from the menu. */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

export class ImportPage {
  constructor(readonly page: Page) {}

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Import a pack' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Import' }).click();
    await this.heading().waitFor();
  }

  /** Drags a file with `text` onto the window (wherever the app is) and drops it, as from a file manager. */
  async dropFile(name: string, text: string, target = 'body'): Promise<void> {
    const dataTransfer = await this.page.evaluateHandle(
      ([fileName, content]) => {
        const dt = new DataTransfer();
        dt.items.add(new File([content], fileName));
        return dt;
      },
      [name, text] as const,
    );
    await this.page.dispatchEvent(target, 'dragenter', { dataTransfer });
    await this.page.dispatchEvent(target, 'dragover', { dataTransfer });
    await this.page.dispatchEvent(target, 'drop', { dataTransfer });
    await dataTransfer.dispose();
  }

  /** Drops a file from disk (see {@link dropFile}). */
  async dropPath(path: string, name = basename(path)): Promise<void> {
    await this.dropFile(name, readFileSync(path, 'utf8'));
  }

  fileInput(): Locator {
    return this.page.getByLabel('Choose file…');
  }

  /** The problems of a file that was refused: the heading, then `FILE:LINE:COL: message` items. */
  problemsHeading(): Locator {
    return this.page.getByRole('heading', { level: 2, name: /problems? in .* — nothing was imported/ });
  }

  problems(): Locator {
    return this.page.locator('.import-step--problems .problem-list').first().getByRole('listitem');
  }

  /** The `FILE:LINE:COL: message` line of each problem (without its source excerpt). */
  problemMessages(): Locator {
    return this.problems().locator('code');
  }

  /** The items of the problem list named by its heading, e.g. `problemList(/^2 warnings/)`. */
  problemList(name: RegExp): Locator {
    return this.page.getByRole('list', { name }).getByRole('listitem');
  }

  summaryHeading(): Locator {
    return this.page.getByRole('heading', { level: 2, name: /^(Import|Update) “/ });
  }

  /** A fact of the summary, e.g. `fact('Format detected')`. */
  fact(label: string): Locator {
    return this.page.locator('.facts dt', { hasText: label }).locator('xpath=following-sibling::dd[1]');
  }

  /** The count of one kind of change on an update summary: added, reworded, answerChanged, removed, unchanged. */
  updateCount(kind: 'added' | 'reworded' | 'answerChanged' | 'removed' | 'unchanged'): Locator {
    return this.page.getByTestId(`update-${kind}`);
  }

  doneHeading(): Locator {
    return this.page.getByRole('heading', { level: 2, name: /^(Imported|Updated) “/ });
  }

  /** Imports a pack from its text, as a file dropped on the window, and waits until it is stored. */
  async importText(name: string, text: string): Promise<void> {
    await this.open();
    await this.dropFile(name, text);
    await expect(this.summaryHeading()).toBeVisible();
    await this.confirm();
  }

  /** Confirms the summary on screen (Import this pack or Apply update) and waits until the pack is stored. */
  async confirm(): Promise<void> {
    await this.page.getByRole('button', { name: /^(Import this pack|Apply update)$/ }).click();
    await expect(this.doneHeading()).toBeVisible();
  }
}
