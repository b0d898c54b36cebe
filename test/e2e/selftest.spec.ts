/**
 * Self-test before a discussion, by keyboard: an exam with a time limit in which the time runs out
 * (Playwright's clock), a report with the per-chapter breakdown and the misses, a schedule left
 * untouched, the misses sent to today's study, and the discussion sheet saved as Markdown and PDF.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { launchApp } from './launch';
import { COURSE_TITLE, LibraryPage } from './pages/library-page';
import { ReaderPage } from './pages/reader-page';
import { DiscussionPage, SelfTestPage } from './pages/selftest-page';
import { loadCourseQuestions } from './pages/study-page';
import { extractPdfText, squashSpace } from './pdf-text';

/** The bundled course's question count (all new on a fresh install). */
const COURSE_SIZE = loadCourseQuestions().size;

// Each test launches the app (twice for the relaunch) and renders a PDF: room for a busy machine.
test.describe.configure({ timeout: 120_000 });

const DAY_MS = 86_400_000;
const TECH = 'Technical and Infrastructure Challenges';
const TECH_ID = 'technical-challenges';
const PACK_ID = 'openai-microsoft';

/**
 * Makes every question of one chapter a studied card, due in 20 days, written straight into the
 * app's IndexedDB (the way a month of studying would leave them). Questions are stored a hundred to a
 * chunk record and have no card row until studied, so the rows are made here from the chunks; a raw
 * write bypasses the app's Dexie middleware, so the card index fields (`dueKey`, `startedOrder`) are
 * set as it would set them.
 */
async function seedStudiedChapter(page: Page, packId: string, chapterId: string): Promise<number> {
  return page.evaluate(
    ({ packId, chapterId, DAY_MS }) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('lectern');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['questionChunks', 'cards'], 'readwrite');
          const cards = tx.objectStore('cards');
          const now = Date.now();
          let n = 0;
          const range = IDBKeyRange.bound([packId, -Infinity], [packId, Infinity]);
          const req = tx.objectStore('questionChunks').getAll(range);
          req.onsuccess = () => {
            const chunks = req.result as {
              items: { key: string; order: number; chapterId: string; removed: number }[];
            }[];
            for (const q of chunks.flatMap((c) => c.items)) {
              if (q.chapterId !== chapterId || q.removed) continue;
              n++;
              const due = now + 20 * DAY_MS;
              cards.put({
                key: q.key,
                packId,
                chapterId,
                order: q.order,
                state: 2,
                due,
                stability: 30,
                difficulty: 5,
                elapsedDays: 2,
                scheduledDays: 22,
                learningSteps: 0,
                reps: 3,
                lapses: 0,
                lastReview: now - 2 * DAY_MS,
                suspended: 0,
                flagged: 0,
                removed: 0,
                rev: 1,
                dueKey: due,
                startedOrder: q.order,
              });
            }
          };
          tx.oncomplete = () => {
            db.close();
            resolve(n);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { packId, chapterId, DAY_MS },
  );
}

