/**
 * Backups of every format through the whole path (issue 16): files of formats 1 to 4 built here,
 * restored through the worker's side (MessageChannel, fake-indexeddb) from main's real handlers and
 * from a chosen file; then exported again as format 4, wiped and restored: the data is identical. A
 * damaged gzip file is refused with its name and what is wrong, and nothing stored changes.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BACKUP_TABLES, type BackupTables, serializeBackup } from '../../../../renderer/src/core/backup';
import { readAllTables } from '../../../../renderer/src/db/repos/backup-repo';
import { LecternDb } from '../../../../renderer/src/db/schema/database';
import { fill, workerOn } from '../../../support/backup-worker';
import { META as FILE_META, sampleTables } from '../../core/backup/fixtures';
import { serializeV1Backup, type V1Tables } from '../../core/backup/v1-writer';
import { makeCard, makeReview } from '../../core/stats/fixtures';

vi.mock('electron', () => ({
  BrowserWindow: { fromWebContents: () => null },
  dialog: { showSaveDialog: async () => ({ canceled: true }) },
  shell: { openPath: async () => '' },
}));

const { backupFileName, registerBackupHandlers } = await import('../../../../electron/ipc/backup-handlers');
const { createHandlerRegistry } = await import('../../../../electron/ipc/handle');
const { runExport, runVerify } = await import('../../../../renderer/src/ops/backup/runner');
const { autoBackupSource, fileSource } = await import('../../../../renderer/src/ops/backup/sources');

const PAGE = 'file:///app/out/renderer/index.html';
const META = { now: 1_700_000_000_000, appVersion: '0.1.0' };

let dir = '';
const dbs: LecternDb[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lectern-formats-'));
  type Listener = (event: unknown, ...args: unknown[]) => Promise<unknown>;
  const map = new Map<string, Listener>();
  const registry = createHandlerRegistry(
    { handle: (c: string, fn: Listener) => void map.set(c, fn) } as never,
    (u) => u === PAGE,
  );
  registerBackupHandlers(registry, () => dir);
  const lectern = {
    invoke: async (channel: string, ...args: unknown[]) => {
      const fn = map.get(channel);
      if (!fn) return { ok: false, error: { code: 'forbidden', message: `no ${channel}` } };
      // IPC payloads cross as JSON in the stand-in: nothing but plain data may pass.
      return fn({ senderFrame: { url: PAGE }, sender: {} }, ...JSON.parse(JSON.stringify(args)));
    },
    on: () => () => {},
  };
  vi.stubGlobal('window', { lectern });
});
afterEach(async () => {
  vi.unstubAllGlobals();
  rmSync(dir, { recursive: true, force: true });
  for (const d of dbs.splice(0)) {
    d.close();
    await Dexie.delete(d.name);
  }
});

function open(): LecternDb {
  const d = new LecternDb(`test-formats-${Math.random()}`);
  dbs.push(d);
  return d;
}

async function wipe(d: LecternDb): Promise<void> {
  // The backup's `reviews` live in the database's `revlog` since schema 5.
  const tables = [...BACKUP_TABLES.map((n) => d[n]), d.revlog, d.undo];
  await d.transaction('rw', tables, async () => {
    for (const t of tables) await t.clear();
  });
}

/** Something else stored, so a restore visibly replaces it. */
function otherTables(): BackupTables {
  return {
    ...sampleTables(),
    cards: [makeCard({ key: 'p:a', state: 1 })],
    reviews: [],
    settings: [{ key: 'other', value: 1 }],
  } as BackupTables;
}

/** sampleTables as the version 1 writer had them: counts computed on restore, a card per question. */
function v1Tables(): V1Tables {
  const t = sampleTables();
  const questions = t.questionChunks.flatMap((c) => c.items).map((q) => ({ ...q, answerHash: `h-${q.id}` }));
  const cardOf = new Map(t.cards.map((c) => [c.key, c]));
  return {
    packs: t.packs.map(({ chapterCounts: _c, typeCounts: _t, ...p }) => p),
    questions,
    cards: questions.map((q) => ({
      ...(cardOf.get(q.key) ?? makeCard({ key: q.key, chapterId: q.chapterId })),
      order: q.order,
    })),
    reviews: legacyReviews(),
    reading: t.reading,
    settings: t.settings,
    selftests: t.selftests,
  };
}

/**
 * sampleTables' reviews as a schema 1–4 log kept them (formats 1 and 2): numeric ids, the pack and
 * chapter, the answer as JSON text and the card before the answer (issue 16 made the row compact).
 */
function legacyReviews() {
  const t = sampleTables();
  const cardOf = new Map(t.cards.map((c) => [c.key, c]));
  return t.reviews.map((r, i) => {
    const card = cardOf.get(r.cardKey) ?? makeCard({ key: r.cardKey });
    return {
      id: i + 1,
      cardKey: r.cardKey,
      packId: card.packId,
      chapterId: card.chapterId,
      at: r.at,
      rating: r.rating,
      score: r.score,
      correct: r.correct,
      response: r.response ?? '""',
      responseMs: r.responseMs,
      stateBefore: r.stateBefore,
      prev: card,
      dueAfter: r.dueAfter,
    };
  });
}

/** A gzip-compressed format 3 file, as the app wrote it before format 4. */
function v3File(): Buffer {
  return gzipSync(Buffer.from(serializeBackup(sampleTables(), FILE_META, { formatVersion: 3 })));
}

/** A gzip-compressed format 4 file (reviews in blocks of columns), as the app writes it. */
function v4File(): Buffer {
  return gzipSync(Buffer.from(serializeBackup(sampleTables(), FILE_META, { formatVersion: 4 })));
}

