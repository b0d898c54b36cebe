import {
  closeSync,
  createReadStream,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGunzip, gunzipSync } from 'node:zlib';
import { createBackupWriter, createPartSplitter } from '../../renderer/src/core/backup';
import { expect, expectAccessible, test } from './fixtures';
import { launchApp } from './launch';
import { COURSE_TITLE, LibraryPage } from './pages/library-page';
import { SettingsPage } from './pages/settings-page';

/** Checking, restoring and exporting run in the backup worker: on a busy machine they take a while. */
const WORK = { timeout: 30_000 };

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
  test.setTimeout(120_000); // three launches of the app, each with a backup written or restored
  // 1. Something of the student's, then quit: main asks for a backup and waits for it.
  const first = await launchApp();
  const read = await openChapter(new LibraryPage(first.page), 1);
  await first.close();
  const files = quitBackups(first.userDataDir);
  expect(files).toHaveLength(1);
  const backupPath = join(first.userDataDir, 'backups', files[0] ?? '');
  // Format 4: the backup's JSON, gzip-compressed.
  expect(JSON.parse(gunzipSync(readFileSync(backupPath)).toString('utf8'))).toMatchObject({
    format: 'lectern-backup',
    formatVersion: 4,
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
    await expect(dialog).toBeHidden(WORK);
    await expect(second.page.getByRole('status')).toContainText('Restored', WORK);
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
    await expect(dialog).toBeVisible(WORK);
    await expect(dialog.getByRole('row', { name: /Chapters opened/ })).toContainText('1');
    await dialog.getByRole('button', { name: 'Replace my data with this backup' }).click();
    await expect(dialog).toBeHidden(WORK);
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
    await expect(page.getByRole('status')).toContainText('Backup saved to', WORK);
    const exported = readdirSync(saveDir).filter((n) => /^lectern-backup-\d{4}-\d{2}-\d{2}\.json$/.test(n));
    expect(exported).toHaveLength(1);
    const gz = readFileSync(join(saveDir, exported[0] ?? ''));
    const full = gunzipSync(gz).toString('utf8');
    expect(JSON.parse(full)).toMatchObject({ format: 'lectern-backup', counts: { reading: 1 } });
    // The reading row (an array since format 3) with its first-opened time changed.
    const reading = full.lastIndexOf('"reading":[');
    const edited = full.slice(0, reading) + full.slice(reading).replace(/,(\d{6,}),/, ',1,');
    expect(edited).not.toBe(full);
    const flipped = Buffer.from(gz);
    flipped[gz.length >> 1] = (flipped[gz.length >> 1] as number) ^ 0xff;

    const bad: { name: string; text: string | Buffer; message: RegExp }[] = [
      { name: 'cut.json', text: full.slice(0, Math.floor(full.length / 2)), message: /truncated/ },
      { name: 'edited.json', text: edited, message: /checksum/ },
      // Compressed (formats 3 and 4) and damaged: cut short, or a byte changed.
      {
        name: 'cut-gzip.json',
        text: gz.subarray(0, gz.length - 20),
        message: /cut-gzip\.json is cut short: its compressed data ends/,
      },
      { name: 'flipped-gzip.json', text: flipped, message: /flipped-gzip\.json is damaged/ },
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
      await expect(alert).toContainText(b.message, WORK);
      await expect(alert).toContainText('was not restored');
      await expect(settings.dialog()).toBeHidden();
    }
    await expectAccessible(page, 'with a refused backup');
    await library.open();
    await expect(chapterRow(library, read)).toContainText('Read');
  } finally {
    await app.close();
  }
});

const V1_FIXTURE = fileURLToPath(new URL('../fixtures/backups/v1-backup.json', import.meta.url));

test('a backup written by the previous version (format 1) restores into a fresh install', async ({
  page,
}) => {
  const settings = new SettingsPage(page);
  await settings.open();
  await settings.restoreInput().setInputFiles(V1_FIXTURE);
  const dialog = settings.dialog();
  await expect(dialog).toContainText('an earlier backup format');
  await expect(dialog.getByRole('row', { name: /^Questions \d/ })).toContainText('7');
  await expect(dialog.getByRole('row', { name: /Questions started/ })).toContainText('6');
  await expect(dialog.getByRole('row', { name: /Reviews/ })).toContainText('5');
  await dialog.getByRole('button', { name: 'Replace my data with this backup' }).click();
  await expect(dialog).toBeHidden(WORK);
  await expect(page.getByRole('status')).toContainText(
    'Restored “v1-backup.json”: 1 packs, 7 questions, 5 reviews.',
  );
  const library = new LibraryPage(page);
  await library.open();
  await expect(
    library.pack('The alliance').getByRole('listitem').filter({ hasText: 'Origins' }),
  ).toContainText('Read');
});

