/**
 * Instructor packs in the app: a GIFT file dropped on the window is imported and studied; a broken
 * file shows every problem at its place and stores nothing; an update keeps progress by the rule;
 * File ▸ Import pack… and files opened from the OS; export and removal from the Library.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { launchApp } from './launch';
import { readReviews, readRows } from './pages/db-rows';
import { ImportPage } from './pages/import-page';
import { COURSE_TITLE, LibraryPage } from './pages/library-page';
import { StudyPage } from './pages/study-page';

const fixture = (path: string) => fileURLToPath(new URL(`../fixtures/packs/${path}`, import.meta.url));
const V1 = fixture('import/quiz-v1.gift');
const V2 = fixture('import/quiz-v2.gift');
const QUIZ = 'E2E quiz';

interface CardLike {
  key: string;
  state: number;
  reps: number;
  due: number;
  removed: number;
}

async function cardsOf(page: Page, packId: string): Promise<Map<string, CardLike>> {
  const cards = await readRows<CardLike & { packId: string }>(page, 'cards');
  return new Map(cards.filter((c) => c.packId === packId).map((c) => [c.key.split(':')[1] ?? '', c]));
}

/** Opens the quiz's chapter (its new questions enter the queue) and comes back to the Library. */
async function openQuizChapter(page: Page): Promise<void> {
  const library = new LibraryPage(page);
  await library.open();
  await library.openChapter(QUIZ, 'Basics');
  await page.getByRole('heading', { level: 1, name: 'Basics' }).waitFor();
  await library.open();
}

/** Answers the quiz question on screen right, by keyboard, and continues; returns its id. */
async function studyQuizQuestion(study: StudyPage): Promise<string> {
  const id = await study.currentId();
  const kb = study.page.keyboard;
  const answers: Record<string, string> = {
    capital: 'Paris',
    sky: 't',
    water: 't',
    gone: 'f',
    'new-one': 't',
  };
  const answer = answers[id];
  if (!answer) throw new Error(`unexpected question ${id}`);
  if (id === 'capital') await kb.type(answer);
  else await kb.press(answer);
  await kb.press('Enter');
  await expect(study.card()).toHaveAttribute('data-phase', 'answered');
  await study.continue();
  return id;
}

test('a GIFT file dropped on the window is imported after its summary and one of its questions is studied', async ({
  page,
}) => {
  const library = new LibraryPage(page);
  await library.heading().waitFor();
  const importer = new ImportPage(page);
  // Dropped on the Library: the window takes it and shows the import screen.
  await importer.dropPath(fixture('gift/all-types.gift'), 'quiz.gift');
  await expect(importer.heading()).toBeVisible();
  await expect(importer.summaryHeading()).toHaveText('Import “Moodle sampler”');
  await expect(importer.fact('Format detected')).toHaveText('Moodle GIFT');
  await expect(importer.fact('Questions')).toHaveText('18');
  await expect(page.getByRole('table', { name: 'Questions by type' })).toContainText('Multiple choice');
  await expect(page.getByRole('table', { name: 'Chapters' })).toContainText('Formats and escapes');
  // (Warnings shown with their place without blocking: import-moodle.spec.ts; this file now has none.)
  await expect
    .poll(() => page.evaluate(() => performance.getEntriesByName('lectern:import:start').length))
    .toBe(1);
  await expectAccessible(page, 'on the import summary');
  await importer.confirm();
  await expect
    .poll(() => page.evaluate(() => performance.getEntriesByName('lectern:import:end').length))
    .toBe(1);

  // The Library lists it with its counts; open a chapter and study one of its questions.
  await library.open();
  const pack = library.pack('Moodle sampler');
  await expect(pack).toContainText('18 questions');
  await library.openChapter('Moodle sampler', 'Week 1/2 basics');
  await page.getByRole('heading', { level: 1 }).filter({ hasText: 'basics' }).waitFor();
  await library.open();
  const study = new StudyPage(page);
  await study.openFromLibrary(pack);
  expect(await study.currentId()).toBe('mc-single');
  await expect(study.card()).toContainText('Which company invested $1 billion in 2019?');
  const microsoft = study
    .card()
    .getByRole('checkbox', { name: /Microsoft/ })
    .or(study.card().getByRole('radio', { name: /Microsoft/ }));
  await microsoft.focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: /Correct/ })).toBeVisible();
  await study.continue();
  const cards = await cardsOf(page, 'moodle-sampler');
  expect(cards.get('mc-single')).toMatchObject({ reps: 1, removed: 0 });
  // Only the studied question has a card row; the other 17 are new.
  expect(cards.size).toBe(1);
  const chunks = await readRows<{ packId: string; items: unknown[] }>(page, 'questionChunks');
  expect(chunks.filter((c) => c.packId === 'moodle-sampler').flatMap((c) => c.items)).toHaveLength(18);
});

