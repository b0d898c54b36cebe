/**
 * Issue 17's journey (its "done when"): an Anki package with an image and review history and a Moodle
 * XML bank with an embedded image are imported; the bank's image question is studied with its picture
 * decoded; Browse names the Anki note's picture in its grid and shows it in the history dialog; the
 * Anki pack is exported as `.lectern`, removed, and the file imported again with its image intact;
 * a backup exported then holds the images: both packs removed and the backup restored, they are back.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator } from '@playwright/test';
import { unzipSync } from 'fflate';
import { TINY_PNG } from '../support/anki-package';
import { expect, expectAccessible, test } from './fixtures';
import { BANK, writeDeck } from './format-fixtures';
import { launchApp } from './launch';
import { BrowsePage } from './pages/browse-page';
import { readRows } from './pages/db-rows';
import { ImportPage } from './pages/import-page';
import { LibraryPage } from './pages/library-page';
import { SettingsPage } from './pages/settings-page';
import { StudyPage } from './pages/study-page';

/** Waits until the image has loaded and returns its natural width (0 for a broken image). */
async function naturalWidth(img: Locator): Promise<number> {
  await expect(img).toHaveAttribute('src', /^blob:/);
  return img.evaluate(async (el: HTMLImageElement) => {
    await el.decode().catch(() => {});
    return el.naturalWidth;
  });
}

test('an Anki package and a Moodle XML bank with images: imported, studied, browsed, exported as .lectern and imported again', async () => {
  test.setTimeout(240_000);
  const saveDir = mkdtempSync(join(tmpdir(), 'lectern-formats-'));
  const app = await launchApp({ env: { LECTERN_TEST_SAVE_DIR: saveDir } });
  try {
    const page = app.page;
    const library = new LibraryPage(page);
    await library.heading().waitFor();
    const importer = new ImportPage(page);

    // The Anki package, with its review history.
    await importer.open();
    await importer.fileInput().setInputFiles(await writeDeck());
    await expect(importer.fact('Format detected')).toHaveText('Anki package');
    await expect(page.getByRole('checkbox', { name: /Import the review history from Anki/ })).toBeChecked();
    await importer.confirm();
    await expect(page.getByText('Review history imported: 2 reviews scheduling 1 card.')).toBeVisible();

    // The Moodle XML bank, its image embedded as base64.
    await importer.dropFile('flags.xml', BANK);
    await expect(importer.fact('Format detected')).toHaveText('Moodle XML');
    await importer.confirm();
    expect((await readRows<{ name: string }>(page, 'packMedia')).map((m) => m.name).sort()).toEqual([
      'cell.png',
      'flag.png',
    ]);

    // Study the bank's image question: its picture is decoded.
    await library.open();
    const study = new StudyPage(page);
    await study.openFromLibrary(library.pack('flags'));
    expect(await study.currentId()).toBe('flag-eu');
    expect(await naturalWidth(study.card().getByRole('img', { name: 'a blue flag' }))).toBeGreaterThan(0);
    await expectAccessible(page, 'studying an imported image question');

    // Browse: the grid's cell names the Anki note's picture; its history dialog shows it.
    const browse = new BrowsePage(page);
    await browse.openFromNav();
    await browse.searchFor('flag');
    await expect(browse.row('Whose flag is this? [image: a blue flag]')).toHaveCount(1);
    await expect(browse.grid()).not.toContainText('media:');
    await browse.searchFor('');
    await browse.filter('Pack').selectOption({ label: 'Anatomy' });
    const row = browse.row('[image: cell.png]');
    await expect(row).toHaveCount(1);
    await row.dblclick();
    expect(await naturalWidth(browse.history().locator('img[data-media-name="cell.png"]'))).toBeGreaterThan(
      0,
    );
    await page.keyboard.press('Escape');

    // Export the Anki pack as .lectern: its picture goes with it.
    await library.open();
    await library
      .pack('Anatomy')
      .getByRole('button', { name: 'Export as .lectern (with media) (Anatomy)' })
      .click();
    const file = join(saveDir, 'anatomy.apkg.lectern');
    await expect(page.getByRole('status').filter({ hasText: 'anatomy.apkg.lectern' })).toBeVisible();
    const entries = unzipSync(new Uint8Array(readFileSync(file)));
    expect(Object.keys(entries).sort()).toEqual(['media/cell.png', 'pack.json']);
    expect(entries['media/cell.png']).toEqual(TINY_PNG);

    // Removed, then the exported file imported again: the picture is back, byte for byte.
    await library.pack('Anatomy').getByRole('button', { name: 'Remove Anatomy' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove pack' }).click();
    await expect(library.pack('Anatomy')).toHaveCount(0);
    await importer.open();
    await importer.fileInput().setInputFiles(file);
    await expect(importer.summaryHeading()).toHaveText('Import “Anatomy”');
    await importer.confirm();
    expect((await readRows<{ name: string }>(page, 'packMedia')).map((m) => m.name).sort()).toEqual([
      'cell.png',
      'flag.png',
    ]);
    await browse.openFromNav();
    await browse.filter('Pack').selectOption({ label: 'Anatomy' });
    await browse.row('[image: cell.png]').dblclick();
    expect(await naturalWidth(browse.history().locator('img[data-media-name="cell.png"]'))).toBeGreaterThan(
      0,
    );
    await page.keyboard.press('Escape');

    // A backup holds the images: both packs removed (their files go), the backup restored, they are back.
    const settings = new SettingsPage(page);
    await settings.open();
    await settings.section('Backups').getByRole('button', { name: 'Export backup…' }).click();
    await expect(page.getByRole('status')).toContainText('Backup saved to', { timeout: 60_000 });
    const [backup] = readdirSync(saveDir).filter((n) => n.startsWith('lectern-backup-'));
    for (const title of ['Anatomy', 'flags']) {
      await library.open();
      await library
        .pack(title)
        .getByRole('button', { name: `Remove ${title}` })
        .click();
      await page.getByRole('dialog').getByRole('button', { name: 'Remove pack' }).click();
      await expect(library.pack(title)).toHaveCount(0);
    }
    expect(await readRows(page, 'mediaFiles')).toEqual([]);
    await settings.open();
    await settings.restoreInput().setInputFiles(join(saveDir, backup as string));
    await settings.dialog().getByRole('button', { name: 'Replace my data with this backup' }).click();
    await expect(page.getByRole('status')).toContainText('Restored', { timeout: 60_000 });
    expect((await readRows<{ name: string }>(page, 'packMedia')).map((m) => m.name).sort()).toEqual([
      'cell.png',
      'flag.png',
    ]);
    await library.open();
    await study.openFromLibrary(library.pack('flags'));
    expect(await naturalWidth(study.card().getByRole('img', { name: 'a blue flag' }))).toBeGreaterThan(0);
  } finally {
    await app.close();
  }
});
