/**
 * `npm start` where Electron cannot run: the stand-in's window must be usable as the app. Before, it had
 * no menu (File ▸ Import, Help ▸ About, Open backups folder and Ctrl+O were unreachable) and a save did
 * nothing ("the save dialog was cancelled"). Its window draws main's application menu (test/standin/window/).
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FrameLocator, Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { type LaunchedApp, launchApp, launchMode } from './launch';

const V1 = fileURLToPath(new URL('../fixtures/packs/import/quiz-v1.gift', import.meta.url));
const QUIZ = 'E2E quiz';

test.skip(
  launchMode() === 'electron',
  'the menu bar and the save folder are the stand-in’s (Electron has its own)',
);

async function openStartWindow(
  env: Record<string, string> = {},
): Promise<LaunchedApp & { app: FrameLocator }> {
  const launched = await launchApp({ startWindow: true, env });
  const app = launched.page.frameLocator('iframe#app');
  await expect(app.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
  return { ...launched, app };
}

const menubar = (page: Page) => page.getByRole('menubar', { name: 'Application menu' });

test('npm start without Electron had no menu: its window shows main’s menu and every item runs', async () => {
  const w = await openStartWindow();
  try {
    const { page, app } = w;
    const bar = menubar(page);
    await expect(bar.getByRole('menuitem')).toHaveText(['File', 'Edit', 'View', 'Help']);

    // File ▸ Import pack… opens Chromium's file chooser in place of the OS dialog, and imports the choice.
    await bar.getByRole('menuitem', { name: 'File' }).click();
    const file = page.getByRole('menu', { name: 'File' });
    await expect(file.getByRole('menuitem', { name: 'Import pack… Ctrl+O' })).toBeVisible();
    await expect(file.getByRole('menuitem')).toContainText([
      'Import pack…',
      'Library',
      'Self-test',
      'Statistics',
      'Settings',
      'Quit',
    ]);
    const chooser = page.waitForEvent('filechooser');
    await file.getByRole('menuitem', { name: /^Import pack…/ }).click();
    await expect(file).toBeHidden();
    await (await chooser).setFiles(V1);
    await expect(app.getByRole('heading', { level: 1, name: 'Import a pack' })).toBeVisible();
    await expect(app.getByRole('heading', { name: `Import “${QUIZ}”` })).toBeVisible();

    // Help ▸ About opens the app's About dialog.
    await bar.getByRole('menuitem', { name: 'Help' }).click();
    await expect(page.getByRole('menu', { name: 'Help' }).getByRole('menuitem')).toHaveText([
      'Open backups folder',
      'About Lectern',
    ]);
    await page.getByRole('menu', { name: 'Help' }).getByRole('menuitem', { name: 'About Lectern' }).click();
    const about = app.getByRole('dialog', { name: 'About Lectern' });
    await expect(about).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(about).toBeHidden();

    // The accelerators work as in Electron: Ctrl+3 (Statistics), Ctrl+1 (Library), Ctrl+O (Import pack…).
    await page.keyboard.press('Control+3');
    await expect(app.getByRole('heading', { level: 1, name: 'Statistics' })).toBeVisible();
    await page.keyboard.press('Control+1');
    await expect(app.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
    const again = page.waitForEvent('filechooser');
    await page.keyboard.press('Control+O');
    await expect(app.getByRole('heading', { level: 1, name: 'Import a pack' })).toBeVisible();
    await (await again).setFiles([]);

    // Roles that act on the page: View ▸ Zoom In and Actual Size zoom the app, not the menu bar.
    const zoom = () => app.locator('html').evaluate((el) => (el as HTMLElement).style.zoom);
    await bar.getByRole('menuitem', { name: 'View' }).click();
    await page
      .getByRole('menu', { name: 'View' })
      .getByRole('menuitem', { name: /^Zoom In/ })
      .click();
    await expect.poll(zoom).toBe('1.1');
    await bar.getByRole('menuitem', { name: 'View' }).click();
    await page
      .getByRole('menu', { name: 'View' })
      .getByRole('menuitem', { name: /^Actual Size/ })
      .click();
    await expect.poll(zoom).toBe('');
    await expectAccessible(page, 'in npm start’s window');

    // By keyboard alone: F10 focuses the bar, arrows open and walk the menus, Enter runs, Escape leaves.
    await page.mouse.move(5, 500);
    await page.keyboard.press('F10');
    await expect(bar.getByRole('menuitem', { name: 'File' })).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(bar.getByRole('menuitem', { name: 'Help' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('menuitem', { name: 'Open backups folder' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(about).toBeVisible();
    await page.keyboard.press('Escape');
    await page.keyboard.press('F10');
    await page.keyboard.press('Escape');
    await expect(bar.getByRole('menuitem', { name: 'File' })).not.toBeFocused();
  } finally {
    await w.close();
  }
});

test('an export from npm start’s window did nothing: it is saved in ~/Downloads/Lectern and the notice names it', async () => {
  const downloads = mkdtempSync(join(tmpdir(), 'lectern-downloads-'));
  const w = await openStartWindow({ XDG_DOWNLOAD_DIR: downloads });
  try {
    const { app } = w;
    const slug = 'openai-microsoft';
    const pack = app.getByRole('article').first();
    const exportJson = pack.getByRole('button', { name: /^Export as Lectern JSON/ });
    const first = join(downloads, 'Lectern', `${slug}.json`);
    const second = join(downloads, 'Lectern', `${slug} (2).json`);
    await exportJson.click();
    await expect(app.getByRole('status').filter({ hasText: first })).toBeVisible();
    expect(JSON.parse(readFileSync(first, 'utf8'))).toMatchObject({ format: 'lectern-pack' });
    // A second save never overwrites the first without asking: it takes a name not yet used.
    await exportJson.click();
    await expect(app.getByRole('status').filter({ hasText: second })).toBeVisible();
    expect(existsSync(second)).toBe(true);
  } finally {
    await w.close();
  }
});