/** Every row of the cards and revlog stores, as JSON (the schedule, to compare before and after). */
async function readSchedule(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('lectern');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['cards', 'revlog'], 'readonly');
          const cards = tx.objectStore('cards').getAll();
          const reviews = tx.objectStore('revlog').getAll();
          tx.oncomplete = () => {
            db.close();
            resolve(JSON.stringify({ cards: cards.result, reviews: reviews.result }));
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

test('an exam runs out of time: report, schedule untouched, misses sent to study, discussion sheet as PDF', async () => {
  const saveDir = mkdtempSync(join(tmpdir(), 'lectern-sheet-'));
  const app = await launchApp({ env: { LECTERN_TEST_SAVE_DIR: saveDir } });
  try {
    const page = app.page;
    const library = new LibraryPage(page);
    const pack = library.pack(COURSE_TITLE);
    await expect(pack.getByTestId('pack-counts')).toContainText('Due 0');
    expect(await seedStudiedChapter(page, PACK_ID, TECH_ID)).toBe(7);
    const before = await readSchedule(page);

    // The page is already loaded: the fake clock takes over timers created from now on.
    await page.clock.install();
    const selftest = new SelfTestPage(page);
    await selftest.openFromLibrary(pack);
    await expect(selftest.setup()).toBeVisible();
    await expectAccessible(page, 'on the self-test setup');

    await selftest.chooseChapters(COURSE_TITLE, [TECH]);
    await selftest.fill(/^Number of questions/, '5');
    await selftest.setChecked(selftest.setup().getByRole('checkbox', { name: 'Set a time limit' }), true);
    await selftest.fill('Minutes', '5');
    await expect(selftest.setup().getByRole('radio', { name: 'Exam' })).toBeChecked();
    await expect(selftest.setup().getByRole('radio', { name: 'Weakest first' })).toBeChecked();
    await expect(selftest.scheduleSwitch()).not.toBeChecked();
    await expect(selftest.setup()).toContainText('7 questions match; the test will ask 5.');
    await selftest.start();

    await expect(selftest.progressLabel()).toHaveText('Question 1 of 5');
    await expect(selftest.timer()).toHaveText(/^(5:00|4:5\d)$/);
    await expectAccessible(page, 'on a self-test question');

    // Weakest first, ties in course order: the chapter's first question is a multiple choice.
    expect(await selftest.questionId()).toBe('technical-azure-strain');
    await selftest.press(selftest.question().getByRole('radio', { name: 'Energy consumption' }), 'Space');
    await selftest.next();
    expect(await selftest.questionId()).toBe('technical-match');
    await selftest.next();
    expect(await selftest.questionId()).toBe('technical-alignment-solved');
    // The widgets' keys: F answers "False" (right: alignment is not solved).
    await page.keyboard.press('f');
    await expect(selftest.question().getByRole('radio', { name: 'False' })).toBeChecked();
    await selftest.next();
    await expect(selftest.progressLabel()).toHaveText('Question 4 of 5');

    await page.clock.fastForward('05:00');
    await expect(selftest.report()).toBeVisible();
    await expect(selftest.report()).toContainText('The time ran out');
    await expect(selftest.report().getByRole('region', { name: 'Your result' })).toContainText(
      '20% — 1 of 5 right',
    );
    await expect(selftest.chapterRow(TECH)).toContainText('1 of 5');
    await expect(selftest.chapterRow(TECH)).toContainText('20%');
    await expect(selftest.missed()).toHaveCount(4);
    const wrong = selftest.missedQuestion('technical-azure-strain');
    await expect(wrong.getByTestId('given')).toHaveText('Energy consumption');
    await expect(wrong.getByTestId('expected')).toHaveText('Compute demands');
    await expect(wrong.getByRole('button', { name: /^Read in context/ })).toBeVisible();
    await expect(selftest.missedQuestion('technical-match').getByTestId('given')).toHaveText('Not answered');
    await expectAccessible(page, 'on the self-test report');

    // Exam without "Count toward my study schedule": no card and no review changed.
    expect(await readSchedule(page)).toBe(before);

    await selftest.press(selftest.report().getByRole('button', { name: 'Send missed to study' }));
    await expect(selftest.sentStatus()).toHaveText(
      "Sent to study: 4 questions are due now in today's study queue.",
    );

    // The discussion sheet of the tested chapter, with the facts missed.
    await selftest.press(selftest.report().getByRole('button', { name: 'Discussion sheet' }));
    const discussion = new DiscussionPage(page);
    await discussion.heading().waitFor();
    await expect(discussion.sheet()).toContainText(
      'Which of the four technical and infrastructure challenges',
    );
    await expect(discussion.sheet()).toContainText('Facts to review');
    await expect(discussion.sheet()).toContainText('You answered');
    await expectAccessible(page, 'on the discussion sheet');

    const mdPath = await discussion.save('Markdown');
    const markdown = readFileSync(mdPath, 'utf8');
    expect(markdown).toContain('# Discussion sheet: ');
    expect(markdown).toContain('Which of the four technical and infrastructure challenges');
    expect(markdown).toContain('Answer: Compute demands');

    const pdfPath = await discussion.save('PDF');
    const pdf = readFileSync(pdfPath);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/Type\s*\/Page\b/);
    // Words are placed by position and lines wrap anywhere: compare without whitespace.
    const text = squashSpace(extractPdfText(pdf));
    expect(text).toContain(squashSpace('Which of the four technical and infrastructure challenges'));
    expect(text).toContain(squashSpace('Which technical challenge does the article say strains Azure'));
    expect(text).toContain(squashSpace('You answered: Energy consumption'));

    // Today's queue has the four misses: the Library's due count shows them.
    await library.open();
    await expect(pack.getByTestId('pack-counts')).toContainText('Due 4');
  } finally {
    await app.close();
  }
});

