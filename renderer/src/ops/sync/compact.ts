/**
 * Compacting this device's journal: once every known device has read our segments up to some number
 * (each says so in the headers of its own segments, `seen`), those segments are folded into one
 * snapshot segment (`snapshotUpTo`) and then removed — by us, their only writer. A device that joins
 * later reads the snapshot; one that had read them applies it as a no-op (events apply by id).
 */
import {
  applyEvents,
  decodeSegment,
  emptySyncState,
  encodeSegment,
  eventsOf,
  parseSegmentFileName,
  segmentFileName,
} from '../../core/sync';
import type { LecternDb } from '../../db/schema/database';
import type { SyncFolder } from './folder';
import { readRecord, writeRecord } from './record';

/** Compact only when at least this many of our segments can go (a snapshot is rewritten whole). */
export const COMPACT_MIN_SEGMENTS = 16;

export interface CompactResult {
  removed: number;
  snapshot: string | null;
}

/** Folds our segments every known device has read into a snapshot; null when not due. */
export async function compactJournal(
  db: LecternDb,
  folder: SyncFolder,
  now: number,
  minSegments = COMPACT_MIN_SEGMENTS,
): Promise<CompactResult> {
  const none: CompactResult = { removed: 0, snapshot: null };
  const record = await readRecord(db);
  if (!record) return none;
  const peers = Object.values(record.peers);
  if (peers.length === 0) return none;
  const readByAll = Math.min(...peers.map((p) => p.readOurs));
  const own = (await folder.list())
    .filter((s) => s.device === record.device.id)
    .map((s) => ({ ...s, name: parseSegmentFileName(s.file) }))
    .filter((s) => s.name && !s.name.copy && s.name.seq <= readByAll);
  if (own.length < minSegments) return none;

  const state = emptySyncState();
  for (const s of own) {
    const read = decodeSegment(await folder.read(s.device, s.file));
    // One of our own files unreadable: leave everything as it is (nothing is removed).
    if (!read.ok) return none;
    applyEvents(state, read.events);
  }
  const upTo = Math.max(...own.map((s) => s.name?.seq ?? 0));
  let seq = record.nextSeq;
  const text = (n: number) =>
    encodeSegment(
      {
        device: record.device.id,
        name: record.device.name,
        seq: n,
        createdAt: now,
        snapshotUpTo: upTo,
        seen: record.seen,
      },
      eventsOf(state),
    );
  while (!(await folder.write(record.device.id, segmentFileName(seq), text(seq)))) seq++;
  await db.transaction('rw', db.meta, async () => {
    const r = await readRecord(db);
    if (r) await writeRecord(db, { ...r, nextSeq: Math.max(r.nextSeq, seq + 1) });
  });
  for (const s of own) await folder.remove(s.device, s.file);
  return { removed: own.length, snapshot: segmentFileName(seq) };
}