test('a broken file shows every problem with its line and column and stores nothing', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.heading().waitFor();
  const importer = new ImportPage(page);
  await importer.open();
  await importer.dropPath(fixture('gift/broken.gift'));
  await expect(importer.problemsHeading()).toHaveText('10 problems in broken.gift — nothing was imported');
  await expect(importer.problems()).toHaveCount(10);
  await expect(importer.problemMessages().first()).toHaveText(
    'broken.gift:3:1: the question title is not closed: write it as ::title::',
  );
  await expect(importer.problemMessages().nth(6)).toHaveText('broken.gift:21:16: "abc" is not a number');
  await expect(page.getByRole('heading', { name: '1 warning' })).toBeVisible();
  await expectAccessible(page, 'on the problems of a broken file');

  // JSON problems carry the JSON path too. (Chosen with the file input, which the keyboard reaches.)
  await importer.fileInput().focus();
  await expect(importer.fileInput()).toBeFocused();
  await importer.fileInput().setInputFiles(fixture('json/broken-schema.json'));
  await expect(importer.problemsHeading()).toHaveText(
    /^\d+ problems in broken-schema\.json — nothing was imported$/,
  );
  await expect(importer.problemMessages().filter({ hasText: '$.questions[0].back' })).toHaveText(
    'broken-schema.json:13:5: $.questions[0].back: required property "back" is missing',
  );

  // An oversized file is refused before it is read, naming the file, its size and the limit.
  const big = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(65 * 1024 * 1024)], 'huge.gift'));
    return dt;
  });
  await page.dispatchEvent('body', 'drop', { dataTransfer: big });
  await expect(importer.problemsHeading()).toHaveText('1 problem in huge.gift — nothing was imported');
  await expect(importer.problems()).toHaveText(
    'huge.gift: the file is 65.0 MiB (68,157,440 bytes), over the limit of 64.0 MiB (67,108,864 bytes) for a pack: split it into smaller packs',
  );

  // Nothing was stored: the Library lists only the bundled course.
  await library.open();
  await expect(page.getByRole('article')).toHaveCount(1);
  await expect(library.pack(COURSE_TITLE)).toBeVisible();
  expect((await readRows<{ id: string }>(page, 'packs')).map((p) => p.id)).toEqual(['openai-microsoft']);
});

test('warnings are listed apart from errors, each under its source line with a caret', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.heading().waitFor();
  const importer = new ImportPage(page);
  await importer.open();
  // An Anki text file Anki imports: Lectern imports it too and says what it reads differently.
  await importer.dropFile('cards.txt', 'What is 2+2?,4\nonly a front\n,no front\n');
  await expect(importer.summaryHeading()).toBeVisible();
  const warnings = importer.problemList(/^2 warnings \(the pack can still be imported\)$/);
  await expect(warnings).toHaveCount(2);
  await expect(warnings.first().locator('code')).toHaveText(
    'cards.txt:2:1: warning: this note has an empty back: it is imported with an empty back, as Anki does',
  );
  await expect(warnings.first().locator('pre')).toHaveText('only a front\n^~~~');
  await expect(warnings.nth(1).locator('pre')).toHaveText(',no front\n^~~');
  await expectAccessible(page, 'on the warnings of an importable file');

  // A file with errors lists them first; its warnings come below, under their own heading.
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(importer.summaryHeading()).toBeHidden();
  await importer.dropFile('mixed.gift', '::T\nQ {=a ~b}\n\n// [tag:x]\n');
  await expect(importer.problemsHeading()).toBeVisible();
  await expect(importer.problemMessages().first()).toHaveText(/^mixed\.gift:1:1: /);
  await expect(importer.problems().first().locator('pre')).toHaveText(/^::T\n\^/);
  await expect(page.getByRole('heading', { level: 3, name: /^\d+ warnings?$/ })).toBeVisible();
  await expectAccessible(page, 'on errors and warnings with their source lines');
});

