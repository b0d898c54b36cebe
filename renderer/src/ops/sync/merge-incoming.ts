/**
 * Merging what the other devices wrote: their segments not applied yet are read, decoded and applied
 * by id, a batch of segments per transaction. A segment that cannot be read whole (still arriving,
 * damaged, not Lectern's) changes nothing, is reported, and is read again next time. Reviews not
 * known here are inserted (a review seen twice counts once) and each affected card takes the replay
 * of all its reviews; register winners (by stamp, device tie-break) go into settings, marks and
 * reading progress.
 */

import { reviewIdBound } from '../../core/revlog/review-id';
import { parseSettings } from '../../core/settings';
import {
  applyEvents,
  decodeSegment,
  emptySyncState,
  type MarkEvent,
  parseSegmentFileName,
  type ReadingEvent,
  type RegisterEvent,
  type RetractEvent,
  type SegmentHeader,
  type SettingEvent,
  type SyncEvent,
} from '../../core/sync';
import { newCardRow } from '../../db/repos/packs-repo';
import { readQuestions } from '../../db/repos/question-chunks';
import { deleteReviews, readDaysToJoin } from '../../db/repos/revlog-repo';
import { APP_SETTINGS_KEY } from '../../db/repos/settings-repo';
import { type LecternDb, withCardIndexFields } from '../../db/schema/database';
import type { CardKey, CardRow, ReadingRow, ReviewRow } from '../../db/schema/rows';
import { LOCAL_SETTINGS, SETTING_PREFIX } from './export-journal';
import type { FolderSegment, SyncFolder } from './folder';
import { readRecord, type SyncRecord, writeRecord } from './record';
import { replayCards } from './replay-cards';
import type { IncomingSummary, UnreadableSegment } from './types';

/** Events applied per transaction (a few segments). */
export const MERGE_BATCH_EVENTS = 200_000;

export interface MergeOptions {
  /** Stops between batches (what was applied stays applied). */
  signal?: AbortSignal;
  /** Writes the backup taken before the first merge ever. */
  backup?: () => Promise<void>;
  /** Before a pack event is applied: installs or removes the pack (see `sync-packs.ts`). */
  applyPacks?: (events: RegisterEvent[]) => Promise<{ waiting: Map<string, string> }>;
  onProgress?: (done: number, total: number) => void;
  /**
   * Every review of this device answered before this time is in its journal (an export just ran):
   * the export cursor may then move past the incoming reviews older than it.
   */
  exportedBefore?: number;
}

export interface MergeResult {
  incoming: IncomingSummary;
  unreadable: UnreadableSegment[];
  /** Segments applied this time. */
  applied: number;
}

interface ReadSegment {
  file: FolderSegment;
  seq: number;
  header: SegmentHeader;
  events: SyncEvent[];
}

export function emptyIncoming(): IncomingSummary {
  return { from: [], reviews: 0, cards: 0, marks: 0, settings: 0, reading: 0, packs: 0 };
}

const fileKey = (s: { device: string; file: string }) => `${s.device}/${s.file}`;

/** The other devices' segments not applied yet, in the order they were written. */
export function pendingSegments(record: SyncRecord, list: readonly FolderSegment[]): FolderSegment[] {
  return list
    .filter((s) => s.device !== record.device.id && parseSegmentFileName(s.file) !== null)
    .filter((s) => record.applied[fileKey(s)] === undefined)
    .sort((a, b) => (a.device < b.device ? -1 : a.device > b.device ? 1 : a.file < b.file ? -1 : 1));
}

async function readOne(
  folder: SyncFolder,
  s: FolderSegment,
): Promise<{ ok: true; seg: ReadSegment } | { ok: false; problem: UnreadableSegment }> {
  const seq = parseSegmentFileName(s.file)?.seq ?? 0;
  let text: string;
  try {
    text = await folder.read(s.device, s.file);
  } catch (err) {
    return {
      ok: false,
      problem: { device: s.device, file: s.file, reason: `it could not be read (${(err as Error).message})` },
    };
  }
  const decoded = decodeSegment(text);
  if (!decoded.ok) return { ok: false, problem: { device: s.device, file: s.file, reason: decoded.message } };
  if (decoded.header.device !== s.device)
    return {
      ok: false,
      problem: {
        device: s.device,
        file: s.file,
        reason: `it says it was written by device ${decoded.header.device}, not the device whose folder holds it`,
      },
    };
  return { ok: true, seg: { file: s, seq, header: decoded.header, events: decoded.events } };
}

