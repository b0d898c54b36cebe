/**
 * `sync.merge100kMs` in the page: a profile with a pack, and a second device's journal of `reviews`
 * answers over `cards` of its questions in an in-memory folder (segments as the engine writes them);
 * then one sync of the app's real engine over the app's own database — export (nothing to send),
 * read and decode the segments, insert the reviews, replay every card — timed whole.
 */

import { Dexie } from 'dexie';
import { createReviewIdMaker } from '../../../renderer/src/core/revlog/review-id';
import {
  decodeSegment,
  encodeSegment,
  type ReviewEvent,
  segmentFileName,
} from '../../../renderer/src/core/sync';
import { countReviews } from '../../../renderer/src/db/repos/revlog-repo';
import { LecternDb } from '../../../renderer/src/db/schema/database';
import { SEGMENT_EVENTS, SyncEngine } from '../../../renderer/src/ops/sync';
import { memoryFolder } from '../../support/sync-folder';
import { storeFlashcardPack } from './flashcard-pack';

const PACK_ID = 'sync-bench';
const OTHER = 'benchdesktop0002';
const DAY = 86_400_000;

export interface SyncMergeResult {
  ms: number;
  reviews: number;
  cards: number;
  segments: number;
  /** Rows in the review log after the merge (must be `reviews`). */
  stored: number;
  /** Cards whose state the merge set. */
  replayed: number;
  /** Decoding the segments alone (ms): reading and checking every event. */
  decodeMs: number;
  /** The floor: the same review rows written by one bulkAdd into a bare database (ms). */
  floorMs: number;
  error: string | null;
}

/** One bulkAdd of the events as review-log rows into a bare database with the log's indexes. */
async function measureFloor(events: readonly ReviewEvent[]): Promise<number> {
  const name = 'lectern-bench-sync-floor';
  const bare = new Dexie(name);
  bare.version(1).stores({ revlog: 'id, cardKey' });
  await bare.open();
  const rows = events.map((e) => ({
    id: e.id,
    cardKey: e.card,
    at: e.at,
    rating: e.rating,
    score: e.score,
    correct: e.correct,
    responseMs: e.ms,
    stateBefore: 2,
    stability: 10,
    difficulty: 5,
    dueAfter: e.at + DAY,
    origin: OTHER,
  }));
  const t0 = performance.now();
  await bare.table('revlog').bulkAdd(rows);
  const ms = performance.now() - t0;
  bare.close();
  await Dexie.delete(name);
  return ms;
}

export async function measureSyncMerge(reviews: number, cards: number): Promise<SyncMergeResult> {
  const db = new LecternDb();
  await db.open();
  try {
    await storeFlashcardPack(db, { id: PACK_ID, title: 'Sync bench', count: cards, origin: 'bundled' });

    // The other device's answers: every card in turn, a day apart, mostly Good.
    const start = Date.now() - Math.ceil(reviews / cards + 2) * DAY;
    const newId = createReviewIdMaker('bench2');
    const events: ReviewEvent[] = [];
    for (let i = 0; i < reviews; i++) {
      const card = i % cards;
      const round = Math.floor(i / cards);
      const at = start + round * DAY + card;
      const rating = (i * 7) % 11 === 0 ? 1 : 3;
      events.push({
        k: 'review',
        id: newId(at),
        at,
        card: `${PACK_ID}:q${card}`,
        pack: PACK_ID,
        chapter: 'c1',
        rating,
        score: rating === 1 ? 0 : 1,
        correct: rating === 1 ? 0 : 1,
        ms: 4000,
      });
    }
    const folder = memoryFolder(() => Date.now());
    let segments = 0;
    for (let i = 0; i < events.length; i += SEGMENT_EVENTS) {
      segments++;
      const text = encodeSegment(
        { device: OTHER, name: 'Desktop', seq: segments, createdAt: Date.now() },
        events.slice(i, i + SEGMENT_EVENTS),
      );
      folder.put(OTHER, segmentFileName(segments), text);
    }

    // Not part of the merge's time: what decoding alone costs, and IndexedDB's floor for the rows.
    const d0 = performance.now();
    for (const f of folder.files()) decodeSegment(await folder.read(f.device, f.file));
    const decodeMs = performance.now() - d0;

    const engine = new SyncEngine({ db, folder, folderName: 'in-memory folder', hostName: 'Bench' });
    const t0 = performance.now();
    const status = await engine.sync();
    const ms = performance.now() - t0;
    // After the merge: the bare database's writes and deletion would still be settling during it.
    const floorMs = await measureFloor(events);
    return {
      ms,
      reviews,
      cards,
      segments,
      stored: await countReviews(db),
      replayed: status.lastIncoming?.cards ?? 0,
      decodeMs,
      floorMs,
      error: status.error,
    };
  } finally {
    db.close();
  }
}
