/**
 * Nothing lost, nothing locked (issue 19): the app is SIGKILLed — main and its window's browser, no quit —
 * during an answer, during an import and during a restore, then relaunched on the same profile. Every answer
 * acknowledged before the kill is in the review log; the import is either whole or absent, never half; the
 * restore either whole or the previous data intact.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { launchApp } from './launch';
import { readReviews, readRows } from './pages/db-rows';
import { ImportPage } from './pages/import-page';
import { COURSE_TITLE, LibraryPage } from './pages/library-page';
import { ReaderPage } from './pages/reader-page';
import { SettingsPage } from './pages/settings-page';
import { StudyPage } from './pages/study-page';

const INTRO = 'Introduction';
const BIG = 30_000;

async function openIntro(page: Page): Promise<void> {
  const library = new LibraryPage(page);
  await library.pack(COURSE_TITLE).getByRole('button', { name: INTRO, exact: true }).click();
  await expect(new ReaderPage(page).title()).toHaveText(INTRO);
  await library.open();
}

test('SIGKILL during an answer loses no acknowledged answer; SIGKILL during an import or a restore leaves it whole or absent', async () => {
  test.setTimeout(240_000);
  const first = await launchApp();
  const userDataDir = first.userDataDir;
  let acknowledged: string[] = [];
  try {
    const page = first.page;
    await new LibraryPage(page).heading().waitFor();
    await openIntro(page);
    const study = new StudyPage(page);
    await study.openFromLibrary(new LibraryPage(page).pack(COURSE_TITLE));
    for (let i = 0; i < 2; i++) await study.studyOne();
    // Acknowledged: committed and readable by another connection.
    acknowledged = (await readReviews<{ id: string }>(page)).map((r) => r.id);
    expect(acknowledged).toHaveLength(2);
    // A third answer, killed while it is being stored.
    await study.answerRight();
    await page.keyboard.press('Enter');
  } finally {
    await first.kill();
  }

  const second = await launchApp({ userDataDir });
  try {
    const page = second.page;
    await new LibraryPage(page).heading().waitFor();
    const reviews = (await readReviews<{ id: string }>(page)).map((r) => r.id);
    for (const id of acknowledged) expect(reviews).toContain(id);
    expect(reviews.length).toBeLessThanOrEqual(3);

    // An import of a large file, killed while it is being stored.
    const rows = Array.from({ length: BIG }, (_, i) => `Front ${i},Back ${i}`).join('\n');
    const importer = new ImportPage(page);
    await importer.open();
    await importer.dropFile('big.csv', `${rows}\n`);
    await expect(importer.summaryHeading()).toHaveText('Import “big”', { timeout: 60_000 });
    await page.getByRole('button', { name: 'Import this pack' }).click();
    await expect(page.locator('#import-progress-label')).toBeVisible();
  } finally {
    await second.kill();
  }

  const third = await launchApp({ userDataDir });
  try {
    const page = third.page;
    await new LibraryPage(page).heading().waitFor();
    const reviews = (await readReviews<{ id: string }>(page)).map((r) => r.id);
    for (const id of acknowledged) expect(reviews).toContain(id);
    const pack = (await readRows<{ id: string; questionCount: number }>(page, 'packs')).find(
      (p) => p.id === 'big.csv',
    );
    const chunks = (await readRows<{ packId: string; items: unknown[] }>(page, 'questionChunks')).filter(
      (c) => c.packId === 'big.csv',
    );
    const stored = chunks.reduce((n, c) => n + c.items.length, 0);
    // Whole or absent: the pack row and every question, or nothing at all.
    if (pack) {
      expect(pack.questionCount).toBe(BIG);
      expect(stored).toBe(BIG);
    } else {
      expect(stored).toBe(0);
    }
    // The app is usable after both kills: the course still opens for study.
    const study = new StudyPage(page);
    await study.openFromLibrary(new LibraryPage(page).pack(COURSE_TITLE));
    await expect(study.heading()).toBeVisible();
  } finally {
    // A proper quit: main writes the automatic backup restored below.
    await third.close();
  }

  // A restore, killed while it replaces the data: afterwards either the backup's data or the previous.
  const fourth = await launchApp({ userDataDir });
  let before = 0;
  try {
    const page = fourth.page;
    const library = new LibraryPage(page);
    await library.heading().waitFor();
    const inBackup = (await readRows(page, 'reading')).length;
    // Something not in the backup: another chapter opened.
    const chapter = library.chapterButtons(COURSE_TITLE).nth(2);
    const name = (await chapter.textContent()) ?? '';
    await chapter.click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    before = (await readRows(page, 'reading')).length;
    expect(before).toBe(inBackup + 1);
    const settings = new SettingsPage(page);
    await settings.open();
    const list = settings.section('Backups').getByRole('table', { name: 'Automatic backups' });
    await list
      .getByRole('button', { name: /^Restore the backup of .* \(on quit\)$/ })
      .first()
      .click();
    await settings.dialog().getByRole('button', { name: 'Replace my data with this backup' }).click();
  } finally {
    await fourth.kill();
  }

  const fifth = await launchApp({ userDataDir });
  try {
    const page = fifth.page;
    await new LibraryPage(page).heading().waitFor();
    const reading = (await readRows(page, 'reading')).length;
    expect([before - 1, before]).toContain(reading);
    const reviews = (await readReviews<{ id: string }>(page)).map((r) => r.id);
    for (const id of acknowledged) expect(reviews).toContain(id);
    const packs = await readRows<{ id: string; questionCount: number }>(page, 'packs');
    expect(packs.some((p) => p.id !== 'big.csv')).toBe(true);
  } finally {
    await fifth.close();
  }
});
