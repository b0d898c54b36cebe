/**
 * The session's queue in memory: an answer updates it without re-reading the database, the next
 * card's question is read ahead, learning cards come back when due, and other writes join at the
 * next card (their change events mark the queue stale), as does a new study day.
 */
import { Dexie, RangeSet } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Pack, Question } from '../../../../renderer/src/core/pack/schema';
import { computeDayStart } from '../../../../renderer/src/core/queue';
import { DEFAULT_SETTINGS } from '../../../../renderer/src/core/settings';
import { needsRebuild } from '../../../../renderer/src/core/study';
import { insertPack } from '../../../../renderer/src/db/repos/packs-repo';
import { markChapterOpened } from '../../../../renderer/src/db/repos/reading-repo';
import { patchSettings } from '../../../../renderer/src/db/repos/settings-repo';
import { setFlagged, setSuspended } from '../../../../renderer/src/db/repos/study-repo';
import { LecternDb } from '../../../../renderer/src/db/schema/database';
import { type CardKey, cardKey } from '../../../../renderer/src/db/schema/rows';
import { FIRST_REVIEWS, NextCardError, type StudyDeps, StudyOps } from '../../../../renderer/src/ops/study';
import { useAppStore } from '../../../../renderer/src/store';
import { countRowReads, makeCardRow, type ReadCounter } from './fixtures';
import { bindStudyCalls } from './study-calls';

const T0 = Date.UTC(2025, 2, 10, 9, 0, 0);
const MIN = 60_000;
const DAY = 86_400_000;

// Eight flashcards in c1 (f0…f7), two true/false in c2.
const questions: Question[] = [
  ...Array.from(
    { length: 8 },
    (_, i): Question => ({
      id: `f${i}`,
      section: 's1',
      type: 'flashcard',
      front: `Front ${i}`,
      back: `Back ${i}`,
    }),
  ),
  { id: 't0', section: 's2', type: 'true-false', prompt: 'True?', answer: true },
  { id: 't1', section: 's2', type: 'true-false', prompt: 'Also true?', answer: true },
];
const pack: Pack = {
  format: 'lectern-pack',
  formatVersion: 1,
  id: 'p',
  title: 'Pack',
  language: 'en',
  version: '1',
  chapters: [
    { id: 'c1', title: 'One', sections: [{ id: 's1', title: 'S1', body: 'x' }] },
    { id: 'c2', title: 'Two', sections: [{ id: 's2', title: 'S2', body: 'y' }] },
  ],
  questions,
  discussions: [],
};
const q = (id: string) => questions.find((x) => x.id === id) as Question;
const key = (id: string): CardKey => cardKey('p', id);

let db: LecternDb;
let reads: ReadCounter;
let now = T0;
let deps: StudyDeps;
let study: StudyOps;
const session = () => useAppStore.getState().session;
const {
  confirmAnswer,
  prefetchUpcoming,
  rateFlashcard,
  revealAnswer,
  setCurrentFlag,
  showNext,
  startStudy,
  submitAnswer,
  suspendCurrent,
  undoLast,
  whenQueueLoaded,
} = bindStudyCalls(() => study);
const shownId = () => session().current?.key.slice(2) ?? null;

/** Rates the flashcard on screen (3 Good: learning for 10 minutes; 4 Easy: review in days). */
async function rateShown(rating: 1 | 3 | 4, from: readonly Question[] = questions): Promise<string> {
  const key = session().current?.key;
  const id = key?.slice(key.indexOf(':') + 1);
  const question = from.find((x) => x.id === id);
  if (!id || !question) throw new Error('no card of these questions on screen');
  revealAnswer();
  await rateFlashcard(question, rating);
  return id;
}

beforeEach(async () => {
  useAppStore.setState(useAppStore.getInitialState(), true);
  db = new LecternDb(`test-study-flow-${Math.random()}`);
  reads = countRowReads(db);
  now = T0;
  deps = { db, now: () => now };
  study = new StudyOps(deps, useAppStore);
  await insertPack(db, pack, { origin: 'bundled', format: 'lectern', contentHash: 'h' }, T0);
  await markChapterOpened(db, 'p', 'c1', T0);
  // f6 and f7 are due reviews: their questions are not read with the queue.
  await db.cards.bulkAdd(
    [6, 7].map((order) =>
      makeCardRow('p', order, {
        id: `f${order}`,
        state: 2,
        stability: order,
        difficulty: 5,
        reps: 3,
        lastReview: T0 - 9 * DAY,
        due: T0 - DAY,
      }),
    ),
  );
});
afterEach(async () => {
  study.current?.close();
  await db.delete();
});

