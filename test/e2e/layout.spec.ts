/**
 * Layout at the sizes people use: at 900×600 with text at 150 % the Statistics table and chart labels
 * ran off the window; every screen must fit its width (no sideways scrolling, nothing wider than the
 * window). At 1600×1000 the reader's text and the tables use the room instead of a narrow column. A
 * heading the app focuses on navigation shows no focus ring the user did not ask for.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { launchApp } from './launch';
import { COURSE_TITLE, LibraryPage } from './pages/library-page';
import { ReaderPage } from './pages/reader-page';
import { SelfTestPage } from './pages/selftest-page';
import { SettingsPage } from './pages/settings-page';
import { StatsPage } from './pages/stats-page';
import { StudyPage } from './pages/study-page';
import { SyncPage } from './pages/sync-page';

test.describe.configure({ timeout: 180_000 });

const INTRO = 'Introduction';
const TECH = 'Technical and Infrastructure Challenges';

/**
 * What runs past the window's width: the document's own sideways scroll, and every visible element
 * whose box reaches past the left or right edge (described by tag, class and text, for the message).
 */
async function overflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const width = root.clientWidth;
    const out: string[] = [];
    if (root.scrollWidth > width) out.push(`the page scrolls sideways: ${root.scrollWidth} > ${width}`);
    for (const el of document.body.querySelectorAll('*')) {
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      if (el.closest('.visually-hidden, .skip-link')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const name = () =>
        `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} “${(el.textContent ?? '').trim().slice(0, 40)}”`;
      if (r.right > width + 0.5 || r.left < -0.5 || r.width > width + 0.5) {
        out.push(`${name()} [${Math.round(r.left)}..${Math.round(r.right)}] is past the window`);
      }
      // A box that scrolls sideways inside the page is overflow too (a form field's own text aside).
      const scrolls = /auto|scroll|hidden/.test(style.overflowX) && !el.matches('input, textarea, select');
      if (scrolls && el.scrollWidth > el.clientWidth + 1) {
        out.push(`${name()} scrolls sideways: ${el.scrollWidth} > ${el.clientWidth}`);
      }
      // Tables, charts and pictures stay inside the box that holds them.
      const parent = el.parentElement;
      if (parent && el.matches('table, canvas, svg, img, pre')) {
        const p = parent.getBoundingClientRect();
        const pad = getComputedStyle(parent);
        const inner = p.right - parseFloat(pad.paddingRight) - parseFloat(pad.borderRightWidth);
        if (r.right > inner + 1) out.push(`${name()} runs ${Math.round(r.right - inner)} px past its box`);
      }
    }
    return out;
  });
}

async function expectFits(page: Page, screen: string): Promise<void> {
  // Layout settles after fonts and charts draw; then nothing may stick out.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  expect.soft(await overflow(page), `${screen} overflows at 900×600 with text at 150 %`).toEqual([]);
}

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true });