/** Applies one batch of segments in one transaction; returns what it changed. */
async function applyBatch(
  db: LecternDb,
  own: string,
  batch: ReadSegment[],
  now: number,
  exportedBefore: number | undefined,
): Promise<IncomingSummary> {
  return db.transaction(
    'rw',
    [db.revlog, db.revlogDays, db.cards, db.questionChunks, db.settings, db.reading, db.meta],
    async () => {
      const record = await readRecord(db);
      if (!record || record.device.id !== own) throw new Error('the sync record changed during a merge');
      const summary = emptyIncoming();
      // Reviews: a row each (the first of an id counts), its replay columns filled in below.
      const candidates: ReviewRow[] = [];
      const ids = new Set<string>();
      const registerEvents: RegisterEvent[] = [];
      for (const seg of batch) {
        const from = seg.header.device;
        for (const e of seg.events) {
          if (e.k !== 'review') {
            registerEvents.push(e);
            continue;
          }
          if (ids.has(e.id)) continue;
          ids.add(e.id);
          candidates.push({
            id: e.id,
            cardKey: e.card as CardKey,
            at: e.at,
            rating: e.rating,
            score: e.score,
            correct: e.correct,
            responseMs: e.ms,
            stateBefore: 0,
            stability: 0,
            difficulty: 0,
            // The due its device set: the replay takes it where it can (see `replay-cards.ts`).
            dueAfter: e.due ?? e.at,
            origin: from,
          });
        }
      }

      // Registers: the winners that changed.
      const state = emptySyncState();
      state.registers = record.registers;
      const changed = applyEvents(state, registerEvents).registers;

      // Settings first: the replay below schedules with them.
      const settingChanges = changed.filter((e): e is SettingEvent => e.k === 'setting');
      if (settingChanges.length > 0) {
        const row = await db.settings.get(APP_SETTINGS_KEY);
        const current = parseSettings(row?.value).settings as unknown as Record<string, unknown>;
        const next = { ...current };
        for (const e of settingChanges) {
          if (!e.key.startsWith(SETTING_PREFIX)) continue;
          const field = e.key.slice(SETTING_PREFIX.length);
          if (LOCAL_SETTINGS.has(field) || !Object.hasOwn(current, field)) continue;
          next[field] = e.value;
          summary.settings++;
        }
        // Parsed field by field: a value this version refuses keeps the stored one.
        await db.settings.put({ key: APP_SETTINGS_KEY, value: parseSettings(next).settings });
      }

      // Reviews: those not stored yet are inserted; their cards take the replay of all their reviews
      // (reading the cards' stored rows also tells which reviews are stored: no lookup per id).
      // Answers taken back on their device: dropped here, and never inserted again.
      const retracted = changed.filter((e): e is RetractEvent => e.k === 'retract');
      if (retracted.length > 0)
        await deleteReviews(
          db,
          retracted.map((e) => e.review),
        );
      let anyRetracted = false;
      for (const name of record.registers.keys())
        if (name.startsWith('retract:')) {
          anyRetracted = true;
          break;
        }
      const kept = anyRetracted
        ? candidates.filter((r) => !record.registers.has(`retract:${r.id}`))
        : candidates;
      if (kept.length > 0 || retracted.length > 0) {
        const settings = parseSettings((await db.settings.get(APP_SETTINGS_KEY))?.value).settings;
        const cards = new Set([...kept.map((r) => r.cardKey as string), ...retracted.map((e) => e.card)]);
        // The days they join, read before the cards are written (they are coded meanwhile).
        const days = await readDaysToJoin(db, kept, now);
        let fresh: ReviewRow[] = [];
        const replay = await replayCards(db, cards, settings, now, kept, async (storedIds) => {
          // Their replay columns are set (`replayCards`).
          fresh = storedIds.size > 0 ? kept.filter((r) => !storedIds.has(r.id)) : kept;
          // Today's and yesterday's as rows, older ones into their days' records (one write a day).
          if (fresh.length > 0) await days.add(fresh);
        });
        summary.reviews = fresh.length;
        summary.cards = replay.cards;
        // Exported already: every row of ours older than the export. Rows that came in below that
        // line need not be read again by the next export (it reads the log from its cursor).
        if (exportedBefore !== undefined) {
          const bound = reviewIdBound(exportedBefore);
          for (const r of candidates)
            if (r.id < bound && r.id > record.reviewCursor) record.reviewCursor = r.id;
        }
      }

      // Marks: a card with no row gets one when its question is stored.
      const marks = changed.filter((e): e is MarkEvent => e.k === 'mark');
      if (marks.length > 0) {
        const keys = [...new Set(marks.map((m) => m.card))] as CardKey[];
        const rows = await db.cards.bulkGet(keys);
        const byKey = new Map<string, CardRow>();
        keys.forEach((k, i) => {
          const r = rows[i];
          if (r) byKey.set(k, r);
        });
        const missing = keys.filter((k) => !byKey.has(k));
        const questions = await readQuestions(
          db,
          missing.map((key) => ({ key, order: 0 })),
        );
        for (const k of missing) {
          const q = questions.get(k);
          if (q) byKey.set(k, newCardRow(q.packId, q.id, q.chapterId, q.order, now));
        }
        const out = new Map<string, CardRow>();
        for (const m of marks) {
          const card = out.get(m.card) ?? byKey.get(m.card);
          if (!card || card[m.field] === m.value) continue;
          out.set(m.card, { ...card, [m.field]: m.value });
          summary.marks++;
        }
        await db.cards.bulkPut(
          [...out.values()].map((c) => withCardIndexFields<CardRow>({ ...c, rev: c.rev + 1 })),
        );
      }

      // Reading progress.
      const reading = changed.filter((e): e is ReadingEvent => e.k === 'reading');
      if (reading.length > 0) {
        const rows: ReadingRow[] = reading.map((e) => {
          const row: ReadingRow = {
            key: e.key,
            packId: e.pack,
            chapterId: e.chapter,
            firstOpenedAt: e.first,
            lastOpenedAt: e.at,
          };
          if (e.section !== undefined) row.lastSection = e.section;
          return row;
        });
        await db.reading.bulkPut(rows);
        summary.reading = rows.length;
      }
      summary.packs = changed.filter((e) => e.k === 'pack').length;

      // What was read, and what the others say they read of ours.
      for (const seg of batch) {
        const device = seg.header.device;
        record.applied[fileKey(seg.file)] = seg.seq;
        const peer = record.peers[device] ?? { name: '', lastWriteAt: null, readOurs: 0 };
        if (seg.header.name) peer.name = seg.header.name;
        peer.lastWriteAt = Math.max(peer.lastWriteAt ?? 0, seg.header.createdAt);
        peer.readOurs = Math.max(peer.readOurs, seg.header.seen?.[own] ?? 0);
        record.peers[device] = peer;
        if (seg.events.length > 0 || seg.header.snapshotUpTo !== undefined)
          record.seen[device] = Math.max(
            record.seen[device] ?? 0,
            seg.header.snapshotUpTo ?? seg.seq,
            seg.seq,
          );
        if (seg.events.length > 0 && !summary.from.includes(peer.name || device))
          summary.from.push(peer.name || device);
      }
      await writeRecord(db, record);
      return summary;
    },
  );
}

