import { afterEach, describe, expect, it } from 'vitest';
import { LecternDb } from '../../../../renderer/src/db/schema/database';
import {
  hasUserData,
  isDailyBackupDue,
  startOfLocalDay,
  suggestBackupName,
} from '../../../../renderer/src/ops/backup/actions';

const NOW = new Date(2026, 2, 15, 14, 30).getTime(); // local time
const HOUR = 3_600_000;

describe('isDailyBackupDue', () => {
  const info = (modifiedAt: number) => ({ name: 'x.json', bytes: 1, modifiedAt });
  it('is due when no backup was written since local midnight', () => {
    expect(isDailyBackupDue([], NOW)).toBe(true);
    expect(isDailyBackupDue([info(startOfLocalDay(NOW) - 1)], NOW)).toBe(true);
    expect(isDailyBackupDue([info(startOfLocalDay(NOW))], NOW)).toBe(false);
    expect(isDailyBackupDue([info(NOW - HOUR)], NOW)).toBe(false);
  });
  it('does not trust a backup stamped in the future (a clock set back)', () => {
    expect(isDailyBackupDue([info(NOW + 48 * HOUR)], NOW)).toBe(true);
  });
  it('names exported files by local date', () => {
    expect(suggestBackupName(NOW)).toBe('lectern-backup-2026-03-15.json');
  });
});

describe('hasUserData', () => {
  let db: LecternDb;
  afterEach(async () => {
    await db?.delete();
  });

  it('is false for a fresh database with only the bundled course, true once anything is the student’s', async () => {
    db = new LecternDb(`test-backup-actions-${Math.random()}`);
    const pack = {
      id: 'course',
      title: 'Course',
      language: 'en',
      version: '1',
      origin: 'bundled' as const,
      format: 'lectern' as const,
      chapters: [],
      discussions: [],
      questionCount: 0,
      chapterCounts: {},
      typeCounts: {},
      contentHash: 'h',
      importedAt: NOW,
      updatedAt: NOW,
    };
    await db.packs.add(pack);
    expect(await hasUserData(db)).toBe(false);
    await db.reading.add({
      key: 'course:c1',
      packId: 'course',
      chapterId: 'c1',
      firstOpenedAt: NOW,
      lastOpenedAt: NOW,
    });
    expect(await hasUserData(db)).toBe(true);
    await db.reading.clear();
    await db.packs.add({ ...pack, id: 'mine', origin: 'imported' });
    expect(await hasUserData(db)).toBe(true);
  });
});