describe('the queue in memory', () => {
  it('shows the next card after an answer without reading the database, once the next question is read ahead', async () => {
    await startStudy({ packId: 'p' });
    expect(shownId()).toBe('f6'); // weaker review first
    await prefetchUpcoming();
    reads.reset();
    now += 5_000;
    await rateShown(4);
    expect(shownId()).toBe('f7');
    // The answer's own transaction read f6's row; nothing else was read (no queue, no question).
    expect(reads).toMatchObject({ cards: 1, questionChunks: 0 });
    expect(await db.revlog.count()).toBe(1);
  });

  it('reads the question when it was not read ahead (so the read-ahead is what saves it)', async () => {
    await startStudy({ packId: 'p' });
    reads.reset();
    await rateShown(4);
    expect(shownId()).toBe('f7');
    expect(reads.questionChunks).toBe(1);
  });

  it('a learning card comes back when its step falls due, and an answered card is not shown twice', async () => {
    await patchSettings(db, { newPerDay: 3 });
    await startStudy({ packId: 'p' });
    const shown: string[] = [];
    shown.push(await rateShown(4)); // f6: review, gone
    shown.push(await rateShown(4)); // f7: review, gone
    shown.push(await rateShown(1)); // f0: Again, back in a minute
    shown.push(await rateShown(4)); // f1
    shown.push(await rateShown(3)); // f2: Good, back in ten minutes
    expect(session()).toMatchObject({ status: 'waiting', waitUntil: T0 + MIN });
    await whenQueueLoaded();
    reads.reset();
    now = T0 + MIN;
    await showNext();
    expect(reads.cards + reads.questionChunks).toBe(0);
    expect(session().left).toEqual({ reviews: 0, learning: 1, newCards: 0 });
    shown.push(await rateShown(4)); // f0 again: now a review
    expect(session()).toMatchObject({ status: 'waiting', waitUntil: T0 + 10 * MIN });
    now = T0 + 10 * MIN;
    await showNext();
    shown.push(await rateShown(4)); // f2 again
    expect(shown).toEqual(['f6', 'f7', 'f0', 'f1', 'f2', 'f0', 'f2']);
    expect(session()).toMatchObject({ status: 'done', answered: 7 });
    expect(await db.revlog.count()).toBe(7);
  });

  it('a suspend from elsewhere joins at the next card (its write marks the queue stale)', async () => {
    await startStudy({ packId: 'p' });
    await rateShown(4);
    await rateShown(4);
    expect(shownId()).toBe('f0');
    await setSuspended(db, key('f1'), true, { chapterId: 'c1', order: 1 });
    await rateShown(4);
    expect(shownId()).toBe('f2');
  });

  it('a chapter opened elsewhere joins at the next card, with no timer and no invalidation', async () => {
    await patchSettings(db, { newPerDay: 20 });
    await startStudy({ packId: 'p' });
    expect(session().left).toEqual({ reviews: 2, learning: 0, newCards: 6 });
    await markChapterOpened(db, 'p', 'c2', T0);
    await rateShown(4);
    expect(session().left.newCards).toBe(8);
  });

  it('a rebuild keeps today’s counts from its own answers instead of reading the review log', async () => {
    await patchSettings(db, { newPerDay: 3, reviewsPerDay: 0 });
    await startStudy({ packId: 'p' });
    expect(session().left.newCards).toBe(3);
    await rateShown(4);
    await rateShown(4);
    await whenQueueLoaded();
    reads.reset();
    await rateShown(4);
    // Rebuilt (nothing left in memory): 3 new a day, 2 answered before — the third is done now too.
    expect(reads.reviews).toBe(0);
    expect(session()).toMatchObject({ status: 'done', answered: 3 });
    // After a write from elsewhere the log is read again, with the same result.
    await patchSettings(db, { newPerDay: 3 });
    reads.reset();
    await showNext();
    expect(reads.reviews).toBe(3);
    expect(session().status).toBe('done');
  });

  it('rebuilds when the study day changes, however recent the queue', () => {
    const settings = { ...DEFAULT_SETTINGS };
    const offset = -new Date(T0).getTimezoneOffset();
    const dayStartAt = (t: number) => computeDayStart(t, offset, settings.dayStartHour);
    const built = { stale: false, builtAt: T0, dayStart: dayStartAt(T0) };
    const endOfDay = built.dayStart + DAY;
    const late = { ...built, builtAt: endOfDay - MIN };
    expect(needsRebuild(late, endOfDay - 1, dayStartAt(endOfDay - 1))).toBe(false);
    expect(needsRebuild(late, endOfDay, dayStartAt(endOfDay))).toBe(true);
    expect(needsRebuild({ ...built, stale: true }, T0, dayStartAt(T0))).toBe(true);
  });

  it('a failed write is reported and counts nothing: the card stays on screen, no row is stored', async () => {
    await startStudy({ packId: 'p' });
    await rateShown(4);
    await rateShown(4);
    expect(shownId()).toBe('f0');
    const add = vi
      .spyOn(db.revlog, 'add')
      .mockRejectedValueOnce(new DOMException('The disk is full.', 'QuotaExceededError'));
    revealAnswer();
    await expect(rateFlashcard(q('f0'), 3)).rejects.toThrow(/disk is full/);
    add.mockRestore();
    expect(session()).toMatchObject({ answered: 2, busy: false, phase: 'revealed' });
    expect(shownId()).toBe('f0');
    expect(await db.cards.get(key('f0'))).toBeUndefined();
    expect(await db.revlog.count()).toBe(2);
    // Answered again, it is saved.
    await rateFlashcard(q('f0'), 3);
    expect(await db.revlog.count()).toBe(3);
    expect(shownId()).toBe('f1');
  });

  it('an answer saved when the next card cannot be loaded counts, and says it was saved', async () => {
    await startStudy({ packId: 'p' });
    await markChapterOpened(db, 'p', 'c2', T0); // the next card needs a rebuild, which fails
    const get = vi.spyOn(db.packs, 'toCollection').mockImplementationOnce(() => {
      throw new Error('read failed');
    });
    revealAnswer();
    await expect(rateFlashcard(q('f6'), 4)).rejects.toThrow(NextCardError);
    get.mockRestore();
    expect(await db.revlog.count()).toBe(1);
    expect(session()).toMatchObject({ answered: 1, busy: false });
  });

  it('a new question flagged before the session is shown with its row (checked before showing) and answers', async () => {
    await patchSettings(db, { newPerDay: 3, reviewsPerDay: 0 });
    await setFlagged(db, key('f0'), true, { chapterId: 'c1', order: 0 });
    // The first card: its row is read before it is shown (the background check has not run yet).
    await startStudy({ packId: 'p' });
    expect(session().current).toMatchObject({ key: key('f0'), rev: 1 });
    await rateShown(4);
    expect(session().message).toBeNull();
    expect(await db.cards.get(key('f0'))).toMatchObject({ flagged: 1, rev: 2, reps: 1 });
    expect(await db.revlog.count()).toBe(1);
  });

  it('true/false answers of a chapter-scoped session write rows for never-studied questions', async () => {
    await markChapterOpened(db, 'p', 'c2', T0);
    await startStudy({ packId: 'p', chapterId: 'c2' });
    expect(session().left).toEqual({ reviews: 0, learning: 0, newCards: 2 });
    submitAnswer(q('t0'), { type: 'true-false', value: true }, now + 1000);
    await confirmAnswer('suggested');
    expect(await db.cards.get(key('t0'))).toMatchObject({ chapterId: 'c2', order: 8, reps: 1, rev: 1 });
    expect(shownId()).toBe('t1');
  });
});

