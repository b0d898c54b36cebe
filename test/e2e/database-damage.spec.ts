/**
 * Issue 19: a database damaged on disk was recreated empty by the browser, and Lectern opened with
 * nothing in it, saying nothing. Now the record main keeps beside the database tells, the app says
 * so and restores the last good automatic backup in one click.
 */
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, expectAccessible, test } from './fixtures';
import { launchApp } from './launch';
import { COURSE_TITLE, LibraryPage } from './pages/library-page';

const WORK = { timeout: 30_000 };

/** Every IndexedDB folder under `dir` (Chromium's profile in the stand-in, the user-data folder in Electron). */
function indexedDbFolders(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (!statSync(path).isDirectory()) continue;
    if (name.endsWith('.indexeddb.leveldb') || name.endsWith('.indexeddb.blob')) found.push(path);
    else found.push(...indexedDbFolders(path));
  }
  return found;
}

function chapterRow(library: LibraryPage, name: string) {
  return library.pack(COURSE_TITLE).getByRole('listitem').filter({ hasText: name });
}

async function openChapter(library: LibraryPage, index: number): Promise<string> {
  await library.open();
  const chapter = library.chapterButtons(COURSE_TITLE).nth(index);
  const name = (await chapter.textContent()) ?? '';
  await chapter.click();
  await library.page.getByRole('heading', { level: 1, name }).waitFor();
  await library.open();
  return name;
}

test('a database lost on disk is noticed at start-up and the last good automatic backup restores it in one click', async () => {
  test.setTimeout(180_000);
  // 1. The student's data, then quit: an automatic backup, recorded beside the database as the last good one.
  const first = await launchApp();
  const { userDataDir } = first;
  const library1 = new LibraryPage(first.page);
  const read = [await openChapter(library1, 0), await openChapter(library1, 1)];
  await first.close();
  const record = JSON.parse(readFileSync(join(userDataDir, 'database-record.json'), 'utf8'));
  expect(record).toMatchObject({
    counts: { reading: 2 },
    lastGoodBackup: expect.stringMatching(/-quit\.json$/),
  });

  // 2. The database's files are lost (damaged files make the browser start an empty one).
  const folders = indexedDbFolders(userDataDir);
  expect(folders.length).toBeGreaterThan(0);
  for (const f of folders) rmSync(f, { recursive: true, force: true });

  // 3. The next start says so, and offers the backup.
  const second = await launchApp({ userDataDir });
  try {
    const { page } = second;
    const notice = page.getByRole('alert').filter({ hasText: 'Your study data was not found' });
    await expect(notice).toBeVisible(WORK);
    await expect(notice).toContainText('2 chapters opened');
    const library = new LibraryPage(page);
    await expect(chapterRow(library, read[0] ?? '')).toContainText('Not opened');
    await expectAccessible(page, 'with the damaged-database notice');
    await notice.getByRole('button', { name: /^Restore the backup of / }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Restored' })).toBeVisible(WORK);
    await expect(notice).toBeHidden();
    await library.open();
    for (const name of read) await expect(chapterRow(library, name)).toContainText('Read');
  } finally {
    await second.close();
  }

  // 4. Restored and recorded: the next start is quiet, and the data is there.
  const third = await launchApp({ userDataDir });
  try {
    const library = new LibraryPage(third.page);
    await library.open();
    for (const name of read) await expect(chapterRow(library, name)).toContainText('Read');
    await expect(third.page.getByText('Your study data was not found')).toHaveCount(0);
  } finally {
    await third.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
});