test('a test left in the middle resumes with its answers and remaining time, after navigating away or a relaunch', async () => {
  const first = await launchApp();
  const userDataDir = first.userDataDir;
  try {
    const page = first.page;
    await new LibraryPage(page).heading().waitFor();
    await page.clock.install();
    const selftest = new SelfTestPage(page);
    await selftest.openFromNav();
    await selftest.chooseChapters(COURSE_TITLE, ['The Genesis of the Alliance']);
    await selftest.fill(/^Number of questions/, '5');
    await selftest.setChecked(selftest.setup().getByRole('checkbox', { name: 'Set a time limit' }), true);
    await selftest.fill('Minutes', '10');
    await selftest.start();

    // The first question is typed; the cursor is already in its field, Enter saves and moves on.
    expect(await selftest.questionId()).toBe('genesis-investment-amount');
    await expect(selftest.question().getByRole('textbox', { name: 'Your answer' })).toBeFocused();
    await page.keyboard.type('$1B');
    await page.keyboard.press('Enter');
    await expect(selftest.progressLabel()).toHaveText('Question 2 of 5');

    await page.clock.runFor('02:00');
    await expect(selftest.timer()).toHaveText(/^(8:00|7:5\d)$/);

    // Away for half an hour: the clock of the test stands still meanwhile.
    await new LibraryPage(page).open();
    await page.clock.fastForward('30:00');
    await selftest.openFromNav();
    const resume = page.getByRole('region', { name: 'You have a test in progress' });
    await expect(resume).toContainText('1 of 5 answered');
    await expect(resume).toContainText(/(8 min 00 s|7 min 5\d s) left/);
    await expectAccessible(page, 'on the resume offer');
    await selftest.press(resume.getByRole('button', { name: 'Resume your test' }));
    await expect(selftest.progressLabel()).toHaveText('Question 2 of 5');
    await expect(selftest.timer()).toHaveText(/^(8:00|7:5\d)$/);
  } finally {
    await first.close();
  }

  // Closing the app in the middle: the next launch offers the same test.
  const second = await launchApp({ userDataDir });
  try {
    const page = second.page;
    await new LibraryPage(page).heading().waitFor();
    const selftest = new SelfTestPage(page);
    await selftest.openFromNav();
    const resume = page.getByRole('region', { name: 'You have a test in progress' });
    await expect(resume).toContainText('1 of 5 answered');
    await expect(resume).toContainText(/(8 min 00 s|7 min [45]\d s) left/);
    await selftest.press(resume.getByRole('button', { name: 'Resume your test' }));
    await expect(selftest.progressLabel()).toHaveText('Question 2 of 5');
    await expect(selftest.timer()).toHaveText(/^(8:00|7:[45]\d)$/);
    await selftest.press(page.getByRole('button', { name: 'Previous' }));
    await expect(selftest.question().getByRole('textbox', { name: 'Your answer' })).toHaveValue('$1B');

    await selftest.press(page.getByRole('button', { name: 'Finish test' }));
    const dialog = page.getByRole('dialog', { name: 'Finish the test?' });
    await expect(dialog).toContainText('4 questions are not answered yet');
    await expect(dialog.getByRole('button', { name: 'Keep going' })).toBeFocused();
    await selftest.press(dialog.getByRole('button', { name: 'Finish now' }));
    await expect(selftest.report().getByRole('region', { name: 'Your result' })).toContainText(
      '20% — 1 of 5 right',
    );
    await expect(selftest.report()).not.toContainText('The time ran out');
    await expect(selftest.missed()).toHaveCount(4);
  } finally {
    await second.close();
  }
});

