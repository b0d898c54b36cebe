/**
 * Studying, by keyboard only: answer questions of every type, keep them across a relaunch, undo,
 * read in context, and see them come due again when the clock moves on.
 */
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { launchApp } from './launch';
import { COURSE_TITLE, LibraryPage } from './pages/library-page';
import { ReaderPage } from './pages/reader-page';
import { loadCourseQuestions, StudyPage } from './pages/study-page';

const DAY_MS = 86_400_000;
/** The bundled course's question count (all new on a fresh install). */
const COURSE_SIZE = loadCourseQuestions().size;

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
    await expect(pack.getByTestId('pack-counts')).toContainText(`New ${COURSE_SIZE}`);

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
    expect(await countRows(page, 'revlog')).toBe(10);
  } finally {
    await first.close();
  }

  const second = await launchApp({ userDataDir });
  userDataDir = second.userDataDir;
  try {
    const page = second.page;
    const pack = new LibraryPage(page).pack(COURSE_TITLE);
    await expect(pack.getByTestId('pack-counts')).toHaveText(`Due 0 New ${COURSE_SIZE - 10}`);
    const introRow = pack.getByRole('listitem').filter({ hasText: INTRO });
    await expect(introRow.getByTestId('chapter-counts')).toHaveText('0 due · 0 new');
    expect(await countRows(page, 'revlog')).toBe(10);
    const study = new StudyPage(page);
    await study.openFromLibrary(pack);
    await expect(study.waiting()).toBeVisible();
  } finally {
    await second.close();
  }
});

test('U undoes the last answer (the card comes back as it was, its log row gone); M flags, S suspends', async ({
  page,
}) => {
  await openChapters(page, [INTRO]);
  const study = new StudyPage(page);
  await study.openFromLibrary(new LibraryPage(page).pack(COURSE_TITLE));
  const firstId = await study.currentId();
  // M flags (the card's revision moves on, and the answer is still accepted).
  await page.keyboard.press('m');
  await expect(study.card().getByRole('button', { name: /^Flag/ })).toHaveAttribute('aria-pressed', 'true');
  await study.studyOne();
  await expect(study.progressLabel()).toHaveText('2 of 3');
  const secondId = await study.currentId();
  expect(secondId).not.toBe(firstId);
  expect(await countRows(page, 'revlog')).toBe(1);

  await page.keyboard.press('u');
  await expect(study.card()).toHaveAttribute('data-question-id', firstId);
  await expect(study.card()).toHaveAttribute('data-phase', 'question');
  await expect(study.progressLabel()).toHaveText('1 of 3');
  await expect(study.message()).toContainText('Answer undone');
  expect(await countRows(page, 'revlog')).toBe(0);
  await expect(study.card().getByText('New question', { exact: true })).toBeVisible();

  // Answered again (Space continues too), it moves on as before.
  await study.studyOne('Space');
  await expect(study.card()).toHaveAttribute('data-question-id', secondId);
  expect(await countRows(page, 'revlog')).toBe(1);

  // S suspends the card on screen; U brings it back.
  await page.keyboard.press('s');
  await expect(study.card()).not.toHaveAttribute('data-question-id', secondId);
  await expect(study.message()).toContainText('Suspended');
  await page.keyboard.press('u');
  await expect(study.card()).toHaveAttribute('data-question-id', secondId);
  await expect(study.message()).toContainText('Unsuspended');
});

test('Read in context opens the chapter at the question’s section, highlighted; Study resumes', async ({
  page,
}) => {
  await openChapters(page, [TECH]);
  const study = new StudyPage(page);
  await study.openFromNav();
  const q = await study.answerRight();
  await page.keyboard.press('r');
  const reader = new ReaderPage(page);
  await expect(reader.title()).toHaveText(TECH);
  await expect(reader.highlighted()).toHaveCount(1);
  await expect(reader.highlighted()).toHaveAttribute('id', `section-${q.section}`);
  await expect(reader.highlighted()).toBeFocused();

  await study.openFromNav();
  await expect(study.card()).toHaveAttribute('data-question-id', q.id);
  await expect(study.card()).toHaveAttribute('data-phase', 'answered');
  await study.continue();
  expect(await countRows(page, 'revlog')).toBe(1);
});

test('with the clock moved on, the studied questions come due again', async ({ page }) => {
  await page.clock.install();
  await openChapters(page, [INTRO]);
  const pack = new LibraryPage(page).pack(COURSE_TITLE);
  const study = new StudyPage(page);
  await study.openFromLibrary(pack);
  const studied: string[] = [];
  for (let i = 0; i < 3; i++) studied.push((await study.studyOne()).id);
  // The flashcard (rated Good) is learning: the session waits for it and shows it when it falls due.
  await expect(study.waiting()).toBeVisible();
  await page.clock.fastForward(11 * 60_000);
  await expect(study.card()).toHaveAttribute('data-question-id', 'intro-resilience');
  await expect(study.card().getByText('Learning', { exact: true })).toBeVisible();
  await study.studyOne();
  await expect(study.summary()).toBeVisible();
  await expect(study.summaryValue('Answered')).toHaveText('4');
  await expect(study.summaryValue('Correct')).toHaveText('100% (4 of 4)');
  await expect(study.summary()).toContainText(/Next review in \d+ days?/);
  await expectAccessible(page, 'on the session summary');

  await page.clock.fastForward(40 * DAY_MS);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library' }).focus();
  await page.keyboard.press('Enter');
  await expect(pack.getByTestId('pack-counts')).toHaveText(`Due 3 New ${COURSE_SIZE - 3}`);

  await study.openFromLibrary(pack);
  await expect(study.left()).toContainText('to review');
  await expect(study.progressLabel()).toHaveText('1 of 3');
  const seen: string[] = [];
  for (let i = 0; i < 3; i++) {
    const id = await study.currentId();
    seen.push(id);
    await study.studyOne();
  }
  expect(seen.sort()).toEqual([...studied].sort());
});