/** Writes a version 2 backup of one pack with `reviews` reviews, in 1 MiB parts, as the app did. */
function writeLargeBackup(path: string, reviews: number): number {
  const fd = openSync(path, 'w');
  const splitter = createPartSplitter(1 << 20, (part) => writeSync(fd, part));
  const writer = createBackupWriter(
    { createdAt: Date.UTC(2026, 10, 1), appVersion: '0.1.0' },
    (t) => splitter.write(t),
    { formatVersion: 2 },
  );
  const QUESTIONS = 2000;
  const chapters = [1, 2, 3, 4].map((c) => ({
    id: `c${c}`,
    title: `Chapter ${c}`,
    sections: [{ id: `s${c}`, title: `Section ${c}`, body: `Body of chapter ${c}.` }],
  }));
  const chapterOf = (i: number) => `c${1 + Math.floor((i * 4) / QUESTIONS)}`;
  const chapterCounts = Object.fromEntries(chapters.map((c) => [c.id, QUESTIONS / 4]));
  writer.addRows('packs', [
    {
      id: 'big',
      title: 'Big pack',
      language: 'en',
      version: '1',
      origin: 'imported',
      format: 'lectern',
      chapters,
      discussions: [],
      questionCount: QUESTIONS,
      chapterCounts,
      typeCounts: Object.fromEntries(chapters.map((c) => [c.id, { flashcard: QUESTIONS / 4 }])),
      contentHash: 'h',
      importedAt: Date.UTC(2026, 0, 1),
      updatedAt: Date.UTC(2026, 0, 1),
    },
  ]);
  const question = (i: number) => {
    const chapterId = chapterOf(i);
    const section = `s${chapterId.slice(1)}`;
    return {
      key: `big:q${i}`,
      packId: 'big',
      id: `q${i}`,
      chapterId,
      section,
      type: 'flashcard',
      order: i,
      question: { id: `q${i}`, type: 'flashcard', section, front: `Question ${i}?`, back: `Answer ${i}.` },
      removed: 0,
    };
  };
  for (let chunk = 0; chunk < QUESTIONS / 100; chunk++)
    writer.addRows('questionChunks', [
      { packId: 'big', chunk, items: Array.from({ length: 100 }, (_, j) => question(chunk * 100 + j)) },
    ]);
  const DAY = 86_400_000;
  const card = (i: number) => ({
    key: `big:q${i}`,
    packId: 'big',
    chapterId: chapterOf(i),
    order: i,
    state: 2,
    due: Date.UTC(2026, 10, 1) + (i % 30) * DAY,
    stability: 12.5,
    difficulty: 5.25,
    elapsedDays: 3,
    scheduledDays: 10,
    learningSteps: 0,
    reps: 8,
    lapses: 1,
    lastReview: Date.UTC(2026, 9, 20),
    suspended: 0,
    flagged: 0,
    removed: 0,
    rev: 8,
  });
  writer.addRows(
    'cards',
    Array.from({ length: QUESTIONS }, (_, i) => card(i)),
  );
  for (let from = 0; from < reviews; from += 10_000) {
    const rows = [];
    for (let id = from + 1; id <= Math.min(reviews, from + 10_000); id++) {
      const i = id % QUESTIONS;
      rows.push({
        id,
        cardKey: `big:q${i}`,
        packId: 'big',
        chapterId: chapterOf(i),
        at: Date.UTC(2025, 0, 1) + id * 30_000,
        rating: 3,
        score: 1,
        correct: 1,
        response: '{"kind":"flashcard"}',
        responseMs: 4200,
        stateBefore: 2,
        prev: card(i),
        dueAfter: Date.UTC(2025, 0, 1) + id * 30_000 + 5 * DAY,
      });
    }
    writer.addRows('reviews', rows);
  }
  writer.finish();
  splitter.flush();
  closeSync(fd);
  return statSync(path).size;
}

