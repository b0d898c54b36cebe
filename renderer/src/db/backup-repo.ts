/**
 * Backups of everything the user has: export to one versioned file, restore after validation.
 * A restore replaces every table in ONE read-write transaction: if any write fails, Dexie aborts it
 * and the database is exactly as before.
 */
import type { Backup, BackupCounts, BackupResult, BackupTableName, BackupTables } from '../core/backup';
import { BACKUP_TABLES, createBackupWriter, parseBackup } from '../core/backup';
import type { LecternDb } from './db';
import type {
  CardKey,
  CardRow,
  PackRow,
  QuestionRow,
  ReadingRow,
  ReviewRow,
  SelfTestRow,
  SettingRow,
} from './rows';

// Compile-time proof that the backup row schemas and the stored row types describe the same rows: the
// same field names, and each assignable to the other once the CardKey brand is set aside. If a row
// type gains a field, this stops compiling until the backup format learns it.
type Unbrand<T> = T extends CardKey
  ? string
  : T extends readonly (infer U)[]
    ? Unbrand<U>[]
    : T extends object
      ? { [K in keyof T]: Unbrand<T[K]> }
      : T;
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;
type Fits<A, B> = [A] extends [B] ? true : false;
type Check<T extends true> = T;
type Rows = {
  packs: PackRow;
  questions: QuestionRow;
  cards: CardRow;
  reviews: Required<Pick<ReviewRow, 'id'>> & Omit<ReviewRow, 'id'>;
  reading: ReadingRow;
  settings: SettingRow;
  selftests: Required<Pick<SelfTestRow, 'id'>> & Omit<SelfTestRow, 'id'>;
};
type Schema<T extends BackupTableName> = BackupTables[T][number];
export type _BackupRowChecks = [
  Check<SameKeys<Rows['packs'], Schema<'packs'>>>,
  Check<SameKeys<Rows['questions'], Schema<'questions'>>>,
  Check<SameKeys<Rows['cards'], Schema<'cards'>>>,
  Check<SameKeys<Rows['reviews'], Schema<'reviews'>>>,
  Check<SameKeys<Rows['reading'], Schema<'reading'>>>,
  Check<SameKeys<Rows['settings'], Schema<'settings'>>>,
  Check<SameKeys<Rows['selftests'], Schema<'selftests'>>>,
  Check<Fits<Unbrand<Rows['packs']>, Schema<'packs'>>>,
  Check<Fits<Unbrand<Rows['questions']>, Schema<'questions'>>>,
  Check<Fits<Unbrand<Rows['cards']>, Schema<'cards'>>>,
  Check<Fits<Schema<'cards'>, Unbrand<Rows['cards']>>>,
  Check<Fits<Unbrand<Rows['reviews']>, Schema<'reviews'>>>,
  Check<Fits<Schema<'reviews'>, Unbrand<Rows['reviews']>>>,
  Check<Fits<Rows['reading'], Schema<'reading'>>>,
  Check<Fits<Schema<'reading'>, Rows['reading']>>,
  Check<Fits<Rows['settings'], Schema<'settings'>>>,
  Check<Fits<Rows['selftests'], Schema<'selftests'>>>,
  Check<Fits<Schema<'selftests'>, Rows['selftests']>>,
];

/** Rows read per request for the big tables. */
const CHUNK = 5000;

function tableOf(db: LecternDb, name: BackupTableName) {
  return db[name];
}

/**
 * Writes a backup of every table (one read snapshot). Reviews are read in chunks so their row objects
 * are never all in memory at once. `now` is the backup's creation time.
 */
export async function exportBackup(db: LecternDb, now: number, appVersion: string): Promise<string> {
  const writer = createBackupWriter({ createdAt: now, appVersion });
  await db.transaction(
    'r',
    BACKUP_TABLES.map((t) => tableOf(db, t)),
    async () => {
      for (const name of BACKUP_TABLES) {
        if (name === 'reviews') {
          let after = Number.NEGATIVE_INFINITY;
          for (;;) {
            const rows = await db.reviews.where(':id').above(after).limit(CHUNK).toArray();
            writer.addRows(name, rows);
            const last = rows[rows.length - 1];
            if (rows.length < CHUNK || last?.id === undefined) break;
            after = last.id;
          }
        } else {
          writer.addRows(name, await tableOf(db, name).toArray());
        }
      }
    },
  );
  return writer.finish();
}

/** Reads every table whole (tests and small databases; `exportBackup` is the way for big ones). */
export async function readAllTables(db: LecternDb): Promise<BackupTables> {
  return db.transaction(
    'r',
    BACKUP_TABLES.map((t) => tableOf(db, t)),
    async () => {
      const out = {} as Record<BackupTableName, unknown[]>;
      for (const name of BACKUP_TABLES) out[name] = await tableOf(db, name).toArray();
      return out as unknown as BackupTables;
    },
  );
}

/**
 * Replaces every table with the backup's rows in one transaction. Pass only a backup `parseBackup`
 * accepted. If anything fails the transaction aborts, the promise rejects and nothing has changed.
 */
export async function restoreBackup(db: LecternDb, backup: Backup): Promise<BackupCounts> {
  const t = backup.tables;
  await db.transaction(
    'rw',
    BACKUP_TABLES.map((name) => tableOf(db, name)),
    async () => {
      for (const name of BACKUP_TABLES) await tableOf(db, name).clear();
      await db.packs.bulkAdd(t.packs as PackRow[]);
      await db.questions.bulkAdd(t.questions as QuestionRow[]);
      await db.cards.bulkAdd(t.cards as CardRow[]);
      await db.reviews.bulkAdd(t.reviews as ReviewRow[]);
      await db.reading.bulkAdd(t.reading as ReadingRow[]);
      await db.settings.bulkAdd(t.settings as SettingRow[]);
      await db.selftests.bulkAdd(t.selftests as SelfTestRow[]);
    },
  );
  return countsOf(t);
}

/** Parses, verifies and restores a backup's text; a refused file changes nothing. */
export async function restoreBackupText(db: LecternDb, text: string): Promise<BackupResult> {
  const parsed = parseBackup(text);
  if (!parsed.ok) return parsed;
  await restoreBackup(db, parsed.backup);
  return parsed;
}

/** Rows per table in the database now (to show beside a backup's counts before restoring). */
export async function countTables(db: LecternDb): Promise<BackupCounts> {
  return db.transaction(
    'r',
    BACKUP_TABLES.map((t) => tableOf(db, t)),
    async () => {
      const out = {} as BackupCounts;
      for (const name of BACKUP_TABLES) out[name] = await tableOf(db, name).count();
      return out;
    },
  );
}

function countsOf(t: BackupTables): BackupCounts {
  return Object.fromEntries(BACKUP_TABLES.map((name) => [name, t[name].length])) as BackupCounts;
}
