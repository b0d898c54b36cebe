/**
 * A Moodle XML question bank with an embedded image: dropped on the window, read as Moodle XML with the
 * ungradable drag-and-drop question skipped by a placed warning, imported, the image question studied
 * by keyboard, and the pack exported back to Moodle XML from the Library.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, expectAccessible, test } from './fixtures';
import { BANK } from './format-fixtures';
import { launchApp } from './launch';
import { ImportPage } from './pages/import-page';
import { LibraryPage } from './pages/library-page';
import { StudyPage } from './pages/study-page';

const TITLE = 'flags';

test('a Moodle XML bank with an embedded image is imported, its image question studied, and exported back to Moodle XML', async () => {
  test.setTimeout(180_000);
  const saveDir = mkdtempSync(join(tmpdir(), 'lectern-moodle-xml-out-'));
  const app = await launchApp({ env: { LECTERN_TEST_SAVE_DIR: saveDir } });
  try {
    const page = app.page;
    const library = new LibraryPage(page);
    await library.heading().waitFor();
    const importer = new ImportPage(page);
    await importer.dropFile('flags.xml', BANK);
    await expect(importer.summaryHeading()).toHaveText(`Import “${TITLE}”`);
    await expect(importer.fact('Format detected')).toHaveText('Moodle XML');
    await expect(importer.fact('Questions')).toHaveText('1');
    // The drag-and-drop question Lectern cannot grade is skipped with a warning at its line:column.
    await expect(
      page.getByText(/flags\.xml:14:3: warning: question "Map of Europe" is of type "ddmarker"/),
    ).toBeVisible();
    await expectAccessible(page, 'on the summary of a Moodle XML bank');
    await importer.confirm();

    await library.open();
    const study = new StudyPage(page);
    await study.openFromLibrary(library.pack(TITLE));
    expect(await study.currentId()).toBe('flag-eu');
    await expect(study.card()).toContainText('Whose flag is this?');
    // The embedded image, stored as pack media and shown (decoded: natural width > 0).
    const img = study.card().getByRole('img', { name: 'a blue flag' });
    await expect(img).toBeVisible();
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    const right = study.card().getByRole('radio', { name: /The European Union's/ });
    await right.focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: /Correct/ })).toBeVisible();
    await expect(study.card()).toContainText('It is the European flag.');
    await study.continue();

    await library.open();
    await library
      .pack(TITLE)
      .getByRole('button', { name: `Export as Moodle XML (${TITLE})` })
      .click();
    await expect(page.getByRole('status').filter({ hasText: '.xml' })).toBeVisible();
    const [name] = readdirSync(saveDir);
    const xml = readFileSync(join(saveDir, name as string), 'utf8');
    expect(xml).toContain('<text>$course$/top/Flags of Europe</text>');
    expect(xml).toContain('<idnumber>flag-eu</idnumber>');
    expect(xml).toContain('<answer fraction="100" format="markdown">');
  } finally {
    await app.close();
  }
});