describe('queue freshness from change events (no timer, no invalidation)', () => {
  it('a write from another Dexie instance on the same database makes the next card come from a rebuilt queue', async () => {
    await startStudy({ packId: 'p' });
    expect(shownId()).toBe('f6');
    await prefetchUpcoming();
    // Another connection (as the import and backup workers have) suspends the card that would come next.
    const other = new LecternDb(db.name);
    try {
      await setSuspended(other, key('f7'), true, { chapterId: 'c1', order: 7 });
    } finally {
      other.close();
    }
    reads.reset();
    await rateShown(4);
    // Rebuilt: f7 is not shown from the old queue (whose row of it is not suspended); the first new
    // question comes instead, its question read with the new queue.
    expect(shownId()).toBe('f0');
    expect(reads.questionChunks).toBeGreaterThan(0);
  });

  it('a change event relayed from a worker (plain parts, as over a BroadcastChannel) marks the queue stale', async () => {
    await startStudy({ packId: 'p' });
    await prefetchUpcoming();
    reads.reset();
    const parts = { [`idb://${db.name}/cards/`]: new RangeSet().addKey(key('f1')) };
    Dexie.on('storagemutated').fire(structuredClone(parts));
    await rateShown(4);
    expect(shownId()).toBe('f7');
    // The answer's own read, then the rebuild's.
    expect(reads.cards).toBeGreaterThan(1);
  });

  it('a change event of another database, or of a table the queue is not made of, leaves the queue alone', async () => {
    await startStudy({ packId: 'p' });
    await prefetchUpcoming();
    reads.reset();
    Dexie.on('storagemutated').fire({
      'idb://another-db/cards/': new RangeSet().addKey(key('f1')),
      [`idb://${db.name}/selftests/`]: new RangeSet().addKey(1),
    });
    await rateShown(4);
    expect(reads).toMatchObject({ cards: 1, questionChunks: 0 });
  });

  it('the session’s own answers, flag, suspend and undo do not make the queue stale', async () => {
    await patchSettings(db, { newPerDay: 20 });
    await startStudy({ packId: 'p' });
    await prefetchUpcoming();
    reads.reset();
    await rateShown(4); // f6
    expect(reads).toMatchObject({ cards: 1, questionChunks: 0 });
    await setCurrentFlag(true); // f7
    await suspendCurrent(); // f7 leaves: f0
    await undoLast(); // f7 is back
    expect(shownId()).toBe('f7');
    await prefetchUpcoming();
    reads.reset();
    await rateShown(4);
    // Only the answer's own read of f7: no rebuild after any of the session's writes.
    expect(reads).toMatchObject({ cards: 1, questionChunks: 0 });
    expect(shownId()).toBe('f0');
  });
});