function addInto(into: IncomingSummary, add: IncomingSummary): void {
  for (const f of add.from) if (!into.from.includes(f)) into.from.push(f);
  into.reviews += add.reviews;
  into.cards += add.cards;
  into.marks += add.marks;
  into.settings += add.settings;
  into.reading += add.reading;
  into.packs += add.packs;
}

/** Reads and applies every pending segment of the other devices. */
export async function mergeIncoming(
  db: LecternDb,
  folder: SyncFolder,
  now: number,
  options: MergeOptions = {},
): Promise<MergeResult> {
  const record = await readRecord(db);
  if (!record) throw new Error('sync has no device record');
  const list = await folder.list();
  const pending = pendingSegments(record, list);
  // Segments compacted away by their writer: forget them (the record stays small).
  const present = new Set(list.map(fileKey));
  if (Object.keys(record.applied).some((k) => !present.has(k)))
    await db.transaction('rw', db.meta, async () => {
      const r = await readRecord(db);
      if (!r) return;
      for (const k of Object.keys(r.applied)) if (!present.has(k)) delete r.applied[k];
      await writeRecord(db, r);
    });
  const result: MergeResult = { incoming: emptyIncoming(), unreadable: [], applied: 0 };
  if (pending.length > 0 && !record.backedUp && options.backup) {
    await options.backup();
    await db.transaction('rw', db.meta, async () => {
      const r = await readRecord(db);
      if (r) await writeRecord(db, { ...r, backedUp: true });
    });
  }
  let batch: ReadSegment[] = [];
  let events = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    if (options.applyPacks) {
      const packs = batch.flatMap((s) => s.events.filter((e): e is RegisterEvent => e.k === 'pack'));
      if (packs.length > 0) {
        const { waiting } = await options.applyPacks(packs);
        if (waiting.size > 0) {
          // A pack file not arrived yet: its segment waits (nothing of it applied), read again later.
          batch = batch.filter((s) => {
            const why = s.events.map((e) => (e.k === 'pack' ? waiting.get(e.id) : undefined)).find(Boolean);
            if (why) result.unreadable.push({ device: s.file.device, file: s.file.file, reason: why });
            return !why;
          });
        }
      }
    }
    const summary = await applyBatch(db, record.device.id, batch, now, options.exportedBefore);
    addInto(result.incoming, summary);
    result.applied += batch.length;
    batch = [];
    events = 0;
  };
  let done = 0;
  for (const s of pending) {
    if (options.signal?.aborted) break;
    const read = await readOne(folder, s);
    done++;
    if (!read.ok) {
      result.unreadable.push(read.problem);
      continue;
    }
    batch.push(read.seg);
    events += read.seg.events.length;
    if (events >= MERGE_BATCH_EVENTS) {
      await flush();
      options.onProgress?.(done, pending.length);
    }
  }
  if (!options.signal?.aborted) await flush();
  options.onProgress?.(done, pending.length);
  return result;
}