/** The first and last 600 characters of a gzip file's text, which may be too large for one string. */
async function readGzipEnds(path: string): Promise<{ head: string; tail: string }> {
  let head = '';
  let tail = '';
  const gunzip = createReadStream(path).pipe(createGunzip());
  for await (const chunk of gunzip) {
    const text = (chunk as Buffer).toString('latin1');
    if (head.length < 600) head += text.slice(0, 600 - head.length);
    tail = (tail + text).slice(-600);
  }
  return { head, tail };
}

/** `n` written with any thousands separator (the page formats numbers in the system's locale). */
function digitsOf(n: number): RegExp {
  return new RegExp(String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '[,.\\s\u202f\u00a0]?'));
}

const LARGE = Number(process.env.LECTERN_E2E_BACKUP_REVIEWS ?? 20_000);

test(`a backup of ${LARGE.toLocaleString('en-US')} reviews streams from main, restores with progress, and exports again in parts`, async () => {
  test.setTimeout(Math.max(180_000, LARGE * 3));
  const userDataDir = mkdtempSync(join(tmpdir(), 'lectern-large-'));
  const saveDir = mkdtempSync(join(tmpdir(), 'lectern-large-save-'));
  mkdirSync(join(userDataDir, 'backups'));
  const name = `lectern-backup-${new Date().toISOString().replace(/[:.]/g, '-')}-daily.json`;
  const bytes = writeLargeBackup(join(userDataDir, 'backups', name), LARGE);
  const app = await launchApp({ userDataDir, env: { LECTERN_TEST_SAVE_DIR: saveDir } });
  try {
    const { page } = app;
    const settings = new SettingsPage(page);
    await settings.open();
    let t = Date.now();
    const list = settings.section('Backups').getByRole('table', { name: 'Automatic backups' });
    await list.getByRole('button', { name: /^Restore the backup of .* \(daily\)$/ }).click();
    const dialog = settings.dialog();
    await expect(dialog.getByRole('row', { name: /Reviews/ })).toContainText(digitsOf(LARGE), {
      timeout: 120_000 + LARGE,
    });
    const checkMs = Date.now() - t;
    t = Date.now();
    await dialog.getByRole('button', { name: 'Replace my data with this backup' }).click();
    await expect(dialog.getByRole('progressbar', { name: /Restoring… \d+%/ })).toBeVisible();
    await expectAccessible(page, 'while restoring');
    await expect(dialog).toBeHidden({ timeout: 120_000 + LARGE * 2 });
    const restoreMs = Date.now() - t;
    await expect(page.getByRole('status')).toContainText(`${LARGE.toLocaleString('en-US')} reviews`);

    t = Date.now();
    await settings.section('Backups').getByRole('button', { name: 'Export backup…' }).click();
    await expect(page.getByRole('status')).toContainText('Backup saved to', { timeout: 60_000 + LARGE });
    const exportMs = Date.now() - t;
    const [saved] = readdirSync(saveDir).filter((n) => /^lectern-backup-\d{4}-\d{2}-\d{2}\.json$/.test(n));
    const savedPath = join(saveDir, saved ?? '');
    const ends = await readGzipEnds(savedPath);
    expect(ends.head).toMatch(/^\{"format":"lectern-backup","formatVersion":4,/);
    expect(ends.tail).toContain(`"reviews":${LARGE}}`);
    console.log(
      `[backup e2e] ${LARGE} reviews, ${(bytes / 1e6).toFixed(1)} MB: checked in ${(checkMs / 1000).toFixed(1)} s, restored in ${(restoreMs / 1000).toFixed(1)} s, exported (${(statSync(savedPath).size / 1e6).toFixed(1)} MB) in ${(exportMs / 1000).toFixed(1)} s`,
    );
    const library = new LibraryPage(page);
    await library.open();
    await expect(library.pack('Big pack')).toBeVisible();
  } finally {
    await app.close();
    // Hundreds of MB at a million reviews: do not leave them in the temporary folder.
    rmSync(userDataDir, { recursive: true, force: true });
    rmSync(saveDir, { recursive: true, force: true });
  }
});
