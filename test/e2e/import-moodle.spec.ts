/**
 * A Moodle GIFT bank with an embedded-answers (Cloze) question and a partial-credit short answer:
 * imported with its warning shown apart, then both questions studied by keyboard — the choice blank is
 * a list to pick from, the short answer earns its partial credit and shows that answer's feedback.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { launchApp } from './launch';
import { ImportPage } from './pages/import-page';
import { LibraryPage } from './pages/library-page';
import { StudyPage } from './pages/study-page';

const BANK = fileURLToPath(new URL('../fixtures/packs/gift/moodle-cloze.gift', import.meta.url));
const TITLE = 'Moodle Cloze sampler';

/** Each card's review count by its key (pack:question). */
async function repsByCard(page: Page): Promise<Record<string, number>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const open = indexedDB.open('lectern');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('cards', 'readonly').objectStore('cards').getAll();
          req.onsuccess = () => {
            const out: Record<string, number> = {};
            for (const c of req.result as { key: string; reps: number }[]) out[c.key] = c.reps;
            resolve(out);
            open.result.close();
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

test('a Moodle bank with a Cloze choice blank and a partial-credit short answer is imported and both are studied', async ({
  page,
}) => {
  // Import, three answers and an accessibility scan: more than the default minute on a busy machine.
  test.setTimeout(180_000);
  const library = new LibraryPage(page);
  await library.heading().waitFor();
  const importer = new ImportPage(page);
  await importer.dropPath(BANK, 'moodle.gift');
  await expect(importer.summaryHeading()).toHaveText(`Import “${TITLE}”`);
  await expect(importer.fact('Questions')).toHaveText('3');
  // What Lectern read differently from the letter of the file is a warning with its place, not a refusal.
  await expect(page.getByRole('heading', { name: /1 warning/ })).toBeVisible();
  await expect(page.getByText(/moodle\.gift:13:30: warning: this "~" has no answer after it/)).toBeVisible();
  await importer.confirm();

  await library.open();
  await library.openChapter(TITLE, 'Moodle');
  await page.getByRole('heading', { level: 1, name: 'Moodle' }).waitFor();
  await library.open();
  const study = new StudyPage(page);
  await study.openFromLibrary(library.pack(TITLE));
  const kb = page.keyboard;
  const seen: string[] = [];
  for (let i = 0; i < 3; i++) {
    const id = await study.currentId();
    seen.push(id);
    if (id === 'owl') {
      const choice = study.card().getByRole('combobox', { name: 'Blank 1 of 2' });
      await expect(choice.locator('option')).toHaveText(['Choose…', 'a', 'an', 'the']);
      await choice.focus();
      await kb.press('ArrowDown');
      await kb.press('ArrowDown');
      await expect(choice).toHaveValue('an');
      await kb.press('Tab');
      await expect(study.card().getByRole('textbox', { name: 'Blank 2 of 2' })).toBeFocused();
      await kb.type('Paris');
      await kb.press('Enter');
      await expect(page.getByRole('heading', { level: 2, name: /Correct/ })).toBeVisible();
    } else if (id === 'animal') {
      // The question's ::name:: is shown above its prompt (and scanned by axe below).
      await expect(study.card().locator('.question__title')).toHaveText('Question name: Animal');
      await kb.type('Toad');
      await kb.press('Enter');
      await expect(page.getByRole('heading', { level: 2, name: 'Partly right (50%)' })).toBeVisible();
      await expect(study.card()).toContainText('Close: toads croak too, but we meant the frog.');
      await expect(study.card()).toContainText('50% credit');
      await expectAccessible(page, 'on the feedback of a partial-credit answer');
    } else {
      const right = study.card().getByRole('radio', { name: /Right one/ });
      await right.focus();
      await kb.press('Space');
      await kb.press('Enter');
      await expect(page.getByRole('heading', { level: 2, name: /Correct/ })).toBeVisible();
    }
    await expect(study.card()).toHaveAttribute('data-phase', 'answered');
    await study.continue();
  }
  expect(seen.sort()).toEqual(['animal', 'idiom', 'owl']);
  const reps = await repsByCard(page);
  expect(reps['moodle-cloze:owl']).toBe(1);
  expect(reps['moodle-cloze:animal']).toBe(1);
});

test('GIFT niceties: a repeated $CATEGORY made two chapters, "1 chapters" was printed and ::titles:: were lost on export', async () => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'lectern-gift-niceties-'));
  const file = join(dir, 'niceties.gift');
  writeFileSync(
    file,
    [
      '// [title:Niceties]',
      '$CATEGORY: $course$/top/Birds',
      '::Owl name::Which bird hoots?{=Owl ~Duck}',
      '',
      '$CATEGORY: $course$/top/Frogs',
      '::Frog name::Which animal croaks?{=Frog ~Owl}',
      '',
      '$CATEGORY: $course$/top/Birds',
      '::Duck name::Which bird quacks?{=Duck ~Frog}',
      '',
    ].join('\n'),
  );
  const saveDir = mkdtempSync(join(tmpdir(), 'lectern-gift-niceties-out-'));
  const app = await launchApp({ env: { LECTERN_TEST_SAVE_DIR: saveDir } });
  try {
    const page = app.page;
    const library = new LibraryPage(page);
    await library.heading().waitFor();
    const importer = new ImportPage(page);
    await importer.dropPath(file, 'niceties.gift');
    await expect(importer.summaryHeading()).toHaveText('Import “Niceties”');
    await importer.confirm();
    await library.open();
    const pack = library.pack('Niceties');
    // Birds twice in the file is one chapter: two chapters in all, named in the plural.
    await expect(pack).toContainText('3 questions · 2 chapters');
    await expect(pack.getByRole('button', { name: 'Birds', exact: true })).toHaveCount(1);
    await pack.getByRole('button', { name: 'Export as GIFT (Niceties)' }).click();
    await expect(page.getByRole('status').filter({ hasText: '.gift' })).toBeVisible();
    const [name] = readdirSync(saveDir);
    const gift = readFileSync(join(saveDir, name as string), 'utf8');
    for (const title of ['::Owl name::', '::Frog name::', '::Duck name::']) expect(gift).toContain(title);
    expect(gift.match(/^\$CATEGORY:.*Birds/gm)).toHaveLength(1);
  } finally {
    await app.close();
  }
});
