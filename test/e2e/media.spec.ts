/**
 * Packs with media (issue 17): a `.lectern` file built by the test is imported, its images are shown
 * (chapter text, prompt, a choice) through blob: URLs, a hostile SVG among them runs nothing, the pack
 * exports to `.lectern` with its media and that file imports again with its images.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { HOSTILE_SVG, imagePack, MP3_HEAD, PNG_1X1 } from '../support/media-fixtures';
import { expect, expectAccessible, test } from './fixtures';
import { launchApp } from './launch';
import { readRows } from './pages/db-rows';
import { ImportPage } from './pages/import-page';
import { LibraryPage } from './pages/library-page';
import { StudyPage } from './pages/study-page';

const TITLE = 'Pictures';

function lecternFile(): Buffer {
  const zip = zipSync({
    'pack.json': strToU8(JSON.stringify(imagePack())),
    media: { 'diagram.png': PNG_1X1, 'logo.svg': HOSTILE_SVG, 'bell.mp3': MP3_HEAD },
  });
  return Buffer.from(zip);
}

async function importLectern(page: Page, name: string, buffer: Buffer): Promise<void> {
  const importer = new ImportPage(page);
  await importer.open();
  await importer.fileInput().setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
  await expect(importer.summaryHeading()).toHaveText(`Import “${TITLE}”`);
  await importer.confirm();
}

/** Waits until the image has loaded and returns its natural width (0 for a broken image). */
async function naturalWidth(img: Locator): Promise<number> {
  await expect(img).toHaveAttribute('src', /^blob:/);
  return img.evaluate(async (el: HTMLImageElement) => {
    await el.decode().catch(() => {});
    return el.naturalWidth;
  });
}

async function svgRan(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { __svgRan?: unknown }).__svgRan);
}

test('a .lectern pack: imported, its images shown in the reader and in study, a hostile SVG runs nothing, exported and re-imported with its media', async () => {
  // A journey: two imports, the reader, study and an export (the shared machine is slow at times).
  test.setTimeout(180_000);
  const saveDir = mkdtempSync(join(tmpdir(), 'lectern-media-'));
  const app = await launchApp({ env: { LECTERN_TEST_SAVE_DIR: saveDir } });
  try {
    const page = app.page;
    await new LibraryPage(page).heading().waitFor();
    await importLectern(page, 'pics.lectern', lecternFile());
    expect((await readRows<{ packId: string }>(page, 'packMedia')).length).toBe(3);
    expect((await readRows<{ hash: string }>(page, 'mediaFiles')).length).toBe(3);

    // The chapter text shows its picture.
    const library = new LibraryPage(page);
    await library.open();
    await library.openChapter(TITLE, 'Shapes');
    const square = page.getByRole('img', { name: 'a red square' });
    expect(await naturalWidth(square)).toBeGreaterThan(0);
    await expectAccessible(page, 'in the reader with an image');

    // Study: the prompt's image and the choice's SVG are shown as images; the SVG's script never runs.
    await library.open();
    const study = new StudyPage(page);
    await study.openFromLibrary(library.pack(TITLE));
    for (let i = 0; i < 2 && (await study.currentId()) !== 'q1'; i++) {
      await page.keyboard.press('Space');
      await page.keyboard.press('3');
    }
    expect(await study.currentId()).toBe('q1');
    expect(await naturalWidth(study.card().getByRole('img', { name: 'the shape' }))).toBeGreaterThan(0);
    const svg = study.card().getByRole('img', { name: 'a circle' });
    expect(await naturalWidth(svg)).toBeGreaterThan(0);
    expect(await study.card().locator('svg, foreignObject, script').count()).toBe(0);
    expect(await svgRan(page)).toBeUndefined();
    await expectAccessible(page, 'in study with images');
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    await expect(study.card().getByRole('img', { name: 'the square again' })).toBeVisible();
    expect(await svgRan(page)).toBeUndefined();

    // Export to .lectern: pack.json and the three files.
    await library.open();
    await library
      .pack(TITLE)
      .getByRole('button', { name: `Export as .lectern (with media) (${TITLE})` })
      .click();
    await expect(page.getByRole('status').filter({ hasText: 'pics.lectern' })).toBeVisible();
    expect(readdirSync(saveDir)).toEqual(['pics.lectern']);
    const exported = readFileSync(join(saveDir, 'pics.lectern'));
    expect(Object.keys(unzipSync(new Uint8Array(exported))).sort()).toEqual([
      'media/bell.mp3',
      'media/diagram.png',
      'media/logo.svg',
      'pack.json',
    ]);

    // Remove the pack (its files go with it), then import the exported file: the images are back.
    await library
      .pack(TITLE)
      .getByRole('button', { name: `Remove ${TITLE}` })
      .click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove pack' }).click();
    await expect(library.pack(TITLE)).toHaveCount(0);
    expect((await readRows<{ hash: string }>(page, 'mediaFiles')).length).toBe(0);
    await importLectern(page, 'pics.lectern', exported);
    await library.open();
    await library.openChapter(TITLE, 'Shapes');
    expect(await naturalWidth(page.getByRole('img', { name: 'a red square' }))).toBeGreaterThan(0);
  } finally {
    await app.close();
  }
});

test('a .lectern file naming an image it does not carry is refused, naming the file, and stores nothing', async ({
  page,
}) => {
  await new LibraryPage(page).heading().waitFor();
  const importer = new ImportPage(page);
  await importer.open();
  const zip = zipSync({
    'pack.json': strToU8(JSON.stringify(imagePack())),
    media: { 'diagram.png': PNG_1X1 },
  });
  await importer
    .fileInput()
    .setInputFiles({ name: 'pics.lectern', mimeType: 'application/zip', buffer: Buffer.from(zip) });
  await expect(importer.problemsHeading()).toBeVisible();
  await expect(importer.problemMessages().filter({ hasText: 'image "logo.svg" is not among' })).toHaveCount(
    1,
  );
  await expect(importer.problemMessages().filter({ hasText: 'sound "bell.mp3" is not among' })).toHaveCount(
    1,
  );
  expect(await readRows(page, 'mediaFiles')).toEqual([]);
});