/** Writes `bytes` as an automatic backup in main's folder; its source. */
function asAutoBackup(bytes: Buffer | string, second: number) {
  const name = backupFileName(new Date(Date.UTC(2026, 0, 1, 0, 0, second)), 'daily');
  writeFileSync(join(dir, name), bytes);
  return autoBackupSource(name, Buffer.byteLength(bytes), 'the automatic backup');
}

/** The message a check or restore ends with: a refusal's issues, or the failure it rejects with. */
async function outcome(mode: 'check' | 'restore', source: ReturnType<typeof fileSource>, d: LecternDb) {
  try {
    const verdict = await runVerify(mode, source, undefined, workerOn(d));
    return verdict.ok ? 'accepted' : verdict.issues.map((i) => i.message).join(' / ');
  } catch (err) {
    return (err as Error).message;
  }
}

const FILES: [string, () => Buffer | string][] = [
  ['1', () => serializeV1Backup(v1Tables(), FILE_META)],
  [
    '2',
    () =>
      serializeBackup({ ...sampleTables(), reviews: legacyReviews() } as unknown as BackupTables, FILE_META, {
        formatVersion: 2,
      }),
  ],
  ['3', v3File],
  ['4', v4File],
];

describe('backup → wipe → restore is identical for every format (issue 16)', () => {
  for (const [version, build] of FILES)
    it(`restores a format ${version} file, then its data exported as format 4 comes back identical`, async () => {
      const d = open();
      await fill(d, otherTables());
      const bytes = build();
      const chosen = fileSource(new File([bytes as BlobPart], `v${version}.json`), 97);
      const verdict = await runVerify('restore', chosen, undefined, workerOn(d));
      expect(verdict).toMatchObject({ ok: true, origin: { formatVersion: Number(version) } });
      const restored = await readAllTables(d);
      if (version === '3' || version === '4') {
        // Formats 3 and 4 hold today's rows: the restored database is the one the file was made from.
        const source = open();
        await fill(source, sampleTables());
        expect(restored).toEqual(await readAllTables(source));
      }
      expect(restored.settings).toEqual(sampleTables().settings);
      expect(restored.reviews).toHaveLength(2);

      // The same file read back from main's folder checks the same.
      const auto = asAutoBackup(bytes, 1);
      expect(await runVerify('check', auto, undefined, workerOn(open()))).toEqual(verdict);

      const done = await runExport({ kind: 'auto', reason: 'daily' }, META, undefined, workerOn(d));
      const written = readFileSync(done?.written.path ?? '');
      expect([written[0], written[1]]).toEqual([0x1f, 0x8b]);
      await wipe(d);
      expect((await readAllTables(d)).reviews).toEqual([]);
      const again = autoBackupSource(done?.written.name ?? '', written.length, 'the export');
      expect(await runVerify('restore', again, undefined, workerOn(d))).toMatchObject({
        ok: true,
        origin: { formatVersion: 4 },
        summary: { reviews: 2, packs: 1 },
      });
      expect(await readAllTables(d)).toEqual(restored);
    });
});

describe('the statistics after a restore (issue 16)', () => {
  it("builds the day cache once after a restore, so the statistics' first opening reads no review row by row", async () => {
    const DAY = 86_400_000;
    const source = open();
    const tables = {
      ...sampleTables(),
      reviews: [0, 1, 2].flatMap((day) =>
        [1, 2, 3].map((i) => makeReview({ at: 1_700_000_000_000 + day * DAY + i * 1000, cardKey: 'p:a' })),
      ),
    };
    await fill(source, tables);
    const done = await runExport({ kind: 'auto', reason: 'daily' }, META, undefined, workerOn(source));
    const d = open();
    const file = autoBackupSource(done?.written.name ?? '', done?.written.bytes ?? 0, 'the backup');
    expect(await runVerify('restore', file, undefined, workerOn(d))).toMatchObject({ ok: true });
    // The two days before the newest review's are over: cached, nine reviews' worth of columns in all.
    const days = await d.reviewColumns.where('first').aboveOrEqual(0).toArray();
    expect(days.map((c) => c.first)).toEqual(
      [0, 1].map((day) => Math.floor(1_700_000_000_000 / DAY) * DAY + day * DAY),
    );
  });
});

describe('a damaged gzip backup is refused, naming the file and what is wrong (issue 16)', () => {
  it('refuses a compressed backup cut short or with a changed byte, and changes nothing stored', async () => {
    const d = open();
    await fill(d, otherTables());
    const before = await readAllTables(d);
    const good = v3File();
    const flipped = (at: number) => {
      const b = Buffer.from(good);
      b[at] = (b[at] as number) ^ 0xff;
      return b;
    };
    const cases: [string, Buffer, RegExp][] = [
      ['cut.json', good.subarray(0, good.length >> 1), /cut\.json is cut short: its compressed data ends/],
      ['tail.json', good.subarray(0, good.length - 3), /tail\.json is cut short/],
      ['flip.json', flipped(good.length >> 1), /flip\.json is damaged: its (de)?compressed/],
      ['crc.json', flipped(good.length - 7), /crc\.json is damaged: its compressed data is corrupt/],
    ];
    for (const [name, bytes, message] of cases) {
      for (const mode of ['check', 'restore'] as const) {
        expect([
          name,
          mode,
          await outcome(mode, fileSource(new File([bytes as BlobPart], name), 64), d),
        ]).toEqual([name, mode, expect.stringMatching(message)]);
      }
      expect(await readAllTables(d)).toEqual(before);
    }
    // The same from main's folder: the automatic backup is named by its file name.
    const auto = asAutoBackup(good.subarray(0, good.length - 3), 2);
    expect(await outcome('restore', auto, d)).toMatch(/^lectern-backup-.*-daily\.json is cut short/);
    expect(await readAllTables(d)).toEqual(before);
  });
});
