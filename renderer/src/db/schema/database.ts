/**
 * The Dexie database. Versions are append-only: a version with an upgrade() stays forever and has a
 * test that opens the old schema with fixture rows and reopens at the new one.
 *
 * Version 2 (speed at 100k questions, issue 8): questions are stored a hundred to a record
 * (`questionChunks`), and a question gets a card row only once it is studied (or suspended or
 * flagged) — Chromium's IndexedDB spends ~150 µs per record, so one record per question and per card
 * made a 100k import take a minute. Card index fields (`dueKey`, `startedOrder`) are derived on every
 * write by the middleware below, so no caller can forget them.
 *
 * Version 3: `chapterTallies` holds each chapter's started cards, kept by a second middleware in the
 * same transaction as every card write (`chapter-tallies.ts`), so the Library's new counts are a
 * read of a few rows instead of an index walk over every studied card; `reviewColumns` caches the
 * statistics' columns of the review log by span of ids (`review-column-cache.ts`).
 *
 * Version 4 (issue 19): `meta` holds what the database says about itself, outside the backed-up tables:
 * the id stamped in it (checked against the record main keeps beside it, `ops/database-health.ts`)
 * and the check of the chapter tallies, kept with them, that tells a cleared or edited tally apart.
 *
 * Version 5 (issue 17): `mediaFiles` holds packs' images and sounds as Blobs, once per content hash;
 * `packMedia` maps each pack's file names to them (`media-repo.ts`).
 * Also version 5 (issue 16): the review log moves to `revlog`, a compact row per answer (numbers, not a
 * card copy) keyed by a globally unique, time-ordered id (`core/revlog/review-id.ts`); undo's card
 * snapshot moves to `undo`, kept only for the running session. The old rows are moved by
 * `db/repos/revlog-upgrade.ts` in bounded batches after the database opens (an IndexedDB upgrade is one
 * transaction: a million rows in it would hold the app minutes with no progress and start over
 * if killed); `reviews` stays declared until they have all moved. `reviewColumns` is keyed by day
 * from now on: the upgrade clears it.
 *
 * Version 6 (issues 16 and 20): `revlogDays` holds the review log's older days, a day's reviews coded
 * as one record (`core/revlog/day-blocks.ts`): a record per review costs Chromium ~200 µs and ≥ 84
 * bytes whatever it holds. Rows of `revlog` move into their day once the day is over
 * (`compactReviewLog`); every reader reads both through `db/repos/revlog-repo.ts`.
 *
 * Version 7 (issue 16): `cardColumns` caches the statistics' fields of the card rows as typed arrays,
 * and `cardsDirty` names the cards written since (`middleware/card-columns.ts`): an opening reads a
 * few records, not every card row. Both start empty: the first opening (or the upkeep) fills them.
 */

import { type DBCore, Dexie, type EntityTable, type Table, type Transaction } from 'dexie';
import type { ReviewDayRow } from '../../core/revlog/day-blocks';
import type { CardColumnChunk } from '../../core/stats/card-columns';
import { MEDIA_STORES, type MediaFileRow, type PackMediaRow } from './media-rows';
import { type CardDirtyRow, cardColumnsMiddleware } from './middleware/card-columns';
import { chapterTallyMiddleware } from './middleware/chapter-tallies';
import { wrapWrites } from './middleware/derived-tables';
import { type ReviewColumnRow, reviewColumnMiddleware } from './middleware/review-column-cache';
import { rowGuardMiddleware } from './middleware/row-guard';
import type {
  CardRow,
  ChapterTallyRow,
  LegacyReviewRow,
  MetaRow,
  PackRow,
  QuestionChunkRow,
  ReadingRow,
  ReviewRow,
  SelfTestRow,
  SettingRow,
  UndoRow,
} from './rows';
import { upgradeToV2 } from './upgrades/upgrade-v2';
import { upgradeToV3, upgradeToV4 } from './upgrades/upgrade-v3-v4';

export const DB_NAME = 'lectern';

/** Index definitions of every version, oldest first. Exported so upgrade tests can open old versions. */
export const SCHEMA_VERSIONS: Record<number, Record<string, string | null>> = {
  1: {
    packs: 'id, origin, updatedAt',
    questions: 'key, packId, [packId+order], [packId+chapterId]',
    cards: 'key, packId, due, [packId+chapterId], [packId+state+order], [removed+suspended+state+due]',
    reviews: '++id, cardKey, at, [packId+at]',
    reading: 'key, packId',
    settings: 'key',
    selftests: '++id, status, startedAt',
  },
  2: {
    questions: null,
    questionChunks: '[packId+chunk]',
    cards: 'key, packId, [packId+state+dueKey], [packId+chapterId+dueKey], [packId+chapterId+startedOrder]',
  },
  3: {
    chapterTallies: '[packId+chapterId]',
    reviewColumns: 'first',
  },
  4: {
    meta: 'key',
  },
  5: {
    ...MEDIA_STORES,
    revlog: 'id, cardKey',
    undo: 'reviewId, cardKey, at',
  },
  6: {
    revlogDays: 'day, *packs, answered',
  },
  7: {
    cardColumns: 'chunk',
    cardsDirty: 'key',
  },
};

