/**
 * Writing this device's journal: what changed here since the last export becomes a new segment in
 * the folder (written once, never rewritten; at most {@link SEGMENT_EVENTS} events each).
 *
 * Reviews: the review log's rows after the export cursor (ids are time-ordered) that were answered
 * here — rows that came from another device carry `origin` and are never sent back.
 * Registers (marks, settings, reading progress, packs): a diff of what is stored now against the
 * register winners this device knows (its own last exported values and what came in). A diff rather
 * than an outbox written with every change: it catches every writer (study, import, restore, the
 * settings screen) without touching their transactions, and the rows are few (settings fields,
 * chapters opened, marked cards).
 */
import { DEFAULT_SETTINGS, parseSettings } from '../../core/settings';
import type { StatsCard } from '../../core/stats';
import {
  applyEvents,
  emptySyncState,
  encodeSegment,
  type MarkEvent,
  type ReadingEvent,
  type RegisterEvent,
  type ReviewEvent,
  type SettingEvent,
  type SyncEvent,
  segmentFileName,
} from '../../core/sync';
import { readStatsCards } from '../../db/repos/card-columns-repo';
import { readOwnReviewsAfter } from '../../db/repos/revlog-repo';
import { APP_SETTINGS_KEY } from '../../db/repos/settings-repo';
import type { LecternDb } from '../../db/schema/database';
import { type CardKey, packOfKey, type ReviewRow } from '../../db/schema/rows';
import type { SyncFolder } from './folder';
import { readRecord, type SyncRecord, writeRecord } from './record';

/** Events per segment: a segment stays a few MiB, well under what main reads (64 MiB). */
export const SEGMENT_EVENTS = 20_000;

/** App settings that stay with the computer (its screen, its eyes), not synced. */
export const LOCAL_SETTINGS: ReadonlySet<string> = new Set(['theme', 'fontScale', 'reduceMotion']);

/** The register of one app-settings field. */
export const SETTING_PREFIX = 'app.';

