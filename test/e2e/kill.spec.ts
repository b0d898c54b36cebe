/**
 * Nothing lost, nothing locked (issue 19): the app is SIGKILLed — main and its window's browser, no quit —
 * during an answer and during an import, then relaunched on the same profile. Every answer acknowledged
 * before the kill is in the review log; the import is either whole or absent, never half.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { launchApp } from './launch';
import { ImportPage } from './pages/import-page';
import { COURSE_TITLE, LibraryPage } from './pages/library-page';
import { ReaderPage } from './pages/reader-page';
import { StudyPage } from './pages/study-page';

const INTRO = 'Introduction';
const BIG = 30_000;

/** Every row of one IndexedDB store of the app's database (committed data only). */
async function readRows<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('lectern');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction(name, 'readonly').objectStore(name).getAll();
          req.onsuccess = () => {
            resolve(req.result as T[]);
            open.result.close();
          };
          req.onerror = () => reject(req.error);
        };
      }),
    store,
  );
}

async function openIntro(page: Page): Promise<void> {
  const library = new LibraryPage(page);
  await library.pack(COURSE_TITLE).getByRole('button', { name: INTRO, exact: true }).click();
  await expect(new ReaderPage(page).title()).toHaveText(INTRO);
  await library.open();
}

test('SIGKILL during an answer loses no acknowledged answer; SIGKILL during an import leaves it whole or absent', async () => {
  test.setTimeout(240_000);
  const first = await launchApp();
  const userDataDir = first.userDataDir;
  let acknowledged: number[] = [];
  try {
    const page = first.page;
    await new LibraryPage(page).heading().waitFor();
    await openIntro(page);
    const study = new StudyPage(page);
    await study.openFromLibrary(new LibraryPage(page).pack(COURSE_TITLE));
    for (let i = 0; i < 2; i++) await study.studyOne();
    // Acknowledged: committed and readable by another connection.
    acknowledged = (await readRows<{ id: number }>(page, 'reviews')).map((r) => r.id);
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
    const reviews = (await readRows<{ id: number }>(page, 'reviews')).map((r) => r.id);
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
    const reviews = (await readRows<{ id: number }>(page, 'reviews')).map((r) => r.id);
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
    await third.close();
  }
});
