/**
 * Issue 20, done when: two Lectern instances, each with its own profile, follow each other through a
 * sync folder. (a) Two Syncthing instances on loopback only (config asserted before they start,
 * connections checked after), one folder each; (b) one plain folder both point at, which is what
 * Dropbox, iCloud Drive or OneDrive look like to Lectern. Answers on one device show on the other;
 * answers both give to the same cards while apart are all kept — both end with the union of the
 * review logs and the same card states.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { makePair, type SyncthingPeer, syncthingBinary } from '../support/syncthing';
import { expect, test } from './fixtures';
import { type LaunchedApp, launchApp } from './launch';
import { readReviews, readRows } from './pages/db-rows';
import { COURSE_TITLE, LibraryPage } from './pages/library-page';
import { ReaderPage } from './pages/reader-page';
import { StatsPage } from './pages/stats-page';
import { loadCourseQuestions, StudyPage } from './pages/study-page';
import { SyncPage } from './pages/sync-page';

test.describe.configure({ timeout: 420_000 });

const binary = syncthingBinary();
const COURSE_SIZE = loadCourseQuestions().size;
/** A chapter with 12 questions: enough for every answer below (Introduction has 3). */
const CHAPTER = 'The Genesis of the Alliance';
/** How long a change may take to reach the other device (Syncthing rescans every 2 s). */
const ARRIVAL = { timeout: 120_000, intervals: [500, 1000, 2000] };

interface Device {
  name: string;
  app: LaunchedApp;
  page: Page;
  study: StudyPage;
  sync: SyncPage;
  library: LibraryPage;
}

/** Launches Lectern with its own profile and `folder` as its sync folder, and names the device. */
async function startDevice(name: string, folder: string): Promise<Device> {
  const app = await launchApp({ env: { LECTERN_SYNC_DIR: folder } });
  const page = app.page;
  const device: Device = {
    name,
    app,
    page,
    study: new StudyPage(page),
    sync: new SyncPage(page),
    library: new LibraryPage(page),
  };
  await device.sync.open();
  await expect(device.sync.section()).toContainText(folder);
  await device.sync.rename(name);
  return device;
}

/** Opens the chapter (its questions join Study) and starts studying the course. */
async function openStudy(d: Device): Promise<void> {
  await d.library.open();
  await d.library.openChapter(COURSE_TITLE, CHAPTER);
  await expect(new ReaderPage(d.page).title()).toHaveText(CHAPTER);
  await d.library.open();
  await d.study.openFromLibrary(d.library.pack(COURSE_TITLE));
}

/** Answers `n` questions right, by keyboard; returns their ids. Leaves Study afterwards. */
async function answer(d: Device, n: number): Promise<string[]> {
  await openStudy(d);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push((await d.study.studyOne()).id);
  await d.library.open();
  return ids;
}

/** The ids of the device's review log, sorted. */
async function reviewIds(d: Device): Promise<string[]> {
  return (await readReviews<{ id: string }>(d.page)).map((r) => r.id).sort();
}

/** Every card's state (without `rev`, a local write counter), by key. */
async function cardStates(d: Device): Promise<Record<string, unknown>> {
  const rows = await readRows<Record<string, unknown> & { key: string }>(d.page, 'cards');
  const out: Record<string, unknown> = {};
  for (const { rev: _rev, ...row } of rows.sort((x, y) => (x.key < y.key ? -1 : 1))) out[row.key] = row;
  return out;
}

/** What the student sees: today's reviews on Statistics, and the course's new count in the Library. */
async function expectOnScreen(d: Device, reviews: number, answeredCards: number): Promise<void> {
  const stats = new StatsPage(d.page);
  await stats.open();
  await expect(stats.figure('Reviews today')).toHaveText(String(reviews), { timeout: 30_000 });
  await d.library.open();
  await expect(d.library.pack(COURSE_TITLE).getByTestId('pack-counts')).toContainText(
    `New ${COURSE_SIZE - answeredCards}`,
  );
}

/** Waits until both devices hold the same review log, exactly `expected`, and then the same card states. */
async function expectConverged(a: Device, b: Device, expected: string[]): Promise<void> {
  const want = [...new Set(expected)].sort();
  await expect.poll(() => reviewIds(a), { ...ARRIVAL, message: `${a.name}’s review log` }).toEqual(want);
  await expect.poll(() => reviewIds(b), { ...ARRIVAL, message: `${b.name}’s review log` }).toEqual(want);
  // Card states are replayed from the merged reviews after they are stored: poll for the same states.
  await expect
    .poll(async () => cardDifferences(await cardStates(a), await cardStates(b)), {
      ...ARRIVAL,
      message: `both devices end with the same card states (${a.name} vs ${b.name})`,
    })
    .toEqual([]);
}

/** Where two devices' card states differ, field by field ("key.field: A vs B"). */
function cardDifferences(x: Record<string, unknown>, y: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const key of [...new Set([...Object.keys(x), ...Object.keys(y)])].sort()) {
    const cx = (x[key] ?? {}) as Record<string, unknown>;
    const cy = (y[key] ?? {}) as Record<string, unknown>;
    for (const field of [...new Set([...Object.keys(cx), ...Object.keys(cy)])].sort())
      if (JSON.stringify(cx[field]) !== JSON.stringify(cy[field]))
        out.push(`${key}.${field}: ${JSON.stringify(cx[field])} vs ${JSON.stringify(cy[field])}`);
  }
  return out;
}