/** Counts rows of one of the app's IndexedDB stores. */
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

test('practice mode counted toward the schedule: feedback after each answer, Read in context, reviews recorded', async ({
  page,
}) => {
  const library = new LibraryPage(page);
  const pack = library.pack(COURSE_TITLE);
  await expect(pack.getByTestId('pack-counts')).toContainText(`New ${COURSE_SIZE}`);
  // A fresh install has no card rows: a question is new until it is first answered.
  expect(await countRows(page, 'cards')).toBe(0);
  const selftest = new SelfTestPage(page);
  await selftest.openFromLibrary(pack);
  await selftest.chooseChapters(COURSE_TITLE, ['Introduction']);
  await selftest.chooseRadio('Practice');
  await selftest.setChecked(selftest.scheduleSwitch(), true);
  await expect(selftest.setup()).toContainText('On: each answer is also recorded as a review');
  await expect(selftest.setup()).toContainText('3 questions match; the test will ask 3.');
  await selftest.start();
  await expect(selftest.progressLabel()).toHaveText('Question 1 of 3');
  await expect(selftest.timer()).toHaveCount(0);

  // 1: multiple choice, answered with its number key, then checked.
  expect(await selftest.questionId()).toBe('intro-advancements');
  await page.keyboard.press('1');
  await selftest.press(selftest.question().getByRole('button', { name: 'Check answer' }));
  const verdict = selftest.question().getByRole('heading', { level: 2, name: /Correct|Wrong|Partly right/ });
  await expect(verdict).toBeFocused();
  await expectAccessible(page, 'on practice feedback');
  expect(await countRows(page, 'revlog')).toBe(1);

  // Read in context, then back to the test: it is offered for resuming where it was.
  await selftest.press(selftest.question().getByRole('button', { name: 'Read in context' }));
  const reader = new ReaderPage(page);
  await expect(reader.title()).toHaveText('Introduction');
  await expect(reader.highlighted()).toHaveAttribute('id', /introduction-overview/);
  await selftest.openFromNav();
  await selftest.press(page.getByRole('button', { name: 'Resume your test' }));
  await expect(selftest.progressLabel()).toHaveText('Question 1 of 3');
  await expect(verdict).toBeVisible();
  await selftest.press(page.getByRole('button', { name: 'Next question' }));

  // 2: true/false by its key; Enter (the focus is still on the prompt) checks it.
  expect(await selftest.questionId()).toBe('intro-free-of-tension');
  await page.keyboard.press('f');
  await page.keyboard.press('Enter');
  await expect(selftest.question().getByRole('heading', { level: 2, name: 'Correct' })).toBeFocused();
  await selftest.press(page.getByRole('button', { name: 'Next question' }));

  // 3: a flashcard: Enter shows the answer, then say whether you knew it.
  expect(await selftest.questionId()).toBe('intro-resilience');
  await page.keyboard.press('Enter');
  await selftest.press(selftest.question().getByRole('button', { name: 'I knew it' }));
  await expect(selftest.question().getByRole('heading', { level: 2, name: 'Correct' })).toBeVisible();
  await selftest.press(page.getByRole('button', { name: 'See the report' }));
  await expect(selftest.report()).toContainText('This test counted toward it');
  await expect(selftest.chapterRow('Introduction')).toBeVisible();
  expect(await countRows(page, 'revlog')).toBe(3);
  // Each counted answer gave its never-studied question a card row.
  expect(await countRows(page, 'cards')).toBe(3);

  await library.open();
  await expect(pack.getByTestId('pack-counts')).toContainText(`New ${COURSE_SIZE - 3}`);

  // The discussion sheet on its own, from the Library: every chapter's prompts, no missed facts.
  await selftest.press(pack.getByRole('button', { name: /^Discussion sheet/ }));
  const discussion = new DiscussionPage(page);
  await discussion.heading().waitFor();
  await expect(discussion.sheet()).toContainText('Was the 2019 deal a fair exchange?');
  await expect(discussion.sheet()).toContainText('For discussion');
  await expect(discussion.sheet()).not.toContainText('Facts to review');
});
