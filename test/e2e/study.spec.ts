/**
 * Studying, by keyboard only: answer questions of every type, keep them across a relaunch, undo,
 * read in context, and see them come due again when the clock moves on.
 */
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { launchApp } from './launch';
import { COURSE_TITLE, LibraryPage } from './pages/library-page';
import { ReaderPage } from './pages/reader-page';
import { StudyPage } from './pages/study-page';

const DAY_MS = 86_400_000;

/** Opens chapters from the Library by keyboard (opening a chapter lets its new questions in). */
async function openChapters(page: Page, titles: string[]): Promise<void> {
  const library = new LibraryPage(page);
  for (const title of titles) {
    await library.pack(COURSE_TITLE).getByRole('button', { name: title, exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect(new ReaderPage(page).title()).toHaveText(title);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library' }).focus();
    await page.keyboard.press('Enter');
    await expect(library.heading()).toBeVisible();
  }
}

/** Counts rows of an IndexedDB store of the app's database. */
async function countRows(page: Page, store: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('lectern');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction(name, 'readonly').objectStore(name).count();
          req.onsuccess = () => {
            resolve(req.result);
            open.result.close();
          };
          req.onerror = () => reject(req.error);
        };
      }),
    store,
  );
}

const INTRO = 'Introduction';
const TECH = 'Technical and Infrastructure Challenges';

test('study 10 questions of every type by keyboard; the answers and counts survive a relaunch', async () => {
  const first = await launchApp();
  let userDataDir = first.userDataDir;
  try {
    const page = first.page;
    const library = new LibraryPage(page);
    await openChapters(page, [INTRO, TECH]);
    const pack = library.pack(COURSE_TITLE);
    await expect(pack.getByTestId('pack-counts')).toContainText('New 82');

    const study = new StudyPage(page);
    await study.openFromLibrary(pack);
    await expect(study.progressLabel()).toHaveText('1 of 10');
    await expect(study.left()).toContainText('10 new');
    await expectAccessible(page, 'on a study question');

    const types = new Set<string>();
    for (let i = 0; i < 10; i++) {
      await expect(study.progressLabel()).toHaveText(`${i + 1} of 10`);
      const q = await study.answerRight();
      types.add(q.type);
      if (q.type !== 'flashcard') {
        await expect(page.getByRole('heading', { level: 2, name: /Correct/ })).toBeVisible();
        if (i === 1) await expectAccessible(page, 'on an answered question');
      } else {
        await expect(study.card().getByRole('button', { name: /Good · \d+m/ })).toBeVisible();
      }
      await study.continue();
    }
    expect([...types].sort()).toEqual(
      ['cloze', 'flashcard', 'matching', 'multiple-choice', 'ordering', 'true-false', 'typed'].sort(),
    );
    // Both flashcards were rated Good: they are learning and come back in 10 minutes.
    await expect(study.waiting()).toBeVisible();
    expect(await countRows(page, 'reviews')).toBe(10);
  } finally {
    await first.close();
  }

  const second = await launchApp({ userDataDir });
  userDataDir = second.userDataDir;
  try {
    const page = second.page;
    const pack = new LibraryPage(page).pack(COURSE_TITLE);
    await expect(pack.getByTestId('pack-counts')).toHaveText('Due 0 New 72');
    const introRow = pack.getByRole('listitem').filter({ hasText: INTRO });
    await expect(introRow.getByTestId('chapter-counts')).toHaveText('0 due · 0 new');
    expect(await countRows(page, 'reviews')).toBe(10);
    const study = new StudyPage(page);
    await study.openFromLibrary(pack);
    await expect(study.waiting()).toBeVisible();
  } finally {
    await second.close();
  }
});
