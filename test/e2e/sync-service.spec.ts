/**
 * Issue 20: the sync engine runs by itself in the app. Two Lectern instances, each with its own
 * profile, share one plain folder (`LECTERN_SYNC_DIR`, what a cloud drive looks like to us): answers
 * given on one reach the other without a click there (the folder watch and the after-write sync),
 * both end with the same review log and the same card states, and each writes only its own files.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { type LaunchedApp, launchApp } from './launch';
import { readReviews, readRows } from './pages/db-rows';
import { COURSE_TITLE, LibraryPage } from './pages/library-page';
import { StudyPage } from './pages/study-page';

test.describe.configure({ timeout: 240_000 });

const CHAPTER = 'The Genesis of the Alliance';
const ARRIVAL = { timeout: 90_000, intervals: [500, 1000, 2000] };

async function answer(page: Page, n: number): Promise<void> {
  const library = new LibraryPage(page);
  const study = new StudyPage(page);
  await library.open();
  await library.openChapter(COURSE_TITLE, CHAPTER);
  await library.open();
  await study.openFromLibrary(library.pack(COURSE_TITLE));
  for (let i = 0; i < n; i++) await study.studyOne();
  await library.open();
}

const reviewIds = async (page: Page) => (await readReviews<{ id: string }>(page)).map((r) => r.id).sort();

async function cardStates(page: Page): Promise<unknown[]> {
  const rows = await readRows<Record<string, unknown> & { key: string }>(page, 'cards');
  return rows.sort((x, y) => (x.key < y.key ? -1 : 1)).map(({ rev: _rev, ...row }) => row);
}

test('answers on one Lectern reach another sharing the folder, and both end with the same log and card states', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'lectern-shared-'));
  const apps: LaunchedApp[] = [];
  try {
    const a = await launchApp({ env: { LECTERN_SYNC_DIR: folder } });
    apps.push(a);
    const b = await launchApp({ env: { LECTERN_SYNC_DIR: folder } });
    apps.push(b);
    await answer(a.page, 2);
    await expect.poll(() => reviewIds(b.page), ARRIVAL).toEqual(await reviewIds(a.page));
    await answer(b.page, 1);
    await expect.poll(async () => (await reviewIds(a.page)).length, ARRIVAL).toBe(3);
    await expect.poll(() => reviewIds(b.page), ARRIVAL).toEqual(await reviewIds(a.page));
    await expect
      .poll(async () => JSON.stringify(await cardStates(a.page)), ARRIVAL)
      .toBe(JSON.stringify(await cardStates(b.page)));
    // Each device wrote only plain segments of its own, in a folder of its own.
    const devices = readdirSync(join(folder, 'lectern-sync/devices'));
    expect(devices).toHaveLength(2);
    for (const d of devices)
      for (const f of readdirSync(join(folder, 'lectern-sync/devices', d)))
        expect(f).toMatch(/^\d{10}\.jsonl$/);
  } finally {
    for (const app of apps) await app.close();
    rmSync(folder, { recursive: true, force: true });
  }
});
