import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BackupFileInfo, DatabaseRecord } from '../../../electron/ipc/contract';
import type { BackupSummary } from '../../../renderer/src/core/backup';
import { LecternDb } from '../../../renderer/src/db/schema/database';

/** Main's side: the record beside the database and the automatic backups, in memory. */
const main = vi.hoisted(() => ({
  record: null as DatabaseRecord | null,
  backups: [] as BackupFileInfo[],
  writes: 0,
}));
vi.mock('../../../renderer/src/platform/bridge', () => ({
  invoke: async (channel: string, input?: Omit<DatabaseRecord, 'generation' | 'writtenAt'>) => {
    if (channel === 'db:record-read') return { ok: true, value: main.record };
    if (channel === 'db:record-write' && input) {
      main.writes++;
      main.record = { ...input, generation: (main.record?.generation ?? 0) + 1, writtenAt: 5 };
      return { ok: true, value: main.record };
    }
    if (channel === 'backup:list') return { ok: true, value: main.backups };
    return { ok: false, error: { code: 'internal', message: channel } };
  },
}));

const { describeHeld } = await import('../../../renderer/src/features/backup/DatabaseNotice');
const { checkDatabase, chooseBackup, judgeDatabase, keepCurrentDatabase, noteAutoBackup, noteRestored } =
  await import('../../../renderer/src/ops/database-health');

const SUMMARY: BackupSummary = {
  packs: 1,
  questions: 40,
  cards: 15,
  reviews: 15,
  reading: 2,
  settings: 1,
  selftests: 0,
};
const backup = (name: string): BackupFileInfo => ({ name, bytes: 10, modifiedAt: 1 });
const GOOD = 'lectern-backup-2026-12-07T06-00-00-000Z-quit.json';
const LATER = 'lectern-backup-2026-12-07T07-00-00-000Z-quit.json';

let db: LecternDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
  main.record = null;
  main.backups = [];
  main.writes = 0;
});

describe('the database against the record beside it', () => {
  it('judges the recorded database whole, another one replaced only when the record held data', () => {
    const record: DatabaseRecord = {
      databaseId: 'a',
      counts: { ...SUMMARY },
      lastGoodBackup: null,
      generation: 1,
      writtenAt: 1,
    };
    expect(judgeDatabase('a', record)).toBe('ok');
    expect(judgeDatabase(undefined, record)).toBe('replaced');
    expect(judgeDatabase('b', record)).toBe('replaced');
    const empty = { ...record, counts: { ...SUMMARY, cards: 0, reviews: 0, reading: 0, settings: 0 } };
    expect(judgeDatabase(undefined, empty)).toBe('stamp');
    expect(judgeDatabase(undefined, { ...empty, lastGoodBackup: GOOD })).toBe('replaced');
    expect(judgeDatabase(undefined, null)).toBe('stamp');
    expect(chooseBackup([backup(LATER), backup(GOOD)], { ...record, lastGoodBackup: GOOD })?.name).toBe(GOOD);
    expect(chooseBackup([backup(LATER)], { ...record, lastGoodBackup: GOOD })?.name).toBe(LATER);
    expect(chooseBackup([], record)).toBeNull();
  });

  it('a database recreated empty after damage is told apart from a fresh install, and backups of it never become the last good one (issue 19)', async () => {
    // A fresh install: stamped and recorded, no notice.
    db = new LecternDb(`health-${Math.random()}`);
    expect(await checkDatabase(db)).toEqual({ status: 'ok' });
    const id = main.record?.databaseId;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    // Quit: the backup is the last good one, with what it holds.
    await noteAutoBackup({ name: GOOD, path: GOOD, bytes: 10, modifiedAt: 1 }, SUMMARY);
    expect(main.record).toMatchObject({ databaseId: id, lastGoodBackup: GOOD, counts: { reviews: 15 } });
    // Same database next start: whole.
    expect(await checkDatabase(db)).toEqual({ status: 'ok' });

    // The browser recreated the database empty.
    await db.delete();
    db = new LecternDb(`health-${Math.random()}`);
    main.backups = [backup(LATER), backup(GOOD)];
    const health = await checkDatabase(db);
    expect(health).toMatchObject({
      status: 'replaced',
      backup: { name: GOOD },
      record: { counts: { reviews: 15 } },
    });
    // Quit backups of the empty database leave the record (and so main's pin) alone.
    const writes = main.writes;
    await noteAutoBackup({ name: LATER, path: LATER, bytes: 1, modifiedAt: 2 }, { ...SUMMARY, reviews: 0 });
    expect(main.writes).toBe(writes);
    expect(await checkDatabase(db)).toMatchObject({ status: 'replaced' });

    // Restored: stamped, recorded with what was restored, still naming the good backup; whole from now on.
    await noteRestored(SUMMARY, db);
    expect(main.record).toMatchObject({ lastGoodBackup: GOOD, counts: { reviews: 15 } });
    expect(main.record?.databaseId).not.toBe(id);
    expect(await checkDatabase(db)).toEqual({ status: 'ok' });
  });

  it('keeping the current data records it as the student’s', async () => {
    db = new LecternDb(`health-${Math.random()}`);
    main.record = {
      databaseId: 'gone',
      counts: { ...SUMMARY },
      lastGoodBackup: GOOD,
      generation: 3,
      writtenAt: 1,
    };
    expect(await checkDatabase(db)).toMatchObject({ status: 'replaced', backup: null });
    await keepCurrentDatabase(db);
    expect(main.record).toMatchObject({ lastGoodBackup: GOOD, counts: { reviews: 0 }, generation: 4 });
    expect(await checkDatabase(db)).toEqual({ status: 'ok' });
  });

  it('names what the lost database held, zeros left out', () => {
    expect(describeHeld({ ...SUMMARY, selftests: 1 })).toBe(
      '15 studied questions, 15 reviews, 2 chapters opened, 1 self-test and 1 setting',
    );
    expect(describeHeld({ ...SUMMARY, cards: 0, reviews: 0, reading: 1, settings: 0 })).toBe(
      '1 chapter opened',
    );
    expect(describeHeld({ ...SUMMARY, cards: 0, reviews: 0, reading: 0, settings: 0 })).toBe('your packs');
  });
});