test('an update shows its summary first and keeps progress by the rule', async ({ page }) => {
  const importer = new ImportPage(page);
  await new LibraryPage(page).heading().waitFor();
  await importer.dropPath(V1);
  await expect(importer.summaryHeading()).toHaveText(`Import “${QUIZ}”`);
  await importer.confirm();

  // Study three questions: one to be reworded, one unchanged, one whose answer changes.
  await openQuizChapter(page);
  const study = new StudyPage(page);
  await study.openFromLibrary(new LibraryPage(page).pack(QUIZ));
  const studied = [];
  for (let i = 0; i < 3; i++) studied.push(await studyQuizQuestion(study));
  expect(studied).toEqual(['capital', 'sky', 'water']);
  const before = await cardsOf(page, 'e2e-quiz');
  for (const id of studied) expect(before.get(id)?.reps).toBe(1);

  await importer.dropPath(V2);
  await expect(importer.summaryHeading()).toHaveText(`Update “${QUIZ}”`);
  await expect(
    page.getByText(/unchanged questions and questions whose wording changed keep their progress/),
  ).toBeVisible();
  await expect(importer.updateCount('added')).toHaveText('1');
  await expect(importer.updateCount('reworded')).toHaveText('1');
  await expect(importer.updateCount('answerChanged')).toHaveText('1');
  await expect(importer.updateCount('removed')).toHaveText('1');
  await expect(importer.updateCount('unchanged')).toHaveText('1');
  await page.getByText('Changed answer: 1 question').click();
  await expect(page.getByRole('group').filter({ hasText: 'Changed answer' })).toContainText('water');
  await expectAccessible(page, 'on an update summary');
  // Nothing changed yet.
  expect(await cardsOf(page, 'e2e-quiz')).toEqual(before);
  await importer.confirm();
  await expect(importer.doneHeading()).toHaveText(`Updated “${QUIZ}”`);

  const after = await cardsOf(page, 'e2e-quiz');
  expect(after.get('capital')).toEqual(before.get('capital'));
  expect(after.get('sky')).toEqual(before.get('sky'));
  expect(after.get('water')).toMatchObject({ state: 0, reps: 0, removed: 0 });
  // Questions never studied have no card row: "gone" leaves as a removed question, "new-one" is new.
  expect(after.has('gone')).toBe(false);
  expect(after.has('new-one')).toBe(false);
  // The history stays, the restarted question's too.
  const reviews = await readReviews<{ cardKey: string }>(page);
  expect(reviews.filter((r) => r.cardKey.startsWith('e2e-quiz:'))).toHaveLength(3);
  const chunks = await readRows<{ items: { id: string; packId: string; question: { prompt?: string } }[] }>(
    page,
    'questionChunks',
  );
  const questions = chunks.flatMap((c) => c.items) as {
    id: string;
    packId: string;
    removed?: number;
    question: { prompt?: string };
  }[];
  expect(questions.find((q) => q.packId === 'e2e-quiz' && q.id === 'gone')?.removed).toBe(1);
  expect(questions.find((q) => q.packId === 'e2e-quiz' && q.id === 'capital')?.question.prompt).toBe(
    'Which city is the capital of France?',
  );

  // The Library: 4 questions; water and new-one are new, gone left the queue.
  const library = new LibraryPage(page);
  await library.open();
  await expect(library.pack(QUIZ)).toContainText('4 questions');
  await expect(library.pack(QUIZ).getByTestId('pack-counts')).toContainText('New 2');
});

test('File ▸ Import pack… opens the dialog and imports the chosen file; a file opened with Lectern is imported', async () => {
  const app = await launchApp({ env: { LECTERN_TEST_OPEN_FILES: JSON.stringify([V1]) } });
  try {
    const importer = new ImportPage(app.page);
    await new LibraryPage(app.page).heading().waitFor();
    await app.clickMenu(['File', 'Import pack…']);
    await expect(importer.heading()).toBeVisible();
    await expect(importer.summaryHeading()).toHaveText(`Import “${QUIZ}”`);
    await importer.confirm();
    // The OS opens another file with the running app.
    await app.openFiles([fixture('aiken/questions.txt')]);
    await expect(importer.summaryHeading()).toHaveText(/^Import “/);
    await expect(importer.fact('Format detected')).toHaveText('Aiken');
  } finally {
    await app.close();
  }
});

