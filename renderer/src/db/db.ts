/**
 * The Dexie database. Versions are append-only: a version with an upgrade() stays forever and has a
 * test that opens the old schema with fixture rows and reopens at the new one.
 */
import { Dexie, type EntityTable } from 'dexie';
import type { CardRow, PackRow, QuestionRow, ReadingRow, ReviewRow, SelfTestRow, SettingRow } from './rows';

export const DB_NAME = 'lectern';

/** Index definitions of every version, oldest first. Exported so upgrade tests can open old versions. */
export const SCHEMA_VERSIONS: Record<number, Record<string, string>> = {
  1: {
    packs: 'id, origin, updatedAt',
    questions: 'key, packId, [packId+order], [packId+chapterId]',
    cards: 'key, packId, due, [packId+chapterId], [packId+state+order], [removed+suspended+state+due]',
    reviews: '++id, cardKey, at, [packId+at]',
    reading: 'key, packId',
    settings: 'key',
    selftests: '++id, status, startedAt',
  },
};

export class LecternDb extends Dexie {
  packs!: EntityTable<PackRow, 'id'>;
  questions!: EntityTable<QuestionRow, 'key'>;
  cards!: EntityTable<CardRow, 'key'>;
  reviews!: EntityTable<ReviewRow, 'id'>;
  reading!: EntityTable<ReadingRow, 'key'>;
  settings!: EntityTable<SettingRow, 'key'>;
  selftests!: EntityTable<SelfTestRow, 'id'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_VERSIONS[1] ?? {});
  }
}

/** The app's database. Tests make their own with `new LecternDb(uniqueName)`. */
export const db = new LecternDb();
