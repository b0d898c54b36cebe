/**
 * An Anki package (the current format: zstd collection.anki21b beside the stub, protobuf meta and
 * media map) chosen on the import screen: the summary names the format and offers the review history,
 * the import stores the notes as questions and the replayed reviews as review rows, and a note whose
 * front is only an image imports (it used to be refused).
 */
import { expect, expectAccessible, test } from './fixtures';
import { T0, writeDeck } from './format-fixtures';
import { launchApp } from './launch';
import { readReviews, readRows } from './pages/db-rows';
import { ImportPage } from './pages/import-page';
import { LibraryPage } from './pages/library-page';

test('an Anki package with an image-only note and review history is imported with its history', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const file = await writeDeck();
  await new LibraryPage(page).heading().waitFor();
  const importer = new ImportPage(page);
  await importer.open();
  await importer.fileInput().setInputFiles(file);
  await expect(importer.summaryHeading()).toHaveText('Import “Anatomy”');
  await expect(importer.fact('Format detected')).toHaveText('Anki package');
  await expect(importer.fact('Questions')).toHaveText('2');
  const history = page.getByRole('checkbox', {
    name: /Import the review history from Anki \(2 reviews of 1 card\)/,
  });
  await expect(history).toBeChecked();
  await expectAccessible(page, 'on the Anki import summary');
  await importer.confirm();
  await expect(page.getByText('Review history imported: 2 reviews scheduling 1 card.')).toBeVisible();

  const reviews = await readReviews<{ cardKey: string; at: number; rating: number }>(page);
  expect(reviews.map((r) => [r.cardKey, r.at, r.rating])).toEqual([
    ['anatomy.apkg:mito', T0, 3],
    ['anatomy.apkg:mito', T0 + 86_400_000, 3],
  ]);
  const cards = await readRows<{ key: string; state: number; reps: number }>(page, 'cards');
  expect(cards.find((c) => c.key === 'anatomy.apkg:mito')).toMatchObject({ state: 2, reps: 2 });
  // The image-only note's picture is stored as the pack's media, once.
  const named = await readRows<{ packId: string; name: string }>(page, 'packMedia');
  expect(named.map((m) => [m.packId, m.name])).toEqual([['anatomy.apkg', 'cell.png']]);
  expect(await readRows(page, 'mediaFiles')).toHaveLength(1);
});

test('an Anki package imported without its history stores no reviews', async ({ page }) => {
  test.setTimeout(120_000);
  const file = await writeDeck();
  await new LibraryPage(page).heading().waitFor();
  const importer = new ImportPage(page);
  await importer.open();
  await importer.fileInput().setInputFiles(file);
  await page.getByRole('checkbox', { name: /Import the review history from Anki/ }).uncheck();
  await importer.confirm();
  await expect(page.getByText(/Review history imported/)).toHaveCount(0);
  expect(await readReviews(page)).toEqual([]);
});

// Regression: File ▸ Import pack… read the chosen file as text, so an Anki package imported only when
// chosen on the screen or dropped; the menu (and a file opened with Lectern) now hands over its bytes.
test('File ▸ Import pack… imports an Anki package (it was read as text)', async () => {
  test.setTimeout(120_000);
  const file = await writeDeck();
  const app = await launchApp({ env: { LECTERN_TEST_OPEN_FILES: JSON.stringify([file]) } });
  try {
    const importer = new ImportPage(app.page);
    await new LibraryPage(app.page).heading().waitFor();
    await app.clickMenu(['File', 'Import pack…']);
    await expect(importer.summaryHeading()).toHaveText('Import “Anatomy”');
    await expect(importer.fact('Format detected')).toHaveText('Anki package');
    await importer.confirm();
    const named = await readRows<{ name: string }>(app.page, 'packMedia');
    expect(named.map((m) => m.name)).toEqual(['cell.png']);
  } finally {
    await app.close();
  }
});
