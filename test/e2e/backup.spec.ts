import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, expectAccessible, test } from './fixtures';
import { launchApp } from './launch';
import { COURSE_TITLE, LibraryPage } from './pages/library-page';
import { SettingsPage } from './pages/settings-page';

function quitBackups(userDataDir: string): string[] {
  try {
    return readdirSync(join(userDataDir, 'backups')).filter((n) => /^lectern-backup-.*-quit\.json$/.test(n));
  } catch {
    return [];
  }
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

function chapterRow(library: LibraryPage, name: string) {
  return library.pack(COURSE_TITLE).getByRole('listitem').filter({ hasText: name });
}

test('an automatic backup is written on quit, restores from the list, and restores into a fresh install', async () => {
  // 1. Something of the student's, then quit: main asks for a backup and waits for it.
  const first = await launchApp();
  const read = await openChapter(new LibraryPage(first.page), 1);
  await first.close();
  const files = quitBackups(first.userDataDir);
  expect(files).toHaveLength(1);
  const backupPath = join(first.userDataDir, 'backups', files[0] ?? '');
  expect(JSON.parse(readFileSync(backupPath, 'utf8'))).toMatchObject({
    format: 'lectern-backup',
    counts: { reading: 1 },
  });

  // 2. Same install: read another chapter, then go back to the automatic backup from the list.
  const second = await launchApp({ userDataDir: first.userDataDir });
  try {
    const library = new LibraryPage(second.page);
    const later = await openChapter(library, 2);
    await expect(chapterRow(library, later)).toContainText('Read');
    const settings = new SettingsPage(second.page);
    await settings.open();
    const list = settings.section('Backups').getByRole('table', { name: 'Automatic backups' });
    await expect(list.getByRole('row')).toHaveCount(2);
    await list.getByRole('button', { name: /^Restore the backup of .* \(on quit\)$/ }).click();
    const dialog = settings.dialog();
    await expect(dialog.getByRole('row', { name: /Chapters opened/ })).toContainText('1');
    await expectAccessible(second.page, 'in the restore dialog');
    await dialog.getByRole('button', { name: 'Replace my data with this backup' }).click();
    await expect(dialog).toBeHidden();
    await expect(second.page.getByRole('status')).toContainText('Restored');
    await library.open();
    await expect(chapterRow(library, read)).toContainText('Read');
    await expect(chapterRow(library, later)).toContainText('Not opened');
  } finally {
    await second.close();
  }

  // 3. A new laptop: a fresh install restores the file chosen by the student.
  const fresh = await launchApp();
  try {
    const library = new LibraryPage(fresh.page);
    await expect(chapterRow(library, read)).toContainText('Not opened');
    const settings = new SettingsPage(fresh.page);
    await settings.open();
    await settings.restoreInput().setInputFiles(backupPath);
    const dialog = settings.dialog();
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('row', { name: /Chapters opened/ })).toContainText('1');
    await dialog.getByRole('button', { name: 'Replace my data with this backup' }).click();
    await expect(dialog).toBeHidden();
    await library.open();
    await expect(chapterRow(library, read)).toContainText('Read');
  } finally {
    await fresh.close();
  }
});

test('"Export backup…" saves a file; a truncated, edited or foreign file is refused and changes nothing', async () => {
  const saveDir = mkdtempSync(join(tmpdir(), 'lectern-save-'));
  const app = await launchApp({ env: { LECTERN_TEST_SAVE_DIR: saveDir } });
  try {
    const { page } = app;
    const library = new LibraryPage(page);
    const read = await openChapter(library, 0);
    const settings = new SettingsPage(page);
    await settings.open();
    await expectAccessible(page, 'on Settings with backups');

    await settings.section('Backups').getByRole('button', { name: 'Export backup…' }).click();
    await expect(page.getByRole('status')).toContainText('Backup saved to');
    const exported = readdirSync(saveDir).filter((n) => /^lectern-backup-\d{4}-\d{2}-\d{2}\.json$/.test(n));
    expect(exported).toHaveLength(1);
    const full = readFileSync(join(saveDir, exported[0] ?? ''), 'utf8');
    expect(JSON.parse(full)).toMatchObject({ format: 'lectern-backup', counts: { reading: 1 } });

    const bad = [
      { name: 'cut.json', text: full.slice(0, Math.floor(full.length / 2)), message: /truncated/ },
      {
        name: 'edited.json',
        text: full.replace(/"firstOpenedAt":\d+/, '"firstOpenedAt":1'),
        message: /checksum/,
      },
      {
        name: 'pack.json',
        text: '{"format":"lectern-pack","formatVersion":1}',
        message: /pack, not a backup/,
      },
      { name: 'notes.json', text: 'hello', message: /not a Lectern backup/ },
    ];
    for (const b of bad) {
      const path = join(saveDir, b.name);
      writeFileSync(path, b.text);
      await settings.restoreInput().setInputFiles(path);
      const alert = settings.section('Backups').getByRole('alert');
      await expect(alert).toContainText('was not restored');
      await expect(alert).toContainText(b.message);
      await expect(settings.dialog()).toBeHidden();
    }
    await expectAccessible(page, 'with a refused backup');
    await library.open();
    await expect(chapterRow(library, read)).toContainText('Read');
  } finally {
    await app.close();
  }
});