/** `card` with its index fields derived from its state (see {@link CardRow}). */
export function withCardIndexFields<T extends CardRow>(card: T): T {
  const { dueKey: _d, startedOrder: _s, ...rest } = card;
  const out = rest as T;
  if (card.removed) return out;
  if (card.state > 0 && !card.suspended) out.dueKey = card.due;
  if (card.state > 0 || card.suspended) out.startedOrder = card.order;
  return out;
}

/** Sets the card index fields on every card written, whichever Dexie call writes it. */
function cardIndexMiddleware(down: DBCore): DBCore {
  return {
    ...down,
    table: wrapWrites(down, 'cards', (table, req) =>
      req.type === 'add' || req.type === 'put'
        ? table.mutate({ ...req, values: req.values.map((v) => withCardIndexFields(v as CardRow)) })
        : table.mutate(req),
    ),
  };
}

/**
 * Closes the connection `renderer/public/open-db-early.js` opened while the page's scripts were
 * loading (it only warms the browser's database backend up): called once the app's own connection
 * is open. Returns whether there was one.
 */
export function closeEarlyConnection(
  scope: { __lecternEarlyDb?: IDBDatabase } = globalThis as { __lecternEarlyDb?: IDBDatabase },
): boolean {
  const early = scope.__lecternEarlyDb;
  if (!early) return false;
  delete scope.__lecternEarlyDb;
  early.close();
  return true;
}

export class LecternDb extends Dexie {
  packs!: EntityTable<PackRow, 'id'>;
  questionChunks!: Table<QuestionChunkRow, [string, number]>;
  cards!: EntityTable<CardRow, 'key'>;
  /** Derived from `cards` (see `chapter-tallies.ts`); not in backups. */
  chapterTallies!: Table<ChapterTallyRow, [string, string]>;
  /** Derived from `reviews` (see `review-column-cache.ts`); not in backups. */
  reviewColumns!: Table<ReviewColumnRow, number>;
  /** Derived from `cards` (see `card-columns.ts`): the statistics' card fields; not in backups. */
  cardColumns!: Table<CardColumnChunk, number>;
  /** Cards written since `cardColumns` was saved (see `card-columns.ts`); not in backups. */
  cardsDirty!: Table<CardDirtyRow, string>;
  /** What the database says about itself (its id, the tallies' check); not in backups. */
  meta!: EntityTable<MetaRow, 'key'>;
  /** The review log's recent answers, a row each (schema 5); older days are in `revlogDays`. */
  revlog!: Table<ReviewRow, string>;
  /** The review log's older days, a record a day (schema 6; `core/revlog/day-blocks.ts`). */
  revlogDays!: Table<ReviewDayRow, number>;
  /** Undo's card snapshots of the running session; not in backups. */
  undo!: Table<UndoRow, string>;
  /** The review log of schemas 1–4: emptied into the compact log by `repos/revlog-upgrade.ts`. */
  reviews!: EntityTable<LegacyReviewRow, 'id'>;
  reading!: EntityTable<ReadingRow, 'key'>;
  settings!: EntityTable<SettingRow, 'key'>;
  selftests!: EntityTable<SelfTestRow, 'id'>;
  /** Media files by content hash (schema 5); each pack's names for them in `packMedia`. */
  mediaFiles!: EntityTable<MediaFileRow, 'hash'>;
  packMedia!: Table<PackMediaRow, [string, string]>;

  constructor(name = DB_NAME) {
    super(name);
    this.use({ stack: 'dbcore', name: 'lectern-card-index', create: cardIndexMiddleware });
    this.use({ stack: 'dbcore', name: 'lectern-chapter-tallies', create: chapterTallyMiddleware });
    this.use({ stack: 'dbcore', name: 'lectern-review-columns', create: reviewColumnMiddleware });
    this.use({ stack: 'dbcore', name: 'lectern-card-columns', create: cardColumnsMiddleware });
    this.use({ stack: 'dbcore', name: 'lectern-row-guard', create: rowGuardMiddleware });
    this.on('ready', () => {
      closeEarlyConnection();
    });
    this.version(1).stores(SCHEMA_VERSIONS[1] ?? {});
    this.version(2)
      .stores(SCHEMA_VERSIONS[2] ?? {})
      .upgrade((tx: Transaction) => upgradeToV2(tx));
    this.version(3)
      .stores(SCHEMA_VERSIONS[3] ?? {})
      .upgrade((tx: Transaction) => upgradeToV3(tx));
    this.version(4)
      .stores(SCHEMA_VERSIONS[4] ?? {})
      .upgrade((tx: Transaction) => upgradeToV4(tx));
    // Media's two new tables need nothing; the review log's rows move after opening (repos/revlog-upgrade.ts).
    this.version(5)
      .stores(SCHEMA_VERSIONS[5] ?? {})
      .upgrade((tx: Transaction) => tx.table('reviewColumns').clear());
    this.version(6).stores(SCHEMA_VERSIONS[6] ?? {});
    this.version(7).stores(SCHEMA_VERSIONS[7] ?? {});
  }
}

/** The app's database. Tests make their own with `new LecternDb(uniqueName)`. */
export const db = new LecternDb();