describe('a queue loaded in two steps', () => {
  it('shows the weakest of the first reviews at once, then every due review joins in retrievability order', async () => {
    const many: Question[] = Array.from({ length: 180 }, (_, i) => ({
      id: `m${i}`,
      section: 's1',
      type: 'flashcard',
      front: `F${i}`,
      back: `B${i}`,
    }));
    await insertPack(
      db,
      { ...pack, id: 'big', title: 'Big', questions: many },
      { origin: 'imported', format: 'lectern', contentHash: 'b' },
      T0,
    );
    // 180 due reviews; the earliest due are the strongest, so the weakest come in the second step.
    await db.cards.bulkAdd(
      many.map((m, order) =>
        makeCardRow('big', order, {
          id: m.id,
          state: 2,
          stability: 1 + order,
          difficulty: 5,
          reps: 3,
          lastReview: T0 - 20 * DAY,
          due: T0 - DAY - order * MIN,
        }),
      ),
    );
    await startStudy({ packId: 'big' });
    expect(session().left.reviews).toBe(FIRST_REVIEWS);
    expect(session().current?.key).toBe(cardKey('big', `m${180 - FIRST_REVIEWS}`));
    await whenQueueLoaded();
    expect(session().left.reviews).toBe(180);
    await rateShown(4, many);
    // The weakest of all (stability 1) is next; nothing answered comes back.
    expect(session().current?.key).toBe(cardKey('big', 'm0'));
    const seen = new Set<string>([`m${180 - FIRST_REVIEWS}`]);
    for (let i = 0; i < 179; i++) seen.add(await rateShown(4, many));
    expect(seen.size).toBe(180);
    expect(session()).toMatchObject({ status: 'done', answered: 180 });
  });
});
