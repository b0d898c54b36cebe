/**
 * Two devices (two fake-indexeddb databases) and one folder in memory: the engine end to end —
 * answers cross, both offline answer the same cards and end with the same review log (union) and
 * the same card states, a review seen twice counts once, a bad segment changes nothing and is
 * reported, settings are last-writer-wins with a device tie-break.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, resolveSchedulingSettings } from '@/core/settings';
import { encodeSegment, segmentFileName } from '@/core/sync';
import { saveCardColumns } from '@/db/repos/card-columns-repo';
import { applyImport } from '@/db/repos/import-repo';
import { removePack } from '@/db/repos/media-repo';
import { markChapterOpened } from '@/db/repos/reading-repo';
import { getSettings, patchSettings } from '@/db/repos/settings-repo';
import { answerCard, setFlagged, setSuspended } from '@/db/repos/study-repo';
import { countChapterTallies } from '@/db/schema/middleware/chapter-tallies';
import type { CardKey } from '@/db/schema/rows';
import { tidyReviewLog } from '@/ops/review-log-upkeep';
import { compactJournal, readRecord } from '@/ops/sync';
import { buildFlashcard, buildPack } from '../../../support/questions';
import { memoryFolder } from '../../../support/sync-folder';
import { answer, cardStates, device, key, MIN, reviewIds, T0 } from './devices';

describe('folder sync between two devices (issue 20)', () => {
  it('brings answers given on one device to the other, with their card states', async () => {
    const folder = memoryFolder();
    const a = await device(folder, 'Laptop');
    const b = await device(folder, 'Desktop');
    await answer(a, 'q0', 3, T0 + MIN);
    await answer(a, 'q1', 1, T0 + 2 * MIN);
    await a.engine.sync();
    const status = await b.engine.sync();
    expect(status.error).toBeNull();
    expect(await reviewIds(b)).toEqual(await reviewIds(a));
    expect(await cardStates(b)).toEqual(await cardStates(a));
    expect(status.lastIncoming).toMatchObject({ from: ['Laptop'], reviews: 2, cards: 2 });
    const cameAt = status.lastIncoming?.at;
    expect(cameAt).toBeGreaterThan(0);
    expect(status.peers.map((p) => p.name)).toEqual(['Laptop']);
    // A later sync that finds nothing new keeps what came in last, and when (in the stored record too).
    const again = await b.engine.sync();
    expect(again.lastIncoming).toMatchObject({ from: ['Laptop'], reviews: 2, cards: 2, at: cameAt });
    await b.engine.load();
    expect(b.engine.getStatus().lastIncoming).toMatchObject({ reviews: 2, at: cameAt });
    // What came in is marked as another device's and never sent back.
    const rows = await b.db.revlog.toArray();
    expect(rows.every((r) => r.origin === a.engine.getStatus().device.id)).toBe(true);
    await b.engine.sync();
    const bSegments = folder.files(b.engine.getStatus().device.id);
    for (const s of bSegments) expect(folder.text(s.device, s.file)).not.toContain('"k":"review"');
  });

  it('inserts the answers that came in with the columns their replay gave, as the answering device stored them', async () => {
    const folder = memoryFolder();
    const a = await device(folder, 'Laptop');
    const b = await device(folder, 'Desktop');
    const day = 24 * 60 * MIN;
    for (const [at, rating] of [
      [T0 + MIN, 3],
      [T0 + 12 * MIN, 1],
      [T0 + 30 * MIN, 3],
      [T0 + 2 * day, 3],
      [T0 + 9 * day, 2],
    ] as const) {
      await answer(a, 'q0', rating, at);
      await answer(a, 'q2', 4, at + MIN);
    }
    await a.engine.sync();
    await b.engine.sync();
    const columns = async (d: typeof a) =>
      (await d.db.revlog.toArray())
        .map(({ origin: _o, response: _r, ...rest }) => rest)
        .sort((x, y) => (x.id < y.id ? -1 : 1));
    const mine = await columns(a);
    expect(mine.length).toBe(10);
    expect(mine.some((r) => r.stateBefore === 2)).toBe(true);
    expect(await columns(b)).toEqual(mine);
    // The cards it made (added, not put) are counted in their chapters' tallies.
    const sortTallies = (rows: { packId: string; chapterId: string; started: number }[]) =>
      [...rows].sort((x, y) => x.chapterId.localeCompare(y.chapterId));
    expect(sortTallies(await b.db.chapterTallies.toArray())).toEqual(
      sortTallies(countChapterTallies(await b.db.cards.toArray())),
    );
    expect(await b.db.chapterTallies.toArray()).toHaveLength(2);
  });

  it('gives the other device the due the load balancer chose here (a replay alone would not)', async () => {
    const folder = memoryFolder();
    const a = await device(folder, 'Laptop');
    const b = await device(folder, 'Desktop');
    for (const [i, id] of ['q0', 'q1', 'q2', 'q3'].entries()) await answer(a, id, 4, T0 + i * MIN);
    await a.engine.sync();
    await b.engine.sync();
    expect(await cardStates(b)).toEqual(await cardStates(a));
    // Both answer again, apart: each replays the other's balanced answers the same way.
    await answer(a, 'q0', 3, T0 + 20 * 24 * 60 * MIN);
    await answer(b, 'q1', 3, T0 + 21 * 24 * 60 * MIN);
    await a.engine.sync();
    await b.engine.sync();
    await a.engine.sync();
    expect(await cardStates(b)).toEqual(await cardStates(a));
  });

  it('ends both offline devices with the same review log (the union) and the same card states', async () => {
    const folder = memoryFolder();
    const a = await device(folder, 'Laptop');
    const b = await device(folder, 'Desktop');
    // Both answer the same cards without a sync between.
    await answer(a, 'q0', 3, T0 + MIN);
    await answer(b, 'q0', 1, T0 + 2 * MIN);
    await answer(a, 'q0', 4, T0 + 12 * MIN);
    await answer(b, 'q1', 3, T0 + 3 * MIN);
    await answer(a, 'q1', 2, T0 + 4 * MIN);
    await answer(b, 'q2', 3, T0 + 5 * MIN);
    const union = [...(await reviewIds(a)), ...(await reviewIds(b))].sort();
    await a.engine.sync();
    await b.engine.sync();
    await a.engine.sync();
    expect(await reviewIds(a)).toEqual(union);
    expect(await reviewIds(b)).toEqual(union);
    expect(await cardStates(a)).toEqual(await cardStates(b));
    const q0 = await a.db.cards.get(key('q0'));
    expect(q0?.reps).toBe(3);
    // More rounds change nothing: every review counts once.
    await b.engine.sync();
    await a.engine.sync();
    expect(await a.db.revlog.count()).toBe(union.length);
    expect(await b.db.revlog.count()).toBe(union.length);
  });

  it('merges a device’s answers of weeks ago into the day records, both ending with the same log and states', async () => {
    const folder = memoryFolder();
    const a = await device(folder, 'Laptop');
    const b = await device(folder, 'Desktop');
    const DAY = 24 * 60 * MIN;
    for (let d = 0; d < 6; d++) await answer(a, `q${d % 3}`, d % 4 === 3 ? 1 : 3, T0 + d * 3 * DAY);
    await answer(b, 'q1', 3, T0 + 4 * DAY + MIN);
    // Weeks later both sync; A's older rows have moved into their days already, B's not yet.
    a.clock.now = T0 + 30 * DAY;
    b.clock.now = T0 + 30 * DAY;
    await tidyReviewLog(a.db, a.clock.now);
    expect(await a.db.revlogDays.count()).toBe(6);
    await a.engine.sync();
    await b.engine.sync();
    await a.engine.sync();
    expect(await reviewIds(b)).toEqual(await reviewIds(a));
    expect(await reviewIds(a)).toHaveLength(7);
    expect(await cardStates(b)).toEqual(await cardStates(a));
    // On B the incoming answers went straight into their days; its own one is still a row until its upkeep.
    expect(await b.db.revlog.count()).toBe(1);
    await tidyReviewLog(b.db, b.clock.now);
    expect(await b.db.revlog.count()).toBe(0);
    expect(await reviewIds(b)).toEqual(await reviewIds(a));
  });

  it('counts a review seen twice once (a conflict copy of a segment)', async () => {
    const folder = memoryFolder();
    const a = await device(folder, 'Laptop');
    const b = await device(folder, 'Desktop');
    await answer(a, 'q0', 3, T0 + MIN);
    await a.engine.sync();
    const aId = a.engine.getStatus().device.id;
    const first = folder.files(aId)[0];
    if (!first) throw new Error('no segment');
    folder.put(
      aId,
      first.file.replace('.jsonl', '.sync-conflict-20261201-101010-ABCDEFG.jsonl'),
      folder.text(aId, first.file) ?? '',
    );
    await b.engine.sync();
    expect(await b.db.revlog.count()).toBe(1);
    expect((await b.db.cards.get(key('q0')))?.reps).toBe(1);
  });

  it('reports a corrupt or half-written segment, changes nothing, and applies it once it is whole', async () => {
    const folder = memoryFolder();
    const a = await device(folder, 'Laptop');
    const b = await device(folder, 'Desktop');
    await answer(a, 'q0', 3, T0 + MIN);
    await a.engine.sync();
    const aId = a.engine.getStatus().device.id;
    const file = folder.files(aId)[0]?.file ?? '';
    const whole = folder.text(aId, file) ?? '';
    // Half of it arrived; a damaged file and a foreign one sit beside it.
    folder.put(aId, file, whole.slice(0, whole.length - 20));
    folder.put(aId, segmentFileName(90), whole.replace('"rating":3', '"rating":4'));
    folder.put('strangerdevice', segmentFileName(1), 'hello, not ours');
    const status = await b.engine.sync();
    expect(await b.db.revlog.count()).toBe(0);
    expect(await b.db.cards.count()).toBe(0);
    expect(status.unreadable.map((u) => `${u.device}/${u.file}`).sort()).toEqual(
      [`${aId}/${file}`, `${aId}/${segmentFileName(90)}`, `strangerdevice/${segmentFileName(1)}`].sort(),
    );
    expect(status.unreadable.find((u) => u.device === aId && u.file === file)?.reason).toMatch(
      /still arriving/,
    );
    expect(status.unreadable.find((u) => u.file === segmentFileName(90))?.reason).toMatch(/checksum/);
    // The rest arrives: read again, applied.
    folder.put(aId, file, whole);
    const later = await b.engine.sync();
    expect(await b.db.revlog.count()).toBe(1);
    expect(later.unreadable.map((u) => `${u.device}/${u.file}`)).not.toContain(`${aId}/${file}`);
  });

  it('resolves a setting changed on both devices by the later change, and a tie by the greater device id', async () => {
    const folder = memoryFolder();
    const clock = { now: T0 };
    const a = await device(folder, 'Laptop', clock);
    const b = await device(folder, 'Desktop', clock);
    // Same moment on both: the device ids decide, the same way on both.
    await patchSettings(a.db, { newPerDay: 7 });
    await patchSettings(b.db, { newPerDay: 9 });
    await a.engine.sync();
    await b.engine.sync();
    await a.engine.sync();
    const winner = a.engine.getStatus().device.id > b.engine.getStatus().device.id ? 7 : 9;
    expect((await getSettings(a.db)).settings.newPerDay).toBe(winner);
    expect((await getSettings(b.db)).settings.newPerDay).toBe(winner);
    // A later change wins whoever made it; the theme stays with its computer.
    clock.now = T0 + MIN;
    await patchSettings(b.db, { newPerDay: 33, theme: 'dark' });
    await b.engine.sync();
    await a.engine.sync();
    expect((await getSettings(a.db)).settings.newPerDay).toBe(33);
    expect((await getSettings(a.db)).settings.theme).toBe(DEFAULT_SETTINGS.theme);
  });

  it('carries flags and reading progress', async () => {
    const folder = memoryFolder();
    const clock = { now: T0 };
    const a = await device(folder, 'Laptop', clock);
    const b = await device(folder, 'Desktop', clock);
    await setFlagged(a.db, key('q3'), true, { chapterId: 'c2', order: 3 }, T0);
    await markChapterOpened(a.db, 'p', 'c2', T0 + MIN, 's2');
    await a.engine.sync();
    const status = await b.engine.sync();
    expect((await b.db.cards.get(key('q3')))?.flagged).toBe(1);
    expect(await b.db.reading.get('p:c2')).toMatchObject({ firstOpenedAt: T0 + MIN, lastSection: 's2' });
    expect(status.lastIncoming).toMatchObject({ marks: 1, reading: 1 });
    // Cleared on B a minute later: the flag goes off on A too.
    clock.now = T0 + MIN;
    await setFlagged(b.db, key('q3'), false);
    await b.engine.sync();
    await a.engine.sync();
    expect((await a.db.cards.get(key('q3')))?.flagged).toBe(0);
  });

  it('finds the marked cards in the statistics’ card columns, not by reading every card row', async () => {
    const folder = memoryFolder();
    const clock = { now: T0 };
    const a = await device(folder, 'Laptop', clock);
    const b = await device(folder, 'Desktop', clock);
    await setFlagged(a.db, key('q3'), true, { chapterId: 'c2', order: 3 }, T0);
    await setSuspended(a.db, key('q1'), true, { chapterId: 'c1', order: 1 }, T0);
    expect(await saveCardColumns(a.db)).toBe(true);
    // Under the app's back (no middleware names it written): the rows say q3 is not flagged. An export
    // that read every row would see no flag; one that reads the up-to-date columns sends it.
    const idb = a.db.backendDB();
    const row = await a.db.cards.get(key('q3'));
    await new Promise<void>((done, fail) => {
      const t = idb.transaction('cards', 'readwrite');
      t.objectStore('cards').put({ ...row, flagged: 0 });
      t.oncomplete = () => done();
      t.onerror = () => fail(t.error);
    });
    await a.engine.sync();
    await b.engine.sync();
    expect((await b.db.cards.get(key('q3')))?.flagged).toBe(1);
    expect((await b.db.cards.get(key('q1')))?.suspended).toBe(1);
  });

  it('installs a pack imported on one device on the other, and takes it out there keeping its reviews', async () => {
    const folder = memoryFolder();
    const clock = { now: T0 };
    const a = await device(folder, 'Laptop', clock);
    const b = await device(folder, 'Desktop', clock);
    const pack = buildPack({
      id: 'extra',
      title: 'Extra pack',
      questions: [buildFlashcard({ id: 'f1' }), buildFlashcard({ id: 'f2', front: 'Second?' })],
    });
    const stored = await applyImport(
      a.db,
      pack,
      { origin: 'imported', format: 'lectern', contentHash: 'h1' },
      T0,
    );
    expect(stored.ok).toBe(true);
    const res = await answerCard(a.db, {
      key: 'extra:f1' as CardKey,
      shownRev: 0,
      place: { chapterId: 'c1', order: 0 },
      rating: 3,
      grade: { score: 1, correct: true },
      response: { type: 'flashcard', rating: 3 },
      responseMs: 1000,
      now: T0 + MIN,
      settings: resolveSchedulingSettings(DEFAULT_SETTINGS, 'extra'),
    });
    expect(res.ok).toBe(true);
    await a.engine.sync();
    expect(folder.packs.size).toBe(1);
    const status = await b.engine.sync();
    expect(status.unreadable).toEqual([]);
    expect(await b.db.packs.get('extra')).toMatchObject({
      title: 'Extra pack',
      questionCount: 2,
      origin: 'imported',
    });
    expect((await b.db.cards.get('extra:f1' as CardKey))?.reps).toBe(1);
    expect(status.lastIncoming).toMatchObject({ packs: 1, reviews: 1 });
    // Installed from the folder: not sent back as a change of B's.
    await b.engine.sync();
    expect(folder.packs.size).toBe(1);
    const bId = b.engine.getStatus().device.id;
    for (const s of folder.files(bId)) expect(folder.text(s.device, s.file)).not.toContain('"k":"pack"');
    // Removed on A (a minute later): B takes it out of its Library; its review stays.
    clock.now = T0 + 2 * MIN;
    await removePack(a.db, 'extra');
    await a.engine.sync();
    await b.engine.sync();
    expect(await b.db.packs.get('extra')).toBeUndefined();
    expect(await b.db.revlog.count()).toBe(1);
  });

  it('keeps a segment whose pack file has not arrived for later, applying none of it', async () => {
    const folder = memoryFolder();
    const a = await device(folder, 'Laptop');
    const b = await device(folder, 'Desktop');
    const pack = buildPack({ id: 'late', questions: [buildFlashcard({ id: 'f1' })] });
    await applyImport(a.db, pack, { origin: 'imported', format: 'lectern', contentHash: 'h1' }, T0);
    await answer(a, 'q0', 3, T0 + MIN);
    await a.engine.sync();
    const [hash, text] = [...folder.packs.entries()][0] ?? ['', ''];
    folder.packs.delete(hash);
    const first = await b.engine.sync();
    expect(first.unreadable[0]?.reason).toMatch(/has not arrived yet/);
    expect(await b.db.revlog.count()).toBe(0);
    folder.packs.set(hash, text);
    const second = await b.engine.sync();
    expect(second.unreadable).toEqual([]);
    expect(await b.db.packs.get('late')).toBeDefined();
    expect(await b.db.revlog.count()).toBe(1);
  });

  it('compacts a journal every device has read into a snapshot, and a late device still gets everything', async () => {
    const folder = memoryFolder();
    const a = await device(folder, 'Laptop');
    const b = await device(folder, 'Desktop');
    for (let i = 0; i < 3; i++) {
      await answer(a, `q${i}`, 3, T0 + (i + 1) * MIN);
      await a.engine.sync();
    }
    const aId = a.engine.getStatus().device.id;
    // B has read nothing yet: nothing may go.
    expect((await compactJournal(a.db, folder, T0, 2)).removed).toBe(0);
    await b.engine.sync(); // reads A, and tells A so in a segment of its own
    await a.engine.sync(); // learns what B read
    const before = folder.files(aId).length;
    const done = await compactJournal(a.db, folder, T0 + 10 * MIN, 2);
    expect(done.removed).toBeGreaterThanOrEqual(2);
    expect(folder.files(aId).length).toBe(before - done.removed + 1);
    const late = await device(folder, 'Tablet');
    await late.engine.sync();
    expect(await reviewIds(late)).toEqual(await reviewIds(a));
    // B reads the snapshot as a no-op.
    await b.engine.sync();
    expect(await b.db.revlog.count()).toBe(3);
    expect((await readRecord(a.db))?.device.name).toBe('Laptop');
  });

  it('stops for good when sync is turned off, keeping every row', async () => {
    const folder = memoryFolder();
    const a = await device(folder, 'Laptop');
    await answer(a, 'q0', 3, T0 + MIN);
    a.engine.stop();
    await a.engine.sync();
    expect(folder.files()).toEqual([]);
    expect(await a.db.revlog.count()).toBe(1);
  });

  it('writes segments that decode, one device per folder', () => {
    const text = encodeSegment({ device: 'abcdefgh', name: 'X', seq: 1, createdAt: T0 }, []);
    expect(text.startsWith('{"format":"lectern-sync"')).toBe(true);
  });
});
