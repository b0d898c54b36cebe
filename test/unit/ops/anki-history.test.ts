import { afterEach, describe, expect, it } from 'vitest';
import { readAnkiPackage } from '../../../renderer/src/core/formats/anki/read-anki';
import { applyImport } from '../../../renderer/src/db/repos/import-repo';
import { countReviews, readCardReviews } from '../../../renderer/src/db/repos/revlog-repo';
import { LecternDb } from '../../../renderer/src/db/schema/database';
import { cardKey } from '../../../renderer/src/db/schema/rows';
import { importAnkiHistory } from '../../../renderer/src/ops/anki-history';
import { BASIC, buildPackage, loadSql, type TestCollection } from '../../support/anki-package';

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);

let db: LecternDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

const deck = (data = ''): TestCollection => ({
  notetypes: [BASIC],
  decks: [{ id: 3, name: 'Words' }],
  crt: Math.floor(T0 / 1000),
  notes: [
    {
      id: 1,
      guid: 'n1',
      mid: BASIC.id,
      fields: ['chat', 'cat'],
      cards: [
        { id: 10, ord: 0, did: 3, type: 2, queue: 2, due: 30, ivl: 20, data },
        { id: 11, ord: 1, did: 3, queue: -1 },
      ],
    },
  ],
  reviews: [
    { id: T0, cid: 10, ease: 3, type: 0 },
    { id: T0 + 10 * 60_000, cid: 10, ease: 3, type: 0 },
    { id: T0 + 3 * DAY, cid: 10, ease: 1, type: 1 },
    { id: T0 + 4 * DAY, cid: 10, ease: 3, type: 2 },
    { id: T0 + 20 * DAY, cid: 10, ease: 4, type: 1 },
    { id: T0 + 21 * DAY, cid: 11, ease: 0, type: 4 },
  ],
});

async function readAndStore(c: TestCollection) {
  const r = readAnkiPackage('words.apkg', await buildPackage(c, 'legacy2'), await loadSql());
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  db = new LecternDb(`test-anki-history-${Math.random()}`);
  const stored = await applyImport(
    db,
    r.pack,
    { origin: 'imported', format: 'anki', fileName: 'words.apkg', contentHash: 'h' },
    T0 + 30 * DAY,
  );
  expect(stored.ok).toBe(true);
  return { r, db };
}

describe('importAnkiHistory', () => {
  it('replays each card’s Anki reviews through FSRS: review rows, state, reps and lapses; suspension kept', async () => {
    const { r, db } = await readAndStore(deck());
    const counts = await importAnkiHistory(db, r.pack, r.history, T0 + 30 * DAY);
    expect(counts).toEqual({ cards: 2, reviews: 5, kept: 0 });
    const card = await db.cards.get(cardKey(r.pack.id, 'n1'));
    expect(card).toMatchObject({ state: 2, reps: 5, lapses: 1, lastReview: T0 + 20 * DAY, suspended: 0 });
    expect(card?.due).toBeGreaterThan(T0 + 21 * DAY);
    const reviews = (await readCardReviews(db, [cardKey(r.pack.id, 'n1')])).sort((a, b) => a.at - b.at);
    expect(reviews.map((x) => [x.at, x.rating])).toEqual([
      [T0, 3],
      [T0 + 10 * 60_000, 3],
      [T0 + 3 * DAY, 1],
      [T0 + 4 * DAY, 3],
      [T0 + 20 * DAY, 4],
    ]);
    // The reversed card was never answered (a manual reschedule is not a review) but is suspended in Anki.
    expect(await db.cards.get(cardKey(r.pack.id, 'n1.c2'))).toMatchObject({
      state: 0,
      reps: 0,
      suspended: 1,
    });
  });

  it('keeps Anki’s FSRS memory and due where the card has them', async () => {
    const { r, db } = await readAndStore(deck('{"s":33.5,"d":6.25}'));
    await importAnkiHistory(db, r.pack, r.history, T0 + 30 * DAY);
    expect(await db.cards.get(cardKey(r.pack.id, 'n1'))).toMatchObject({
      stability: 33.5,
      difficulty: 6.25,
      due: T0 + 30 * DAY,
    });
  });

  it('leaves a card already studied in Lectern as it is', async () => {
    const { r, db } = await readAndStore(deck());
    await importAnkiHistory(db, r.pack, r.history, T0 + 30 * DAY);
    const again = await importAnkiHistory(db, r.pack, r.history, T0 + 31 * DAY);
    expect(again).toEqual({ cards: 1, reviews: 0, kept: 1 });
    expect(await countReviews(db)).toBe(5);
  });
});
