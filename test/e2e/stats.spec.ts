/**
 * Statistics: a review done in Study shows in the heatmap, the forecast and today's figures; the
 * hardest questions lead back to their passage; the screen passes axe in light and dark.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { parseBackup, serializeBackup } from '../../renderer/src/core/backup';
import { expect, expectAccessible, test } from './fixtures';
import { launchApp } from './launch';
import { COURSE_TITLE, LibraryPage } from './pages/library-page';
import { ReaderPage } from './pages/reader-page';
import { SettingsPage } from './pages/settings-page';
import { StatsPage } from './pages/stats-page';
import { StudyPage } from './pages/study-page';

const DAY_MS = 86_400_000;

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

test('the hardest questions lead back to their passage; Statistics in the dark theme passes axe', async () => {
  const saveDir = mkdtempSync(join(tmpdir(), 'lectern-stats-'));
  const app = await launchApp({ env: { LECTERN_TEST_SAVE_DIR: saveDir } });
  try {
    const { page } = app;
    const settings = new SettingsPage(page);
    await settings.open();
    await settings.theme('Dark').check();

    // A history with a question forgotten four times: export this install, edit that card, restore.
    await settings.section('Backups').getByRole('button', { name: 'Export backup…' }).click();
    await expect(page.getByRole('status')).toContainText('Backup saved to');
    const file = readdirSync(saveDir).find((n) => n.endsWith('.json')) ?? '';
    const parsed = parseBackup(readFileSync(join(saveDir, file), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.issues[0]?.message);
    const { tables } = parsed.backup;
    const pack = tables.packs[0];
    const chapter = pack?.chapters[3];
    const question = tables.questions.find((q) => q.chapterId === chapter?.id);
    if (!pack || !chapter || !question) throw new Error('the course has no fourth chapter with questions');
    const now = Date.now();
    const cards = tables.cards.map((c) =>
      c.key === question.key
        ? {
            ...c,
            state: 2 as const,
            lapses: 4,
            reps: 9,
            stability: 1.5,
            difficulty: 8,
            lastReview: now - DAY_MS,
            due: now + DAY_MS,
            scheduledDays: 2,
            elapsedDays: 1,
          }
        : c,
    );
    const edited = join(saveDir, 'edited-backup.json');
    writeFileSync(edited, serializeBackup({ ...tables, cards }, { createdAt: now, appVersion: 'e2e' }));
    await settings.restoreInput().setInputFiles(edited);
    await settings.dialog().getByRole('button', { name: 'Replace my data with this backup' }).click();
    await expect(settings.dialog()).toBeHidden();

    const stats = new StatsPage(page);
    await stats.open();
    const hardest = stats.section('Hardest questions').getByRole('listitem');
    await expect(hardest).toHaveCount(1);
    await expect(hardest).toContainText('4 lapses');
    await expect(hardest).toContainText(chapter.title);
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await expectAccessible(page, 'on Statistics in the dark theme');

    await hardest.getByRole('button', { name: 'Read in context' }).click();
    const reader = new ReaderPage(page);
    await expect(reader.title()).toHaveText(chapter.title);
    await expect(reader.highlighted()).toHaveAttribute('id', `section-${question.section}`);
  } finally {
    await app.close();
  }
});
