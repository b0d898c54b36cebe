/**
 * What this profile remembers about folder sync, in one `meta` row (key `sync`; `meta` is not in
 * backups, so a profile restored on another computer becomes a device of its own): the device's id
 * and name, the next segment number, the export cursor, the register winners known (this device's
 * and the others'), which segments were applied, and what the others have read of ours.
 */
import { z } from 'zod';
import { deviceIdSchema, type RegisterEvent, syncEventSchema } from '../../core/sync';
import type { LecternDb } from '../../db/schema/database';
import type { MetaRow } from '../../db/schema/rows';
import type { IncomingSummary, PeerDevice } from './types';

const ms = z.number().int().min(0);

export const syncRecordSchema = z.object({
  device: z.object({ id: deviceIdSchema, name: z.string().max(100), named: z.boolean() }),
  /** The number of this device's next segment. */
  nextSeq: z.number().int().min(1),
  /** The greatest review-log id exported so far ('' before the first export). */
  reviewCursor: z.string(),
  /** Every register's winner known here, by register name (see `registerOf`). */
  registers: z.record(z.string(), z.unknown()),
  /** Segments applied (`device/file` → segment seq), other devices' and conflict copies. */
  applied: z.record(z.string(), z.number()),
  /** Per other device: its name and newest segment's time, and the highest of our segments it has read. */
  peers: z.record(
    z.string(),
    z.object({ name: z.string(), lastWriteAt: ms.nullable(), readOurs: z.number().int().min(0) }),
  ),
  /** The highest segment of each device read here (what our next segment tells the others). */
  seen: z.record(z.string(), z.number().int().min(0)),
  /** What our last written segment told the others we had seen (a change is worth a segment). */
  toldSeen: z.record(z.string(), z.number().int().min(0)),
  /** Set once the backup before the first merge is written. */
  backedUp: z.boolean(),
  /** Imported packs as last sent or installed: the stored `contentHash` and the folder file's hash. */
  packs: z.record(z.string(), z.object({ contentHash: z.string(), fileHash: z.string() })).default({}),
  /** Answers of ours taken back (undo) after they were sent: review id → card key, until told. */
  retract: z.record(z.string(), z.string()).default({}),
  lastSyncAt: ms.nullable(),
  lastIncoming: z.unknown().nullable(),
});

export interface SyncRecord {
  device: { id: string; name: string; named: boolean };
  nextSeq: number;
  reviewCursor: string;
  registers: Map<string, RegisterEvent>;
  applied: Record<string, number>;
  peers: Record<string, { name: string; lastWriteAt: number | null; readOurs: number }>;
  seen: Record<string, number>;
  toldSeen: Record<string, number>;
  backedUp: boolean;
  packs: Record<string, { contentHash: string; fileHash: string }>;
  retract: Record<string, string>;
  lastSyncAt: number | null;
  lastIncoming: IncomingSummary | null;
}

/** A fresh device id: 16 of 0-9a-z from crypto. */
export function makeDeviceId(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => '0123456789abcdefghijklmnopqrstuvwxyz'[b % 36]).join('');
}

export const DEFAULT_DEVICE_NAME = 'This computer';

function freshRecord(name: string | undefined): SyncRecord {
  return {
    device: { id: makeDeviceId(), name: name?.trim() || DEFAULT_DEVICE_NAME, named: false },
    nextSeq: 1,
    reviewCursor: '',
    registers: new Map(),
    applied: {},
    peers: {},
    seen: {},
    toldSeen: {},
    backedUp: false,
    packs: {},
    retract: {},
    lastSyncAt: null,
    lastIncoming: null,
  };
}

function decodeRecord(value: unknown): SyncRecord | null {
  const parsed = syncRecordSchema.safeParse(value);
  if (!parsed.success) return null;
  const registers = new Map<string, RegisterEvent>();
  for (const [name, e] of Object.entries(parsed.data.registers)) {
    const event = syncEventSchema.safeParse(e);
    if (event.success && event.data.k !== 'review') registers.set(name, event.data);
  }
  return {
    ...parsed.data,
    registers,
    lastIncoming: (parsed.data.lastIncoming as IncomingSummary | null) ?? null,
  };
}

/** The stored record (read inside the caller's transaction when there is one). */
export async function readRecord(db: LecternDb): Promise<SyncRecord | null> {
  const row = await db.meta.get('sync');
  return row?.key === 'sync' ? decodeRecord(row.value) : null;
}

/**
 * The stored record, or a new one (a new device id, named after the host when given) stored now.
 * A damaged record is replaced: the device starts again under a new id (nothing is lost: reviews
 * are applied by id, registers by stamp).
 */
export async function loadOrCreateRecord(db: LecternDb, hostName?: string): Promise<SyncRecord> {
  return db.transaction('rw', db.meta, async () => {
    const known = await readRecord(db);
    if (known) {
      if (!known.device.named && hostName && known.device.name !== hostName.trim()) {
        known.device.name = hostName.trim().slice(0, 100) || DEFAULT_DEVICE_NAME;
        await writeRecord(db, known);
      }
      return known;
    }
    const fresh = freshRecord(hostName?.slice(0, 100));
    await writeRecord(db, fresh);
    return fresh;
  });
}

/** Stores the record (inside the caller's transaction when there is one). */
export async function writeRecord(db: LecternDb, record: SyncRecord): Promise<void> {
  const row: MetaRow = { key: 'sync', value: { ...record, registers: Object.fromEntries(record.registers) } };
  await db.meta.put(row);
}

/** The peers as the status shows them. */
export function peersOf(record: SyncRecord): PeerDevice[] {
  return Object.entries(record.peers)
    .map(([id, p]) => ({ id, name: p.name || id, lastWriteAt: p.lastWriteAt }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/**
 * Reviews were written with past times (an imported history): the export cursor moves back to just
 * before `id`, so the next export reads them (and sends again the few of ours after it: reviews apply
 * by id, so that costs only bytes). Nothing happens when sync was never set up.
 */
export async function rewindExportCursor(db: LecternDb, id: string): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const r = await readRecord(db);
    if (!r || id > r.reviewCursor) return;
    // The greatest string below `id` that no id equals: `id` with its last character lowered.
    const last = id.charCodeAt(id.length - 1);
    r.reviewCursor = `${id.slice(0, -1)}${String.fromCharCode(last - 1)}\uffff`;
    await writeRecord(db, r);
  });
}

/**
 * An answer of ours was taken back (undo). When it was already sent (at or below the export cursor),
 * the other devices are told with the next export; otherwise it simply never goes out.
 */
export async function noteUndoneReview(db: LecternDb, reviewId: string, cardKey: string): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const r = await readRecord(db);
    if (!r || reviewId > r.reviewCursor) return;
    r.retract[reviewId] = cardKey;
    await writeRecord(db, r);
  });
}