test('the Library exports a pack as Lectern JSON and GIFT and removes it after a confirmation', async () => {
  const saveDir = mkdtempSync(join(tmpdir(), 'lectern-export-'));
  const app = await launchApp({ env: { LECTERN_TEST_SAVE_DIR: saveDir }, args: [V1] });
  try {
    const page = app.page;
    const importer = new ImportPage(page);
    // Opened with Lectern at start-up: taken once the library is ready.
    await expect(importer.summaryHeading()).toHaveText(`Import “${QUIZ}”`);
    await importer.confirm();
    const library = new LibraryPage(page);
    await library.open();
    const pack = library.pack(QUIZ);
    await pack.getByRole('button', { name: `Export as Lectern JSON (${QUIZ})` }).click();
    await expect(page.getByRole('status').filter({ hasText: 'e2e-quiz.json' })).toBeVisible();
    await pack.getByRole('button', { name: `Export as GIFT (${QUIZ})` }).click();
    await expect(page.getByRole('status').filter({ hasText: 'e2e-quiz.gift' })).toBeVisible();
    expect(readdirSync(saveDir).sort()).toEqual(['e2e-quiz.gift', 'e2e-quiz.json']);
    const json = JSON.parse(readFileSync(join(saveDir, 'e2e-quiz.json'), 'utf8'));
    expect(json).toMatchObject({ format: 'lectern-pack', id: 'e2e-quiz', title: QUIZ });
    expect(json.questions).toHaveLength(4);
    expect(readFileSync(join(saveDir, 'e2e-quiz.gift'), 'utf8')).toContain('What is the capital of France?');

    await pack.getByRole('button', { name: `Remove ${QUIZ}` }).click();
    const dialog = page.getByRole('dialog', {
      name: `Remove ${QUIZ} and its 4 questions and review history?`,
    });
    await expect(dialog).toBeVisible();
    await expectAccessible(page, 'in the remove dialog');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(pack).toBeVisible();
    await pack.getByRole('button', { name: `Remove ${QUIZ}` }).click();
    await dialog.getByRole('button', { name: 'Remove pack' }).click();
    await expect(pack).toHaveCount(0);
    expect((await readRows<{ packId: string }>(page, 'cards')).some((c) => c.packId === 'e2e-quiz')).toBe(
      false,
    );
  } finally {
    await app.close();
  }
});

test('pack identity from the base name across formats: hostile.gift then hostile.csv are two packs, an update from another format asks first', async ({
  page,
}) => {
  const importer = new ImportPage(page);
  await new LibraryPage(page).heading().waitFor();
  await importer.importText('hostile.gift', '::g1:: The sky is blue {T}\n\n::g2:: Fire is cold {F}\n');
  await importer.open();
  await importer.dropFile('hostile.csv', 'Front,Back\nCapital of France,Paris\nCapital of Spain,Madrid\n');
  // A file of the same name but another format, without its own id, is a new pack: not "Update “hostile”".
  await expect(importer.summaryHeading()).toHaveText('Import “hostile”');
  await importer.confirm();
  const packs = await readRows<{ id: string; format: string; questionCount: number }>(page, 'packs');
  const hostile = packs
    .filter((p) => p.id.startsWith('hostile'))
    .map((p) => [p.id, p.format, p.questionCount]);
  expect(hostile.sort()).toEqual([
    ['hostile', 'gift', 2],
    ['hostile.csv', 'delimited', 2],
  ]);
  // Both packs are in the Library, each with both its questions live (questionCount counts live ones).
  const library = new LibraryPage(page);
  await library.open();
  await expect(library.pack('hostile')).toHaveCount(2);

  // A Lectern JSON file naming the GIFT pack's id is an update of it, and says the format changes first.
  const json = {
    format: 'lectern-pack',
    formatVersion: 1,
    id: 'hostile',
    title: 'hostile',
    language: 'en',
    version: '2',
    chapters: [{ id: 'c', title: 'C', sections: [{ id: 's', title: 'S', body: '' }] }],
    questions: [{ id: 'g1', section: 's', type: 'true-false', prompt: 'The sky is blue', answer: true }],
    discussions: [],
  };
  await importer.dropFile('hostile.json', JSON.stringify(json));
  await expect(importer.summaryHeading()).toHaveText('Update “hostile”');
  await expect(
    page.getByText('This pack was imported from Moodle GIFT; this file is Lectern JSON.'),
  ).toBeVisible();
  await expectAccessible(page, 'on an update from another format');
  // Nothing is stored until the student confirms.
  expect(
    (await readRows<{ id: string; format: string }>(page, 'packs')).find((p) => p.id === 'hostile')?.format,
  ).toBe('gift');
  await page.getByRole('button', { name: 'Cancel' }).click();
  expect(
    (await readRows<{ id: string; format: string }>(page, 'packs')).find((p) => p.id === 'hostile')?.format,
  ).toBe('gift');
});
