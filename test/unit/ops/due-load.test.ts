import { afterEach, describe, expect, it } from 'vitest';
import { LecternDb, withCardIndexFields } from '../../../renderer/src/db/schema/database';
import type { CardRow } from '../../../renderer/src/db/schema/rows';
import {
  dueLoadFor,
  forgetDueLoads,
  noteRescheduled,
  peekDueLoad,
} from '../../../renderer/src/ops/scheduling/due-load';
import { DAY, makeCard } from '../core/stats/fixtures';

/** Noon (local) on a Monday; the counts are by local study day. */
const NOW = new Date(2025, 2, 10, 12, 0, 0).getTime();
let db: LecternDb | undefined;
afterEach(async () => {
  forgetDueLoads();
  await db?.delete();
  db = undefined;
});

async function open(cards: CardRow[]): Promise<LecternDb> {
  db = new LecternDb(`test-due-load-${Math.random()}`);
  await db.cards.bulkAdd(cards.map((c) => withCardIndexFields<CardRow>(c)));
  return db;
}

describe('due load per study day (from the dueKey index)', () => {
  it('counts review, learning and relearning cards per day ahead; new, suspended and other packs do not count', async () => {
    const d = await open([
      makeCard({ key: 'p:a', state: 2, due: NOW + 3 * DAY }),
      makeCard({ key: 'p:b', state: 2, due: NOW + 3 * DAY + 60_000 }),
      makeCard({ key: 'p:c', state: 3, due: NOW + 5 * DAY }),
      makeCard({ key: 'p:d', state: 1, due: NOW - 2 * DAY }),
      makeCard({ key: 'p:e', state: 2, due: NOW + 4 * DAY, suspended: 1 }),
      makeCard({ key: 'p:f', state: 0, due: NOW }),
      makeCard({ key: 'q:a', state: 2, due: NOW + 3 * DAY, packId: 'q' }),
    ]);
    const load = await dueLoadFor(d, 'p', NOW, 0);
    expect(load.counts.slice(0, 7)).toEqual([1, 0, 0, 2, 0, 1, 0]);
    expect(load.weekday).toBe(0);
    expect(peekDueLoad('p', NOW, 0)).toBe(load);
    expect(peekDueLoad('p', NOW + DAY, 0)).toBeUndefined();
  });

  it('moves a card between days after an answer without reading the database again', async () => {
    const d = await open([makeCard({ key: 'p:a', state: 2, due: NOW + 3 * DAY })]);
    await dueLoadFor(d, 'p', NOW, 0);
    await d.cards.clear();
    noteRescheduled('p', { state: 2, due: NOW + 3 * DAY }, { state: 2, due: NOW + 8 * DAY });
    const load = await dueLoadFor(d, 'p', NOW, 0);
    expect(load.counts[3]).toBe(0);
    expect(load.counts[8]).toBe(1);
  });
});