/** The sync folder holds only Lectern's own file names: no engine made a conflict copy. */
function expectNoConflictCopies(folder: string): void {
  const root = join(folder, 'lectern-sync', 'devices');
  for (const device of readdirSync(root))
    for (const file of readdirSync(join(root, device)).filter((f) => !f.startsWith('.')))
      expect(file, `${device}/${file} in ${folder}`).toMatch(/^\d{10}\.jsonl$/);
}

/** Phase 1: answers on the laptop show on the desktop, by name. */
async function answersOnAShowOnB(a: Device, b: Device): Promise<string[]> {
  const answered = await answer(a, 3);
  const log = await reviewIds(a);
  expect(log).toHaveLength(3);
  await expect
    .poll(() => reviewIds(b), { ...ARRIVAL, message: 'the laptop’s reviews on the desktop' })
    .toEqual(log);
  await expectOnScreen(b, 3, new Set(answered).size);
  await b.sync.open();
  await expect(b.sync.state()).toContainText(/Synced \d.* with Laptop/);
  // What came in is said, with its time (later syncs that found nothing new keep it).
  await expect(b.sync.incoming()).toHaveText(/^Came in at \d.*: .*review.* from Laptop\.$/);
  return log;
}

async function closeAll(devices: (Device | null)[]): Promise<void> {
  for (const d of devices) await d?.app.close().catch(() => {});
}

test('two Syncthing instances on loopback: answers on the laptop show on the desktop, and answers both give offline to the same cards are all kept', async () => {
  test.skip(!binary, 'syncthing is not installed (.ci/run installs Debian’s syncthing): this test needs it');
  const base = mkdtempSync(join(tmpdir(), 'lectern-sync-e2e-'));
  const folderA = join(base, 'laptop-folder');
  const folderB = join(base, 'desktop-folder');
  const peers: SyncthingPeer[] = await makePair(binary as string, base, folderA, folderB);
  const [stA, stB] = peers as [SyncthingPeer, SyncthingPeer];
  let a: Device | null = null;
  let b: Device | null = null;
  try {
    stA.start(binary as string);
    stB.start(binary as string);
    await Promise.all([stA.ready(), stB.ready()]);
    await expect
      .poll(() => stA.connectedTo(stB.config.deviceId), { ...ARRIVAL, message: 'Syncthing peers connect' })
      .toBe(true);
    a = await startDevice('Laptop', folderA);
    b = await startDevice('Desktop', folderB);

    const before = await answersOnAShowOnB(a, b);

    // Offline: Syncthing paused on both; each answers the same next cards.
    await Promise.all([stA.setPaused(true), stB.setPaused(true)]);
    const onA = await answer(a, 2);
    const onB = await answer(b, 2);
    expect(
      onA.filter((id) => onB.includes(id)),
      'both answered some of the same cards',
    ).not.toEqual([]);
    const logA = await reviewIds(a);
    const logB = await reviewIds(b);
    expect(logA).toHaveLength(before.length + 2);
    expect(logB, 'nothing crossed while paused').toHaveLength(before.length + 2);

    await Promise.all([stA.setPaused(false), stB.setPaused(false)]);
    const union = [...logA, ...logB];
    expect(new Set(union).size, 'no review id is shared by two answers').toBe(before.length + 4);
    await expectConverged(a, b, union);
    const cards = Object.keys(await cardStates(a)).length;
    for (const d of [a, b]) await expectOnScreen(d, before.length + 4, cards);
    await a.sync.open();
    await expect(a.sync.state()).toContainText(/Synced \d.* with Desktop/);

    expectNoConflictCopies(folderA);
    expectNoConflictCopies(folderB);
    for (const peer of peers)
      for (const address of await peer.remoteAddresses())
        expect(address).toMatch(/^(tcp:\/\/)?127\.\d+\.\d+\.\d+:\d+$/);
  } finally {
    await closeAll([a, b]);
    stA.stop();
    stB.stop();
    rmSync(base, { recursive: true, force: true });
  }
});

test('one plain shared folder (as Dropbox or iCloud Drive look to Lectern): answers on the laptop show on the desktop, and both answering the same cards at once loses no review', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'lectern-shared-folder-'));
  let a: Device | null = null;
  let b: Device | null = null;
  try {
    a = await startDevice('Laptop', folder);
    b = await startDevice('Desktop', folder);

    const before = await answersOnAShowOnB(a, b);

    // At once: both show the same card, both answer it, both confirm — twice.
    await openStudy(a);
    await openStudy(b);
    const both: string[] = [];
    for (let round = 0; round < 2; round++) {
      const [qa, qb] = [await a.study.answerRight(), await b.study.answerRight()];
      expect(qb.id, 'both devices show the same card').toBe(qa.id);
      await Promise.all([a.study.continue(), b.study.continue()]);
      both.push(qa.id);
    }
    await a.library.open();
    await b.library.open();

    // Neither answer was lost: 3 + 2 × 2 reviews; once merged, both hold the same seven.
    const want = before.length + 4;
    const laptop = a;
    await expect
      .poll(() => reviewIds(laptop), { ...ARRIVAL, message: 'the laptop holds all seven reviews' })
      .toHaveLength(want);
    const union = await reviewIds(a);
    await expectConverged(a, b, union);
    const cards = Object.keys(await cardStates(a)).length;
    for (const d of [a, b]) await expectOnScreen(d, want, cards);
    expectNoConflictCopies(folder);
  } finally {
    await closeAll([a, b]);
    rmSync(folder, { recursive: true, force: true });
  }
});
