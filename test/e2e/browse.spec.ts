/**
 * Browse (issue 15, item 4: "no way back to what you put away"): every question of every pack, found
 * by search and filters, several suspended, unsuspended and flagged at once by mouse and keyboard, a
 * question's history and its passage, and a self-test of the flagged questions; axe-clean in light
 * and dark, and no sideways overflow at 900×600 with text at 150 %.
 */
import { expect, expectAccessible, test } from './fixtures';
import { BrowsePage } from './pages/browse-page';
import { COURSE_TITLE, LibraryPage } from './pages/library-page';
import { ReaderPage } from './pages/reader-page';
import { SelfTestPage } from './pages/selftest-page';
import { loadCourseQuestions, StudyPage } from './pages/study-page';

/** The bundled course's question count. */
const COURSE_QUESTIONS = loadCourseQuestions().size;

test('Browse lists every question of the course and finds one by words, type and chapter', async ({
  page,
}) => {
  const browse = new BrowsePage(page);
  await browse.openFromNav();
  await expect(browse.count()).toHaveText(`${COURSE_QUESTIONS} questions shown of ${COURSE_QUESTIONS}`);
  await expectAccessible(page, 'on Browse');

  await browse.searchFor('microsoft INVEST 2019');
  await expect(browse.count()).toHaveText(new RegExp(`^[1-9]\\d* questions? shown of ${COURSE_QUESTIONS}$`));
  await expect(browse.row('How much did Microsoft invest in OpenAI in 2019?')).toBeVisible();

  await browse.searchFor('');
  await browse.filter('Type').selectOption({ label: 'Typed' });
  await browse.filter('Chapter').selectOption({ label: 'The Genesis of the Alliance' });
  await expect(browse.count()).toHaveText(new RegExp(`^[1-9]\\d* questions? shown of ${COURSE_QUESTIONS}$`));
  const cells = await browse
    .rows()
    .evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll('[role="gridcell"]')].map((c) => c.textContent ?? '')),
    );
  expect(cells.length).toBeGreaterThan(0);
  for (const [question, type] of cells) {
    expect(type).toBe('Typed');
    expect(question).toContain('The Genesis of the Alliance');
  }
  await browse.filter('Type').selectOption({ label: 'All types' });
  await expect.poll(() => browse.rows().count()).toBeGreaterThan(cells.length);
});

test('several questions are suspended, found by state, unsuspended and flagged, by mouse and by keyboard', async ({
  page,
}) => {
  const browse = new BrowsePage(page);
  await browse.openFromNav();
  await browse.filter('Chapter').selectOption({ label: 'Introduction' });
  const rows = browse.rows();
  const n = await rows.count();
  expect(n).toBeGreaterThanOrEqual(3);

  // Mouse: a click, then Shift-click: the first three rows.
  await rows.nth(0).click();
  await rows.nth(2).click({ modifiers: ['Shift'] });
  await expect(browse.selectedRows()).toHaveCount(3);
  await expect(browse.count()).toContainText('3 selected');
  await browse.run('Suspend', /Suspended: 3 questions/);
  for (let i = 0; i < 3; i++)
    await expect(rows.nth(i).getByRole('gridcell').nth(2)).toHaveText('New · Suspended');

  // The state filter finds exactly them, from anywhere in the library.
  await browse.filter('Chapter').selectOption({ label: 'All chapters' });
  await browse.filter('State').selectOption({ label: 'Suspended' });
  await expect(browse.count()).toContainText('3 questions shown');

  // Keyboard: Ctrl/Cmd-A chooses every row shown; Unsuspend them all.
  await browse.grid().focus();
  await page.keyboard.press('ControlOrMeta+a');
  await expect(browse.count()).toContainText('3 selected');
  await browse.run('Unsuspend', /Unsuspended: 3 questions/);
  await browse.filter('State').selectOption({ label: 'Any state' });
  await browse.filter('State').selectOption({ label: 'Suspended' });
  await expect(browse.count()).toContainText('0 questions shown');
  await expect(page.getByText('No question matches these filters.')).toBeVisible();

  // Keyboard: ↓ Space ↓ ↓ Space chooses the first and third rows; Flag them.
  await browse.filter('State').selectOption({ label: 'Any state' });
  await browse.filter('Chapter').selectOption({ label: 'Introduction' });
  await browse.grid().focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await expect(browse.selectedRows()).toHaveCount(2);
  await expect(browse.rows().nth(0)).toHaveAttribute('aria-selected', 'true');
  await expect(browse.rows().nth(2)).toHaveAttribute('aria-selected', 'true');
  await expect(browse.grid()).toHaveAttribute('aria-activedescendant', /row-2$/);
  await browse.run('Flag', /Flagged: 2 questions/);
  await browse.filter('State').selectOption({ label: 'Flagged' });
  await expect(browse.count()).toContainText('2 questions shown');
  await expectAccessible(page, 'on Browse with rows chosen');
});