export interface ExportResult {
  segments: number;
  events: number;
  reviews: number;
  /** The cards of the reviews exported (their states are settled by replay afterwards). */
  cards: Set<string>;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The review event of a log row (`chapter` from its card row, '' when it has none). */
export function reviewEventOf(r: ReviewRow, chapter: string): ReviewEvent {
  return {
    k: 'review',
    id: r.id,
    at: Math.floor(r.at),
    card: r.cardKey,
    pack: packOfKey(r.cardKey),
    chapter,
    rating: r.rating,
    score: Math.min(1, Math.max(0, r.score)),
    correct: r.correct,
    ms: Math.max(0, r.responseMs),
    ...(Number.isSafeInteger(r.dueAfter) && r.dueAfter >= 0 ? { due: r.dueAfter } : {}),
  };
}

/** What the export reads of a card to tell its marks. */
type MarkedCard = Pick<StatsCard, 'key' | 'packId' | 'chapterId' | 'suspended' | 'flagged'>;

interface Snapshot {
  reviews: ReviewEvent[];
  registers: RegisterEvent[];
}

/** Reads what changed since `record` (one read transaction). */
async function readChanges(
  db: LecternDb,
  record: SyncRecord,
  now: number,
  newId: (now: number) => string,
): Promise<Snapshot> {
  const tables = [db.revlog, db.revlogDays, db.cards, db.cardColumns, db.cardsDirty, db.settings, db.reading];
  return db.transaction('r', tables, async () => {
    const own = await readOwnReviewsAfter(db, record.reviewCursor);
    const chapterOf = new Map<string, string>();
    const reviewCards = [...new Set(own.map((r) => r.cardKey))];
    const reviewCardRows = await db.cards.bulkGet(reviewCards);
    for (const c of reviewCardRows) if (c) chapterOf.set(c.key, c.chapterId);
    const reviews = own.map((r) => reviewEventOf(r, chapterOf.get(r.cardKey) ?? ''));

    const registers: RegisterEvent[] = [];
    const known = record.registers;

    // Settings: one register per field of the app settings.
    const settingsRow = await db.settings.get(APP_SETTINGS_KEY);
    if (settingsRow) {
      const stored = parseSettings(settingsRow.value).settings as unknown as Record<string, unknown>;
      const defaults = DEFAULT_SETTINGS as unknown as Record<string, unknown>;
      for (const field of Object.keys(stored).sort()) {
        if (LOCAL_SETTINGS.has(field)) continue;
        const value = stored[field];
        const key = `${SETTING_PREFIX}${field}`;
        const reg = known.get(`setting:${key}`) as SettingEvent | undefined;
        // Never touched here and never heard of: the default is not a change to tell anyone about.
        if (reg ? sameJson(reg.value, value) : sameJson(defaults[field], value)) continue;
        registers.push({ k: 'setting', id: newId(now), at: now, key, value: value as SettingEvent['value'] });
      }
    }

    // Reading progress: stamped with when the chapter was last opened.
    for (const row of await db.reading.toArray()) {
      const reg = known.get(`reading:${row.key}`) as ReadingEvent | undefined;
      if (
        reg &&
        reg.at === Math.floor(row.lastOpenedAt) &&
        reg.first === Math.floor(row.firstOpenedAt) &&
        reg.section === row.lastSection
      )
        continue;
      // An older opening than the winner known (a restored backup): the winner stands.
      if (reg && Math.floor(row.lastOpenedAt) < reg.at) continue;
      const e: ReadingEvent = {
        k: 'reading',
        id: newId(now),
        at: Math.max(0, Math.floor(row.lastOpenedAt)),
        key: row.key,
        pack: row.packId,
        chapter: row.chapterId,
        first: Math.max(0, Math.floor(Math.min(row.firstOpenedAt, reg?.first ?? row.firstOpenedAt))),
      };
      if (row.lastSection !== undefined) e.section = row.lastSection;
      registers.push(e);
    }

    // Marks: every marked card, and every card whose known mark is set (it may have been cleared).
    // Found in the statistics' card columns where they are up to date: no read of every row.
    const marked = (await readStatsCards(db)).cards.filter((c) => c.suspended === 1 || c.flagged === 1);
    const byKey = new Map<string, MarkedCard>(marked.map((c) => [c.key, c]));
    const setBefore: string[] = [];
    for (const e of known.values())
      if (e.k === 'mark' && e.value === 1 && !byKey.has(e.card)) setBefore.push(e.card);
    const cleared = await db.cards.bulkGet([...new Set(setBefore)] as CardKey[]);
    for (const c of cleared) if (c) byKey.set(c.key, c);
    for (const card of byKey.values()) {
      for (const field of ['suspended', 'flagged'] as const) {
        const reg = known.get(`mark:${card.key}:${field}`) as MarkEvent | undefined;
        const value = card[field] === 1 ? 1 : 0;
        if ((reg?.value ?? 0) === value) continue;
        registers.push({
          k: 'mark',
          id: newId(now),
          at: now,
          card: card.key,
          pack: card.packId,
          chapter: card.chapterId,
          field,
          value,
        });
      }
    }
    // Answers taken back after they were sent.
    for (const [review, card] of Object.entries(record.retract))
      if (!known.has(`retract:${review}`))
        registers.push({ k: 'retract', id: newId(now), at: now, review, card });
    return { reviews, registers };
  });
}

/** Whether what we read of the others changed since our last segment told them. */
function seenChanged(record: SyncRecord): boolean {
  return Object.entries(record.seen).some(([d, n]) => (record.toldSeen[d] ?? 0) < n);
}

/**
 * Exports what changed here into new segments. With `packs` (pack events prepared by the caller),
 * those go out too. `announceSeen` writes only what we read of the others, in a segment with no
 * events, when our read cursors advanced (so the others can see what we read; a segment with no
 * events is never acknowledged in turn): it follows a merge, right after an export that sent what
 * changed here, so it reads no changes (a merge of 100k reviews spent ~0.5 s here scanning every
 * card for marks again); anything changed meanwhile goes out with the next sync's export.
 */
export async function exportJournal(
  db: LecternDb,
  folder: SyncFolder,
  now: number,
  newId: (now: number) => string,
  options: {
    /** Pack events prepared by `exportPackEvents`, with the stored contentHash behind each put. */
    packs?: { events: RegisterEvent[]; contentHashes: Map<string, string> };
    announceSeen?: boolean;
  } = {},
): Promise<ExportResult> {
  const record = await readRecord(db);
  if (!record) throw new Error('sync has no device record');
  const changes: Snapshot = options.announceSeen
    ? { reviews: [], registers: [] }
    : await readChanges(db, record, now, newId);
  const events: SyncEvent[] = [...changes.reviews, ...changes.registers, ...(options.packs?.events ?? [])];
  const result: ExportResult = {
    segments: 0,
    events: 0,
    reviews: changes.reviews.length,
    cards: new Set(changes.reviews.map((r) => r.card)),
  };
  if (events.length === 0 && !(options.announceSeen && seenChanged(record))) return result;

  const device = record.device.id;
  for (let start = 0; start === 0 || start < events.length; start += SEGMENT_EVENTS) {
    const part = events.slice(start, start + SEGMENT_EVENTS);
    const fresh = (await readRecord(db)) ?? record;
    let seq = fresh.nextSeq;
    const seen = { ...fresh.seen };
    for (;;) {
      const text = encodeSegment(
        {
          device,
          name: fresh.device.name,
          seq,
          createdAt: now,
          ...(Object.keys(seen).length ? { seen } : {}),
        },
        part,
      );
      if (await folder.write(device, segmentFileName(seq), text)) break;
      // The name is taken (a write whose record update was lost): the next number.
      seq++;
    }
    await db.transaction('rw', db.meta, async () => {
      const r = (await readRecord(db)) ?? fresh;
      r.nextSeq = seq + 1;
      r.toldSeen = seen;
      for (const e of part) {
        if (e.k === 'review' && e.id > r.reviewCursor) r.reviewCursor = e.id;
        if (e.k === 'pack' && e.action === 'put')
          r.packs[e.pack] = {
            contentHash: options.packs?.contentHashes.get(e.id) ?? '',
            fileHash: e.hash ?? '',
          };
        if (e.k === 'pack' && e.action === 'remove') delete r.packs[e.pack];
        if (e.k === 'retract') delete r.retract[e.review];
      }
      const state = emptySyncState();
      state.registers = r.registers;
      applyEvents(
        state,
        part.filter((e): e is RegisterEvent => e.k !== 'review'),
      );
      await writeRecord(db, r);
    });
    result.segments++;
    result.events += part.length;
    if (events.length === 0) break;
  }
  return result;
}
