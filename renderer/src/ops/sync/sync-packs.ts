/**
 * Packs through the sync folder: a pack imported here goes into the folder as Lectern JSON, named by
 * the SHA-256 of its text (`packs/<hash>.json`, written once), and a `pack` event says which file is
 * the pack now (or that it was removed). Another device installs it through the import path
 * (`applyImport`, the same diff an import of the file makes), so its progress on questions that stay
 * is kept. A removal takes the pack out of the Library but keeps its review history: reviews are
 * never lost, and a pack installed again gets its cards back from them. Bundled packs are every
 * device's already and are not sent. Media (images, sounds) do not travel yet.
 */

import { parsePackJson } from '../../core/pack';
import { hashHex } from '../../core/pack/hash';
import { parseSettings } from '../../core/settings';
import { compareStamps, type PackEvent, type RegisterEvent } from '../../core/sync';
import { applyImport } from '../../db/repos/import-repo';
import { loadPackDocument } from '../../db/repos/packs-repo';
import { deletePackQuestions } from '../../db/repos/question-chunks';
import { packReviewedKeys } from '../../db/repos/revlog-repo';
import { APP_SETTINGS_KEY } from '../../db/repos/settings-repo';
import type { LecternDb } from '../../db/schema/database';
import type { SyncFolder } from './folder';
import { readRecord, writeRecord } from './record';
import { replayCards } from './replay-cards';

/** The SHA-256 of `text` (UTF-8) in hex. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface PackExport {
  events: PackEvent[];
  /** The stored pack's `contentHash` behind each put event (by event id), recorded once it is written. */
  contentHashes: Map<string, string>;
}

/** Pack events for what changed here since the last export: the files are put in the folder now. */
export async function exportPackEvents(
  db: LecternDb,
  folder: SyncFolder,
  now: number,
  newId: (now: number) => string,
): Promise<PackExport> {
  const out: PackExport = { events: [], contentHashes: new Map() };
  const record = await readRecord(db);
  if (!record) return out;
  const imported = await db.packs.where('origin').equals('imported').toArray();
  const here = new Set(imported.map((p) => p.id));
  for (const p of imported) {
    if (record.packs[p.id]?.contentHash === p.contentHash) continue;
    const doc = await loadPackDocument(db, p.id);
    if (!doc) continue;
    const text = `${JSON.stringify(doc)}\n`;
    const hash = await sha256Hex(text);
    await folder.putPack(hash, text);
    const e: PackEvent = {
      k: 'pack',
      id: newId(now),
      at: now,
      pack: p.id,
      action: 'put',
      hash,
      name: p.title.slice(0, 300),
    };
    out.events.push(e);
    out.contentHashes.set(e.id, p.contentHash);
  }
  for (const id of Object.keys(record.packs)) {
    if (here.has(id)) continue;
    const reg = record.registers.get(`pack:${id}`);
    if (reg?.k === 'pack' && reg.action === 'remove') continue;
    out.events.push({ k: 'pack', id: newId(now), at: now, pack: id, action: 'remove' });
  }
  return out;
}

/**
 * Installs or removes the packs that `events` make the winners (before the segments holding them are
 * applied). Resolves to the events that must wait (by id, with why): their pack file has not arrived
 * or cannot be read; their segments are read again next time.
 */
export async function applyPackEvents(
  db: LecternDb,
  folder: SyncFolder,
  events: readonly RegisterEvent[],
  now: number,
): Promise<{ waiting: Map<string, string> }> {
  const waiting = new Map<string, string>();
  const record = await readRecord(db);
  if (!record) return { waiting };
  const winners = new Map<string, PackEvent>();
  for (const e of events) {
    if (e.k !== 'pack') continue;
    const best = winners.get(e.pack) ?? record.registers.get(`pack:${e.pack}`);
    if (!best || compareStamps(e, best) > 0) winners.set(e.pack, e);
  }
  for (const e of winners.values()) {
    const known = record.packs[e.pack];
    if (e.action === 'put') {
      if (!e.hash || known?.fileHash === e.hash) continue;
      const text = await folder.getPack(e.hash);
      if (text === null) {
        waiting.set(e.id, `the pack file it names (${e.hash.slice(0, 12)}…) has not arrived yet`);
        continue;
      }
      if ((await sha256Hex(text)) !== e.hash) {
        waiting.set(e.id, `the pack file ${e.hash.slice(0, 12)}… does not match its name (still arriving?)`);
        continue;
      }
      const parsed = parsePackJson(text);
      if (!parsed.ok || parsed.pack.id !== e.pack) {
        waiting.set(e.id, `the pack file ${e.hash.slice(0, 12)}… is not a valid pack "${e.pack}"`);
        continue;
      }
      const applied = await applyImport(
        db,
        parsed.pack,
        { origin: 'imported', format: 'lectern', fileName: `${e.pack}.json`, contentHash: hashHex(text, 20) },
        now,
      );
      if (!applied.ok) {
        waiting.set(e.id, `pack "${e.pack}" could not be installed: ${applied.message}`);
        continue;
      }
      await settlePackCards(db, e.pack, now);
      const row = await db.packs.get(e.pack);
      await db.transaction('rw', db.meta, async () => {
        const r = await readRecord(db);
        if (!r) return;
        r.packs[e.pack] = { contentHash: row?.contentHash ?? '', fileHash: e.hash ?? '' };
        await writeRecord(db, r);
      });
    } else {
      const row = await db.packs.get(e.pack);
      if (row?.origin === 'imported') await removePackKeepingHistory(db, e.pack);
      await db.transaction('rw', db.meta, async () => {
        const r = await readRecord(db);
        if (!r) return;
        delete r.packs[e.pack];
        await writeRecord(db, r);
      });
    }
  }
  return { waiting };
}

/** The pack's cards take the replay of the reviews already here (they may have come before it). */
async function settlePackCards(db: LecternDb, packId: string, now: number): Promise<void> {
  await db.transaction(
    'rw',
    [db.cards, db.revlog, db.revlogDays, db.questionChunks, db.settings],
    async () => {
      const keys = await packReviewedKeys(db, packId);
      if (keys.size === 0) return;
      const settings = parseSettings((await db.settings.get(APP_SETTINGS_KEY))?.value).settings;
      await replayCards(db, keys, settings, now);
    },
  );
}

/** Takes a pack out of the Library (row, questions, cards); its reviews and reading stay. */
async function removePackKeepingHistory(db: LecternDb, packId: string): Promise<void> {
  await db.transaction('rw', [db.packs, db.questionChunks, db.cards, db.undo], async () => {
    await db.packs.delete(packId);
    await deletePackQuestions(db, packId);
    await db.cards.where('packId').equals(packId).delete();
    await db.undo.where('cardKey').between(`${packId}:`, `${packId}:\uffff`).delete();
  });
}