test('a question studied shows its review in its history, and Read in context opens its passage', async ({
  page,
}) => {
  // New questions come in once their chapter is read (the default setting).
  await new LibraryPage(page).openChapter(COURSE_TITLE, 'Introduction');
  await new ReaderPage(page).title().waitFor();
  const study = new StudyPage(page);
  await study.openFromNav();
  const answered = await study.studyOne();

  const browse = new BrowsePage(page);
  await browse.openFromNav();
  await browse.filter('Chapter').selectOption({ label: 'Introduction' });
  const row = browse.grid().locator(`[data-key="openai-microsoft:${answered.id}"]`);
  await expect(row.getByRole('gridcell').nth(2)).toHaveText(/^(Learning|Review)$/);
  await row.click();
  await page.keyboard.press('Enter');
  const history = browse.history();
  await expect(history).toBeVisible();
  const reviews = history.getByRole('table').getByRole('row');
  await expect(reviews).toHaveCount(2); // the header and the one review
  await expect(reviews.nth(1).getByRole('cell').nth(1)).toHaveText(/^(Again|Hard|Good|Easy)$/);
  await expect(reviews.nth(1).getByRole('cell').nth(3)).not.toHaveText('');
  await expectAccessible(page, 'on the history dialog');

  await history.getByRole('button', { name: 'Read in context' }).click();
  const reader = new ReaderPage(page);
  await reader.title().waitFor();
  await expect(reader.highlighted()).toHaveCount(1);
  expect(answered.section).toBeTruthy();
  await expect(reader.highlighted()).toHaveAttribute('id', `section-${answered.section}`);
});

test('a self-test can draw from flagged questions only', async ({ page }) => {
  const browse = new BrowsePage(page);
  await browse.openFromNav();
  await browse.searchFor('Microsoft invest');
  const rows = browse.rows();
  await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(2);
  await rows.nth(0).click();
  await rows.nth(1).click({ modifiers: ['ControlOrMeta'] });
  await browse.run('Flag', /Flagged: 2 questions/);

  const selftest = new SelfTestPage(page);
  await selftest.openFromNav();
  await selftest.setChecked(selftest.setup().getByRole('checkbox', { name: 'Flagged only' }), true);
  await expect(selftest.setup()).toContainText('2 flagged questions match; the test will ask 2.');
  await expectAccessible(page, 'on the self-test setup with Flagged only');
  await selftest.start();
  await expect(selftest.progressLabel()).toContainText('of 2');
});

test('Browse passes axe in the dark theme and does not overflow sideways at 900×600 with text at 150 %', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 900, height: 600 });
  const browse = new BrowsePage(page);
  await browse.openFromNav();
  await page.evaluate(() => document.documentElement.style.setProperty('--font-scale', '1.5'));
  await browse.rows().first().click();
  expect(await browse.overflowsSideways()).toBe(false);
  await expectAccessible(page, 'on Browse in the dark theme at 150 %');
});
