/**
 * Statistics: a review done in Study shows in the heatmap, the forecast and today's figures; the
 * hardest questions lead back to their passage; the screen passes axe in light and dark.
 */
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { COURSE_TITLE, LibraryPage } from './pages/library-page';
import { ReaderPage } from './pages/reader-page';
import { SettingsPage } from './pages/settings-page';
import { StatsPage } from './pages/stats-page';
import { loadCourseQuestions, StudyPage } from './pages/study-page';

const DAY_MS = 86_400_000;
const PACK_ID = 'openai-microsoft';
/** The bundled course's question count (all new on a fresh install). */
const COURSE_SIZE = loadCourseQuestions().size;

/** Today's local date in the app window, as the statistics file it (day starts at midnight). */
function localToday(page: Page): Promise<string> {
  return page.evaluate(() => {
    const d = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  });
}

test('a review just done shows in the heatmap, the forecast and the figures of today', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.openChapter(COURSE_TITLE, 'Introduction');
  await new ReaderPage(page).title().waitFor();

  const stats = new StatsPage(page);
  await stats.open();
  const today = await localToday(page);
  await expect(stats.heatmapCell(today)).toHaveAttribute('data-count', '0');
  await expect(stats.figure('Reviews today')).toHaveText('0');
  await expect(stats.heatmap()).toHaveAccessibleName(/0 reviews on 0 days/);
  await expectAccessible(page, 'on Statistics before any review');

  const study = new StudyPage(page);
  await study.openFromNav();
  await study.studyOne();

  await stats.open();
  await expect(stats.heatmapCell(today)).toHaveAttribute('data-count', '1');
  await expect(stats.heatmap()).toHaveAccessibleName(/1 review on 1 day/);
  await expect(stats.figure('Reviews today')).toHaveText('1');
  await expect(stats.figure('Current streak')).toContainText('1 day');

  const heat = await stats.chartTable('Reviews per day, last 365 days');
  await expect(heat.getByRole('row')).toHaveCount(2); // the header and today
  await expect(heat.getByRole('row').nth(1).getByRole('cell').first()).toHaveText('1');
  // The question answered is due again within the forecast (learning: today; graduated: in days).
  const forecast = await stats.chartTable(/^Due in the next 30 days/);
  await expect(stats.chart(/^Due in the next 30 days/)).toContainText(
    '1 review falls due in the next 30 days',
  );
  await expect(forecast.getByRole('cell', { name: '1', exact: true })).toHaveCount(1);
  await expect(forecast.getByRole('cell', { name: '0', exact: true })).toHaveCount(29);
  const intro = stats.section('Progress').getByRole('row', { name: /^Introduction/ });
  await expect(intro.getByRole('cell').last()).toHaveText('2'); // new left: 3 questions, 1 answered
  await expectAccessible(page, 'on Statistics after a review, tables open');
});

/** A question forgotten four times, as a semester of studying might leave one. */
interface HardSeed {
  chapterTitle: string;
  section: string;
}

/**
 * Gives the first question of the course's fourth chapter a studied card row with four lapses,
 * written straight into the app's IndexedDB (questions are stored a hundred to a chunk record and a
 * card row exists only once a question is studied). A raw write bypasses the app's Dexie middleware,
 * so the card index fields are set as it would set them.
 */
async function seedHardQuestion(page: Page, packId: string): Promise<HardSeed> {
  return page.evaluate(
    ({ packId, DAY_MS }) =>
      new Promise<HardSeed>((resolve, reject) => {
        const open = indexedDB.open('lectern');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['packs', 'questionChunks', 'cards'], 'readwrite');
          let out: HardSeed | null = null;
          const packReq = tx.objectStore('packs').get(packId);
          packReq.onsuccess = () => {
            const pack = packReq.result as { chapters: { id: string; title: string }[] };
            const chapter = pack.chapters[3];
            const range = IDBKeyRange.bound([packId, -Infinity], [packId, Infinity]);
            const chunksReq = tx.objectStore('questionChunks').getAll(range);
            chunksReq.onsuccess = () => {
              const items = (
                chunksReq.result as {
                  items: { key: string; order: number; chapterId: string; section: string }[];
                }[]
              ).flatMap((c) => c.items);
              const q = items.find((i) => i.chapterId === chapter?.id);
              if (!chapter || !q) return;
              const now = Date.now();
              const due = now + DAY_MS;
              tx.objectStore('cards').put({
                key: q.key,
                packId,
                chapterId: q.chapterId,
                order: q.order,
                state: 2,
                due,
                stability: 1.5,
                difficulty: 8,
                elapsedDays: 1,
                scheduledDays: 2,
                learningSteps: 0,
                reps: 9,
                lapses: 4,
                lastReview: now - DAY_MS,
                suspended: 0,
                flagged: 0,
                removed: 0,
                rev: 9,
                dueKey: due,
                startedOrder: q.order,
              });
              out = { chapterTitle: chapter.title, section: q.section };
            };
          };
          tx.oncomplete = () => {
            db.close();
            if (out) resolve(out);
            else reject(new Error('the course has no fourth chapter with questions'));
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { packId, DAY_MS },
  );
}

test('the hardest questions lead back to their passage; Statistics in the dark theme passes axe', async ({
  page,
}) => {
  const settings = new SettingsPage(page);
  await settings.open();
  await settings.theme('Dark').check();
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  const hard = await seedHardQuestion(page, PACK_ID);

  const stats = new StatsPage(page);
  await stats.open();
  const hardest = stats.section('Hardest questions').getByRole('listitem');
  await expect(hardest).toHaveCount(1);
  await expect(hardest).toContainText('4 lapses');
  await expect(hardest).toContainText(hard.chapterTitle);
  // One studied question: the rest of the course is new (it has no card rows).
  const course = stats.section('Progress').getByRole('row', { name: COURSE_TITLE });
  await expect(course.getByRole('cell').first()).toHaveText(String(COURSE_SIZE));
  await expect(course.getByRole('cell').last()).toHaveText(String(COURSE_SIZE - 1));
  await expectAccessible(page, 'on Statistics in the dark theme');

  await hardest.getByRole('button', { name: 'Read in context' }).click();
  const reader = new ReaderPage(page);
  await expect(reader.title()).toHaveText(hard.chapterTitle);
  await expect(reader.highlighted()).toHaveAttribute('id', `section-${hard.section}`);
});
