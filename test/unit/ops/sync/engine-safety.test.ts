/**
 * The engine's safety rules (issue 20): a backup before the first merge ever (and only then), reviews
 * written with past times still go out once the cursor is rewound, a cancelled sync keeps what it
 * merged, and what came in is not read again by the next export.
 */
import { describe, expect, it } from 'vitest';
import { decodeSegment, eventIdMaker } from '@/core/sync';
import { undoAnswer } from '@/ops/study/undo-answer';
import { exportJournal, readRecord } from '@/ops/sync';
import { rewindExportCursor } from '@/ops/sync/record';
import { memoryFolder } from '../../../support/sync-folder';
import { answer, cardStates, device, key, MIN, reviewIds, T0 } from './devices';

describe('sync engine safety (issue 20)', () => {
  it('takes a backup before the first merge ever, and never again', async () => {
    const folder = memoryFolder();
    const backups: number[] = [];
    const a = await device(folder, 'Laptop');
    const b = await device(
      folder,
      'Desktop',
      { now: T0 },
      {
        backup: async () => {
          backups.push(await b.db.revlog.count());
        },
      },
    );
    // Nothing to merge yet: no backup.
    await b.engine.sync();
    expect(backups).toEqual([]);
    await answer(a, 'q0', 3, T0 + MIN);
    await a.engine.sync();
    await b.engine.sync();
    // Taken before anything came in.
    expect(backups).toEqual([0]);
    await answer(a, 'q1', 3, T0 + 2 * MIN);
    await a.engine.sync();
    await b.engine.sync();
    expect(backups).toEqual([0]);
    expect(await b.db.revlog.count()).toBe(2);
  });

  it('sends reviews written with past times once the export cursor is rewound (an imported history)', async () => {
    const folder = memoryFolder();
    const clock = { now: T0 + 60 * MIN };
    const a = await device(folder, 'Laptop', clock);
    const b = await device(folder, 'Desktop', clock);
    await answer(a, 'q0', 3, T0 + 50 * MIN);
    await a.engine.sync();
    // A review dated before the cursor, as an imported history writes them.
    await answer(a, 'q1', 3, T0 + MIN);
    const past = (await a.db.revlog.toArray()).find((r) => r.cardKey === 'p:q1');
    if (!past) throw new Error('no review');
    await rewindExportCursor(a.db, past.id);
    await a.engine.sync();
    await b.engine.sync();
    expect(await reviewIds(b)).toEqual(await reviewIds(a));
  });

  it('moves the export cursor past what came in, so the next export does not read it again', async () => {
    const folder = memoryFolder();
    const clock = { now: T0 + 24 * 60 * MIN };
    const a = await device(folder, 'Laptop', clock);
    const b = await device(folder, 'Desktop', clock);
    await answer(a, 'q0', 3, T0 + MIN);
    await answer(a, 'q1', 3, T0 + 2 * MIN);
    await a.engine.sync();
    await b.engine.sync();
    const ids = await reviewIds(b);
    expect((await readRecord(b.db))?.reviewCursor).toBe(ids[ids.length - 1]);
  });

  it('takes an answer undone after it was sent off the other device too', async () => {
    const folder = memoryFolder();
    const a = await device(folder, 'Laptop');
    const b = await device(folder, 'Desktop');
    await answer(a, 'q0', 3, T0 + MIN);
    const before = await a.db.cards.get(key('q0'));
    await answer(a, 'q0', 4, T0 + 11 * MIN);
    await a.engine.sync();
    await b.engine.sync();
    expect(await b.db.revlog.count()).toBe(2);
    // Undone on A after B had it.
    const last = (await a.db.revlog.toArray()).sort((x, y) => (x.id < y.id ? -1 : 1))[1];
    const card = await a.db.cards.get(key('q0'));
    if (!last || !before || !card) throw new Error('no answer');
    const undone = await undoAnswer(a.db, key('q0'), { before, reviewId: last.id, dueAfter: card.due });
    expect(undone.ok).toBe(true);
    await a.engine.sync();
    await b.engine.sync();
    expect(await reviewIds(b)).toEqual(await reviewIds(a));
    expect(await b.db.revlog.count()).toBe(1);
    expect(await cardStates(b)).toEqual(await cardStates(a));
    // A copy of the old segment read later does not bring it back.
    const late = await device(folder, 'Tablet');
    await late.engine.sync();
    expect(await late.db.revlog.count()).toBe(1);
  });

  it('stops a cancelled sync between steps, keeping what was merged and reporting it', async () => {
    const folder = memoryFolder();
    const a = await device(folder, 'Laptop');
    const b = await device(folder, 'Desktop');
    await answer(a, 'q0', 3, T0 + MIN);
    await a.engine.sync();
    const running = b.engine.sync();
    b.engine.cancel();
    const status = await running;
    expect(status.running).toBe(false);
    expect(status.error === null || /cancelled/.test(status.error)).toBe(true);
    const again = await b.engine.sync();
    expect(again.error).toBeNull();
    expect(await b.db.revlog.count()).toBe(1);
  });

  it('announces what it read with no events of its own: a change made meanwhile goes out with the next export', async () => {
    const folder = memoryFolder();
    const a = await device(folder, 'Laptop');
    const b = await device(folder, 'Desktop');
    await answer(a, 'q0', 3, T0 + MIN);
    await a.engine.sync();
    // What b read is new: the announcement is written, holding only b's read cursors.
    await b.engine.sync();
    const mine = (await readRecord(b.db))?.device.id ?? '';
    const announced = folder.files(mine).at(-1);
    if (!announced) throw new Error('no announcement');
    const read = decodeSegment(folder.text(mine, announced.file) ?? '');
    if (!read.ok) throw new Error(read.message);
    expect(read.events).toEqual([]);
    expect(read.header.seen).toEqual({ [(await readRecord(a.db))?.device.id ?? '']: 1 });
    // A flag set after the sync's own export: an announcement does not carry it, the next export does.
    await b.db.cards.update(key('q0'), { flagged: 1 });
    await answer(a, 'q1', 3, T0 + 2 * MIN);
    await a.engine.sync();
    const newId = eventIdMaker(mine);
    const before = folder.files(mine).length;
    await exportJournal(b.db, folder, T0 + 3 * MIN, newId, { announceSeen: true });
    const only = folder.files(mine);
    expect(only.length).toBe(before);
    const exported = await exportJournal(b.db, folder, T0 + 3 * MIN, newId);
    expect(exported.events).toBe(1);
    await a.engine.sync();
    expect((await a.db.cards.get(key('q0')))?.flagged).toBe(1);
  });
});
