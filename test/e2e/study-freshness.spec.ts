/**
 * A study session's queue follows writes made elsewhere at the next card, with no timer and no
 * re-read on coming back to the screen: the import worker's write reaches the window only as Dexie's
 * change event, relayed over a BroadcastChannel (issue 14).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ImportPage } from './pages/import-page';
import { StudyPage } from './pages/study-page';

/** Plain GIFT packs: their one chapter is a heading with no text to read, so every question is new at once. */
const deck = (id: string, questions: string[]) =>
  `// [pack-id:${id}] [title:Deck ${id}]\n$CATEGORY: Facts\n\n${questions
    .map((q, i) => `// [id:${id}${i}]\n${q}{T}\n`)
    .join('\n')}`;

async function goToStudy(page: Page): Promise<StudyPage> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Study' }).click();
  const study = new StudyPage(page);
  await study.heading().waitFor();
  return study;
}

/** Answers the true/false card on screen (T, then Enter to check and Enter to continue). */
async function answerTrue(page: Page, study: StudyPage): Promise<void> {
  await study.card().waitFor();
  await page.keyboard.press('t');
  await page.keyboard.press('Enter');
  await expect(study.card()).toHaveAttribute('data-phase', 'answered');
  await study.continue();
}

test('a pack imported during a study session joins its queue at the next card (the import worker’s write marks it stale)', async ({
  page,
}) => {
  const importer = new ImportPage(page);
  await importer.importText('one.gift', deck('one', ['One is true.', 'Two is true.', 'Three is true.']));
  let study = await goToStudy(page);
  await answerTrue(page, study);
  await expect(study.left()).toHaveText('Left: 0 to review · 0 learning · 2 new');

  // Another pack arrives while the session runs: written by the import worker, not by this window.
  await importer.importText('two.gift', deck('two', ['Four is true.', 'Five is true.']));
  study = await goToStudy(page);
  // The same session goes on: the card left on screen, the counts as they were.
  await expect(study.left()).toHaveText('Left: 0 to review · 0 learning · 2 new');
  await answerTrue(page, study);
  // The next card comes from a queue read again: the new pack's questions are in it.
  await expect(study.left()).toHaveText('Left: 0 to review · 0 learning · 3 new');
});