test('at 900×600 with text at 150 % the Statistics table and chart labels overflowed: no screen is wider than the window', async ({
  page,
}) => {
  await page.setViewportSize({ width: 900, height: 600 });
  const settings = new SettingsPage(page);
  await settings.open();
  await settings.section('Appearance').getByLabel('Text size').selectOption({ label: 'Largest (150%)' });
  await expect.poll(() => settings.appearance()).toMatchObject({ fontScale: '1.5' });
  await expectFits(page, 'Settings');

  const library = new LibraryPage(page);
  await library.open();
  await expectFits(page, 'Library');

  // Reader (opening the two chapters lets their questions into Study: one of every type).
  for (const title of [INTRO, TECH]) {
    await library.open();
    await library.openChapter(COURSE_TITLE, title);
    await expect(new ReaderPage(page).title()).toHaveText(title);
    await expectFits(page, `Reader (${title})`);
  }

  // Study: every question type, asked and answered.
  await library.open();
  const study = new StudyPage(page);
  await study.openFromLibrary(library.pack(COURSE_TITLE));
  const seen = new Set<string>();
  for (let i = 0; i < 10; i++) {
    const id = await study.currentId();
    const type = study.questions.get(id)?.type ?? 'unknown';
    if (!seen.has(type)) await expectFits(page, `Study, a ${type} question`);
    await study.answerRight();
    if (!seen.has(type)) await expectFits(page, `Study, a ${type} question answered`);
    seen.add(type);
    await study.continue();
  }
  await expect(study.waiting()).toBeVisible();
  await expectFits(page, 'Study, nothing else due yet');
  expect(seen.size, `question types seen: ${[...seen].join(', ')}`).toBeGreaterThanOrEqual(6);

  // Self-test: setup, running, report.
  const selftest = new SelfTestPage(page);
  await selftest.openFromNav();
  await expectFits(page, 'Self-test setup');
  await selftest.fill('Number of questions', '5');
  await selftest.start();
  await expect(selftest.question()).toBeVisible();
  await expectFits(page, 'Self-test running');
  for (let i = 0; i < 4; i++) await selftest.next();
  await selftest.press(page.getByRole('button', { name: 'Finish test' }));
  const finish = page.getByRole('dialog', { name: 'Finish the test?' });
  await expectFits(page, 'Self-test, the finish dialog');
  await selftest.press(finish.getByRole('button', { name: 'Finish now' }));
  await expect(selftest.report()).toBeVisible();
  await expectFits(page, 'Self-test report');

  // Discussion sheet (from the Library card).
  await library.open();
  await library
    .pack(COURSE_TITLE)
    .getByRole('button', { name: /^Discussion sheet/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Discussion sheet' })).toBeVisible();
  await expectFits(page, 'Discussion sheet');

  const stats = new StatsPage(page);
  await stats.open();
  await expect(stats.heatmap()).toBeVisible();
  await expectFits(page, 'Statistics');

  await nav(page, 'Import').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import a pack' })).toBeVisible();
  await expectFits(page, 'Import');
});

test('the About dialog fits at 900×600 with text at 150 %', async ({ app, page }) => {
  await page.setViewportSize({ width: 900, height: 600 });
  const settings = new SettingsPage(page);
  await settings.open();
  await settings.section('Appearance').getByLabel('Text size').selectOption({ label: 'Largest (150%)' });
  await expect.poll(() => settings.appearance()).toMatchObject({ fontScale: '1.5' });
  await app.clickMenu(['Help', 'About Lectern']);
  await expect(page.getByRole('dialog', { name: 'About Lectern' })).toBeVisible();
  await expectFits(page, 'About');
});

test('at 1600×1000 the reader and the tables were left in a narrow column: they use the window’s width', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  const library = new LibraryPage(page);
  await library.openChapter(COURSE_TITLE, TECH);
  await expect(new ReaderPage(page).title()).toHaveText(TECH);
  // The contents sit beside the text, which keeps a readable measure: the screen uses the room.
  const reader = await page.locator('article.reader').boundingBox();
  expect(reader?.width ?? 0, 'the reader’s width').toBeGreaterThan(1150);
  const toc = await new ReaderPage(page).contents().boundingBox();
  const text = await page.locator('article.reader section').first().boundingBox();
  expect((toc?.x ?? 0) + (toc?.width ?? 0), 'the contents end left of the text').toBeLessThan(text?.x ?? 0);
  expect(text?.width ?? 0, 'the text column’s width').toBeGreaterThan(760);

  const stats = new StatsPage(page);
  await stats.open();
  const table = page.locator('main table').first();
  await expect(table).toBeVisible();
  const box = await table.boundingBox();
  expect(box?.width ?? 0, 'the statistics table’s width').toBeGreaterThan(1200);
});

test('a heading focused when a screen opens showed a focus ring the user never asked for', async ({
  page,
}) => {
  const library = new LibraryPage(page);
  await expect(library.heading()).toBeFocused();
  const ring = () => library.heading().evaluate((h) => getComputedStyle(h).outlineStyle);
  expect(await ring()).toBe('none');
  // Also after navigating by keyboard: the heading takes focus for screen readers, without a ring.
  await nav(page, 'Statistics').focus();
  await page.keyboard.press('Enter');
  const heading = page.getByRole('heading', { level: 1, name: 'Statistics' });
  await expect(heading).toBeFocused();
  expect(await heading.evaluate((h) => getComputedStyle(h).outlineStyle)).toBe('none');
  // A control the user reaches by keyboard still shows its ring.
  await page.keyboard.press('Tab');
  const focused = page.locator(':focus');
  expect(await focused.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
});

test('Settings ▸ Sync fits at 900×600 with text at 150 %, with a long folder path and an unreadable file listed', async () => {
  const folder = join(
    mkdtempSync(join(tmpdir(), 'lectern-sync-layout-')),
    // No spaces or hyphens: a line may break nowhere unless the screen lets it.
    'ARatherLongFolderNameThatACloudDriveGivesItsFolders_LecternSyncSharedWithMyOtherComputer',
  );
  const other = join(folder, 'lectern-sync', 'devices', 'otherdevice0123456789');
  mkdirSync(other, { recursive: true });
  writeFileSync(
    join(other, '0000000001_conflictedcopyfromanothermachine_20261207_123456789012345678901234567890.jsonl'),
    'not ours\n',
  );
  const app = await launchApp({ env: { LECTERN_SYNC_DIR: folder } });
  try {
    const page = app.page;
    await page.setViewportSize({ width: 900, height: 600 });
    const settings = new SettingsPage(page);
    await settings.open();
    await settings.section('Appearance').getByLabel('Text size').selectOption({ label: 'Largest (150%)' });
    await expect.poll(() => settings.appearance()).toMatchObject({ fontScale: '1.5' });
    const sync = new SyncPage(page);
    await expect(sync.unreadable()).toContainText('otherdevice0123456789', { timeout: 30_000 });
    await sync.section().getByText('What is synced').click();
    await expectFits(page, 'Settings ▸ Sync');
  } finally {
    await app.close();
  }
});
