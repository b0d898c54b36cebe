/**
 * Settings ▸ Sync by keyboard alone: choose a folder, name the device, sync now, see what happened and
 * which files could not be read, and stop syncing — which keeps everything, here and in the folder.
 * Passes axe in the light and the dark theme.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, expectAccessible, test } from './fixtures';
import { launchApp } from './launch';
import { readReviews } from './pages/db-rows';
import { COURSE_TITLE, LibraryPage } from './pages/library-page';
import { ReaderPage } from './pages/reader-page';
import { StudyPage } from './pages/study-page';
import { SyncPage } from './pages/sync-page';

test.describe.configure({ timeout: 180_000 });

test('choose a sync folder, name the device and sync by keyboard; a foreign file is listed and changes nothing; stopping keeps all data', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'lectern-sync-settings-'));
  // Another "device" whose only segment is not a Lectern sync file.
  const foreign = join(folder, 'lectern-sync', 'devices', 'otherdevice01');
  mkdirSync(foreign, { recursive: true });
  writeFileSync(join(foreign, '0000000001.jsonl'), 'this is not a Lectern sync file\n');
  const app = await launchApp({ env: { LECTERN_TEST_OPEN_FILES: JSON.stringify([folder]) } });
  try {
    const page = app.page;
    const sync = new SyncPage(page);
    await sync.open();
    await expect(sync.section()).toContainText('Sync is off');
    await expectAccessible(page, 'on Settings ▸ Sync with sync off');

    // Choose the folder by keyboard (the OS dialog answers with `folder`): Tab from the name field.
    await sync.deviceName().focus();
    await page.keyboard.press('Tab');
    await expect(sync.button('Choose sync folder…')).toBeFocused();
    expect(
      await sync.button('Choose sync folder…').evaluate((el) => getComputedStyle(el).outlineStyle),
      'a visible focus ring',
    ).not.toBe('none');
    await page.keyboard.press('Enter');
    await expect(sync.section()).toContainText(folder);
    await expect(sync.deviceId()).toHaveText(/^[a-z0-9]{8,32}$/);
    await sync.rename('Laptop');

    // Study one card, then sync by keyboard: this device's journal is written into the folder.
    const library = new LibraryPage(page);
    await library.open();
    await library.openChapter(COURSE_TITLE, 'Introduction');
    await expect(new ReaderPage(page).title()).toHaveText('Introduction');
    await library.open();
    const study = new StudyPage(page);
    await study.openFromLibrary(library.pack(COURSE_TITLE));
    await study.studyOne();
    await sync.open();
    await sync.syncNow();
    await expect(sync.state()).toHaveText(/^Synced \d/);
    const device = (await sync.deviceId().textContent()) ?? '';
    await expect
      .poll(() => readdirSync(join(folder, 'lectern-sync', 'devices', device)).length)
      .toBeGreaterThan(0);

    // The foreign file: listed with its device and why, nothing from it applied.
    const unreadable = sync.unreadable();
    await expect(unreadable).toContainText('otherdevice01');
    await expect(unreadable).toContainText('0000000001.jsonl');
    expect(await readReviews(page)).toHaveLength(1);
    await expectAccessible(page, 'on Settings ▸ Sync, synced, with an unreadable file');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(page, 'on Settings ▸ Sync in the dark theme');
    await page.emulateMedia({ colorScheme: 'light' });

    // Stop syncing: asks first, says data is kept; keeps the folder's files and this device's reviews.
    await sync.button('Stop syncing…').focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Stop syncing?' });
    await expect(dialog).toContainText('Everything on this device stays as it is');
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(sync.section()).toContainText('Sync is off');
    expect(await readReviews(page)).toHaveLength(1);
    expect(existsSync(join(folder, 'lectern-sync', 'devices', device))).toBe(true);
    expect(readdirSync(join(folder, 'lectern-sync', 'devices', device)).length).toBeGreaterThan(0);
  } finally {
    await app.close();
    rmSync(folder, { recursive: true, force: true });
  }
});
