/**
 * Daily use as Anki and Quizlet users expect (issue 15): an imported pack is studied at once, an
 * empty Study says why and offers the way on, notices leave, no key does two things, Read in context
 * marks the evidence and comes back, "I was right" overrides a grade, and the figures agree.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { readRows } from './pages/db-rows';
import { ImportPage } from './pages/import-page';
import { COURSE_TITLE, LibraryPage } from './pages/library-page';
import { ReaderPage } from './pages/reader-page';
import { SettingsPage } from './pages/settings-page';
import { StudyPage } from './pages/study-page';

const DECK = 'Daily deck';
/** A plain GIFT pack: its one chapter is a heading with no text to read. */
const DECK_GIFT = `// [pack-id:daily-deck] [title:${DECK}]
$CATEGORY: Facts

// [id:sky]
The sky is blue.{T}

// [id:capital]
::Capital::What is the capital of France?{=Paris}

// [id:deal]
::Deal::How large was Microsoft's first investment, in words?{=one billion dollars}
`;

const INTRO = 'Introduction';
const TECH = 'Technical and Infrastructure Challenges';

async function importDeck(page: Page): Promise<Locator> {
  await new ImportPage(page).importText('daily.gift', DECK_GIFT);
  const library = new LibraryPage(page);
  await library.open();
  return library.pack(DECK);
}

async function goTo(page: Page, screen: 'Library' | 'Study' | 'Settings'): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: screen }).click();
  await page.getByRole('heading', { level: 1, name: screen }).waitFor();
}

