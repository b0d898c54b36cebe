/**
 * An Anki package (the current format: zstd collection.anki21b beside the stub, protobuf meta and
 * media map) chosen on the import screen: the summary names the format and offers the review history,
 * the import stores the notes as questions and the replayed reviews as review rows, and a note whose
 * front is only an image imports (it used to be refused).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASIC, buildPackage, CLOZE, TINY_PNG } from '../support/anki-package';
import { expect, expectAccessible, test } from './fixtures';
import { readRows } from './pages/db-rows';
import { ImportPage } from './pages/import-page';
import { LibraryPage } from './pages/library-page';

const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);

async function writeDeck(): Promise<string> {
  const bytes = await buildPackage(
    {
      notetypes: [BASIC, CLOZE],
      decks: [{ id: 7, name: 'Anatomy::Cells' }],
      crt: Math.floor(T0 / 1000),
      notes: [
        {
          id: 1,
          guid: 'cellImg',
          mid: BASIC.id,
          fields: ['<img src="cell.png">', 'A cell'],
          cards: [{ id: 10, ord: 0, did: 7 }],
        },
        {
          id: 2,
          guid: 'mito',
          mid: CLOZE.id,
          fields: ['{{c1::Mitochondria}} make ATP', ''],
          tags: ['organelles'],
          cards: [{ id: 20, ord: 0, did: 7, type: 2, queue: 2, due: 5, ivl: 3 }],
        },
      ],
      reviews: [
        { id: T0, cid: 20, ease: 3, type: 0 },
        { id: T0 + 86_400_000, cid: 20, ease: 3, type: 1 },
      ],
    },
    'latest',
    { 'cell.png': TINY_PNG },
  );
  const file = join(mkdtempSync(join(tmpdir(), 'lectern-anki-')), 'Anatomy.apkg');
  writeFileSync(file, bytes);
  return file;
}

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

  const reviews = await readRows<{ cardKey: string; at: number; rating: number }>(page, 'revlog');
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
  expect(await readRows(page, 'revlog')).toEqual([]);
});
