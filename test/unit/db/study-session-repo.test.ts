import { afterEach, describe, expect, it } from 'vitest';
import { loadUpcoming } from '../../../renderer/src/db/repos/study-session-repo';
import { LecternDb } from '../../../renderer/src/db/schema/database';
import type { CardRow } from '../../../renderer/src/db/schema/rows';
import { DAY, HOUR, makeCard } from '../core/stats/fixtures';
import { makePackRow } from '../features/study/fixtures';

const NOW = Date.UTC(2025, 2, 10, 12, 0, 0);
let db: LecternDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

async function open(cards: CardRow[]): Promise<LecternDb> {
  db = new LecternDb(`test-upcoming-${Math.random()}`);
  await db.packs.bulkAdd(['p', 'q'].map((id) => makePackRow(id, [{ id: 'c1', count: 5 }])));
  await db.cards.bulkAdd(cards);
  return db;
}

describe('loadUpcoming', () => {
  it('counts due now, finds the next due and counts what falls due by a time, studied cards only', async () => {
    const d = await open([
      makeCard({ key: 'p:due', state: 2, due: NOW - HOUR }),
      makeCard({ key: 'p:learning', state: 1, due: NOW + 10 * 60_000 }),
      makeCard({ key: 'p:tomorrow', state: 2, due: NOW + DAY }),
      makeCard({ key: 'p:relearn', state: 3, due: NOW + 2 * HOUR }),
      makeCard({ key: 'p:far', state: 2, due: NOW + 30 * DAY }),
      makeCard({ key: 'p:new', state: 0, due: NOW - DAY }),
      makeCard({ key: 'p:susp', state: 2, due: NOW + 60_000, suspended: 1 }),
      makeCard({ key: 'p:gone', state: 1, due: NOW + 60_000, removed: 1 }),
      makeCard({ key: 'q:other', packId: 'q', state: 1, due: NOW + 60_000 }),
    ]);
    expect(await loadUpcoming(d, ['p'], NOW, NOW + 2 * DAY)).toEqual({
      dueNow: 1,
      nextDue: NOW + 10 * 60_000,
      dueBy: 3,
    });
    expect(await loadUpcoming(d, 'all', NOW, NOW + 2 * DAY)).toMatchObject({
      nextDue: NOW + 60_000,
      dueBy: 4,
    });
    expect(await loadUpcoming(d, ['none'], NOW, NOW + DAY)).toEqual({ dueNow: 0, nextDue: null, dueBy: 0 });
  });

  it('limits to one chapter when asked', async () => {
    const d = await open([
      makeCard({ key: 'p:a', chapterId: 'c1', state: 2, due: NOW + HOUR }),
      makeCard({ key: 'p:b', chapterId: 'c2', state: 2, due: NOW + 2 * HOUR }),
    ]);
    expect(await loadUpcoming(d, ['p'], NOW, NOW + DAY, 'c2')).toEqual({
      dueNow: 0,
      nextDue: NOW + 2 * HOUR,
      dueBy: 1,
    });
  });
});