function overlaps(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

test('imported packs cannot be studied: a pack whose chapters have no text is open from the start', async ({
  page,
}) => {
  const pack = await importDeck(page);
  await expect(pack.getByRole('listitem').filter({ hasText: 'Facts' })).toContainText('Questions only');
  const study = new StudyPage(page);
  await study.openFromLibrary(pack);
  await expect(study.card()).toHaveAttribute('data-question-id', 'sky');
  await expect(study.progressLabel()).toHaveText('1 of 3');
});

test('an empty Study names the real reason and offers the action: open the unread chapter, raise today’s limit once', async ({
  page,
}) => {
  // The bundled course has text: its new questions wait until a chapter is opened.
  const study = new StudyPage(page);
  await study.openFromNav();
  await expect(study.summary()).toBeVisible();
  await expect(study.emptyReasons()).toContainText(
    /\d+ new questions wait in \d+ chapters you have not opened yet/,
  );
  await expectAccessible(page, 'on the empty Study');
  await study
    .emptyReasons()
    .getByRole('button', { name: `Open “${INTRO}”` })
    .click();
  await expect(new ReaderPage(page).title()).toHaveText(INTRO);

  // Today's limit is 0 new: Study says so, and "Study 1 more new today" lets one in, once.
  const pack = await importDeck(page);
  const settings = new SettingsPage(page);
  await settings.open();
  await settings.field('New questions per day').fill('0');
  await goTo(page, 'Library');
  await study.openFromLibrary(pack);
  await expect(study.emptyReasons()).toContainText('Today’s limit of new questions is reached');
  await expect(study.emptyReasons()).toContainText('3 new questions wait');
  await study.emptyReasons().getByRole('button', { name: 'Study 1 more new today' }).click();
  await expect(study.card()).toHaveAttribute('data-question-id', 'sky');
  await expect(study.progressLabel()).toHaveText('1 of 1');
});

test('notices never leave: successes leave by themselves (not while hovered), at most three, never over a modal or the focused control', async ({
  page,
}) => {
  await page.clock.install();
  // Narrow, so that the stack (bottom right) spans the card's End session button.
  await page.setViewportSize({ width: 700, height: 500 });
  const pack = await importDeck(page);
  const study = new StudyPage(page);
  await study.openFromLibrary(pack);
  await expect(study.card()).toHaveAttribute('data-question-id', 'sky');
  const notices = page.getByTestId('notices').locator('.notice');
  // Nothing to undo: each U says so.
  for (let i = 0; i < 5; i++) await page.keyboard.press('u');
  await expect(notices).toHaveCount(3);

  // The focused control is never under the stack: End session, scrolled to the bottom of the
  // window, is where the stack stands (it moves to the top).
  const end = study.card().getByRole('button', { name: /^End session/ });
  const stack = page.getByTestId('notices');
  const before = await stack.boundingBox();
  const endBox = await end.boundingBox();
  expect(before && endBox && before.x < endBox.x + endBox.width).toBe(true);
  await end.evaluate((el) => el.scrollIntoView({ block: 'end' }));
  await end.focus();
  await expect(stack).toHaveClass(/notices--top/);
  await expect
    .poll(async () =>
      overlaps(
        (await stack.boundingBox()) ?? { x: 0, y: 0, width: 0, height: 0 },
        (await end.boundingBox()) ?? { x: 0, y: 0, width: 0, height: 0 },
      ),
    )
    .toBe(false);

  // Hovered, they stay; let go, they leave after a few seconds.
  await notices.first().hover();
  await page.clock.fastForward(10_000);
  await expect(notices).toHaveCount(3);
  await page.mouse.move(5, 5);
  await page.clock.fastForward(7_000);
  await expect(notices).toHaveCount(0);

  // Under a modal dialog, a notice waits out of sight.
  await page.keyboard.press('u');
  await expect(notices).toHaveCount(1);
  await goTo(page, 'Library');
  await pack.getByRole('button', { name: `Remove ${DECK}` }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  const box = await stack.boundingBox();
  expect(box === null || box.width <= 1).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('keys collide: F on a true/false card answers False and M flags; after S, U undoes instead of typing into the next field', async ({
  page,
}) => {
  const pack = await importDeck(page);
  const study = new StudyPage(page);
  await study.openFromLibrary(pack);
  await expect(study.card()).toHaveAttribute('data-question-id', 'sky');
  await page.keyboard.press('m');
  await expect(study.flagButton()).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('f');
  await expect(study.card().getByRole('radio', { name: 'False' })).toBeChecked();
  await expect(study.flagButton()).toHaveAttribute('aria-pressed', 'true');

  // The Keyboard panel lists the one key map.
  await page.getByText('Keyboard', { exact: true }).click();
  const help = page.locator('.keyboard-help');
  await expect(help.locator('dt', { hasText: /^M$/ }).locator('xpath=following-sibling::dd')).toContainText(
    'Flag',
  );
  await expect(help.locator('dt', { hasText: /^F$/ }).locator('xpath=following-sibling::dd')).toHaveText(
    'Answer false',
  );
  await study.card().locator('[data-question-prompt="true"]').focus();

  // S suspends; the next card is a typed one, and "Press U to undo" must undo, not type a "u".
  await page.keyboard.press('s');
  await expect(study.card()).toHaveAttribute('data-question-id', 'capital');
  await expect(study.message()).toContainText('Press U to undo');
  await page.keyboard.press('u');
  await expect(study.card()).toHaveAttribute('data-question-id', 'sky');
  await expect(study.message()).toContainText('Unsuspended');
});

test('grading the way a teacher would: “I was right” overrides a wrong typed answer and is recorded; “billon” is a typo', async ({
  page,
}) => {
  const pack = await importDeck(page);
  const study = new StudyPage(page);
  await study.openFromLibrary(pack);
  await expect(study.card()).toHaveAttribute('data-question-id', 'sky');
  await page.keyboard.press('t');
  await page.keyboard.press('Enter');
  await study.continue();
  await expect(study.card()).toHaveAttribute('data-question-id', 'capital');
  await expect(study.answerField()).toBeFocused();
  await page.keyboard.type('Lutetia');
  await page.keyboard.press('Enter');
  await expect(study.verdict()).toContainText('Wrong');
  await expectAccessible(page, 'on a wrong typed answer');
  await page.keyboard.press('o');
  await expect(study.verdict()).toContainText('Counted as right');
  await expect(study.card().getByRole('button', { name: /^Continue: Good/ })).toBeFocused();
  await study.continue();
  const reviews = await readRows<{ cardKey: string; correct: number; rating: number; response: string }>(
    page,
    'revlog',
  );
  const capital = reviews.find((r) => r.cardKey === 'daily-deck:capital');
  expect(capital).toMatchObject({ correct: 1, rating: 3 });
  expect(JSON.parse(capital?.response ?? '{}')).toMatchObject({ text: 'Lutetia', overridden: true });

  await expect(study.card()).toHaveAttribute('data-question-id', 'deal');
  await page.keyboard.type('one billon dollars');
  await page.keyboard.press('Enter');
  await expect(study.verdict()).toContainText('Correct, with a typo');
});

test('Read in context marks the evidence sentence, not the whole section; Esc and “Back to the question” return to the same card', async ({
  page,
}) => {
  const library = new LibraryPage(page);
  await library.openChapter(COURSE_TITLE, TECH);
  await goTo(page, 'Library');
  const study = new StudyPage(page);
  await study.openFromLibrary(library.pack(COURSE_TITLE));
  let q = await study.answerRight();
  for (let i = 0; i < 8 && !q.evidence; i++) {
    await study.continue();
    q = await study.answerRight();
  }
  expect(q.evidence).toBeTruthy();
  await page.keyboard.press('r');
  const reader = new ReaderPage(page);
  await expect(reader.title()).toHaveText(TECH);
  await expect(reader.evidence().first()).toBeVisible();
  // One passage (in several pieces where it crosses bold or a link).
  const marked = (await reader.evidence().allTextContents()).join('').replace(/\s+/g, ' ');
  expect(marked).toBe((q.evidence ?? '').replace(/\s+/g, ' ').replace(/\*+/g, ''));
  await expect(reader.highlighted()).not.toHaveClass(/section--highlight/);
  await expectAccessible(page, 'in the reader with the evidence marked');

  await page.keyboard.press('Escape');
  await expect(study.card()).toHaveAttribute('data-question-id', q.id);
  await expect(study.card()).toHaveAttribute('data-phase', 'answered');

  await page.keyboard.press('r');
  await reader.backToQuestion().click();
  await expect(study.card()).toHaveAttribute('data-question-id', q.id);
  await expect(study.card()).toHaveAttribute('data-phase', 'answered');
});

test('honest figures: waiting for a learning card counts it as learning; after removing the bundled course the Library says how to get it back', async ({
  page,
}) => {
  const library = new LibraryPage(page);
  await library.openChapter(COURSE_TITLE, INTRO);
  await goTo(page, 'Library');
  const study = new StudyPage(page);
  await study.openFromLibrary(library.pack(COURSE_TITLE));
  for (let i = 0; i < 3; i++) await study.studyOne();
  await expect(study.waiting()).toBeVisible();
  await expect(study.left()).toContainText('1 learning');

  await goTo(page, 'Library');
  const course = library.pack(COURSE_TITLE);
  await course.getByRole('button', { name: /^Remove / }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Remove pack' }).click();
  await expect(course).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'No packs in your Library' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import a pack…' })).toBeVisible();
  await expectAccessible(page, 'on the empty Library');
  await library.restoreCourse().click();
  await expect(course).toBeVisible();
  await expect(library.restoreCourse()).toHaveCount(0);
});
