import { Dexie } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readPackLayouts } from '../../../renderer/src/db/repos/study-pack-layouts';
import { LecternDb } from '../../../renderer/src/db/schema/database';
import { makePackRow } from '../features/study/fixtures';

let name = '';
afterEach(async () => {
  if (name) await Dexie.delete(name);
});

function openDb(): LecternDb {
  name = `layouts-${Math.random().toString(36).slice(2)}`;
  return new LecternDb(name);
}

const read = (db: LecternDb, ids: readonly string[] | 'all' = 'all') =>
  db.transaction('r', db.packs, () => readPackLayouts(db, ids));

describe('readPackLayouts', () => {
  it('gives the Library order and each chapter’s order range, reading a pack row only when it changed', async () => {
    const db = openDb();
    await db.packs.bulkPut([
      makePackRow('b', [{ id: 'c1', count: 2 }], { title: 'Beta', updatedAt: 5 }),
      makePackRow('a', [{ id: 'c1', count: 1 }], { title: 'Alpha', updatedAt: 9 }),
      makePackRow(
        'course',
        [
          { id: 'x', count: 3 },
          { id: 'y', count: 0 },
        ],
        { origin: 'bundled', updatedAt: 1 },
      ),
    ]);
    const bulkGet = vi.spyOn(db.packs, 'bulkGet');
    const first = await read(db);
    expect(first.map((l) => l.id)).toEqual(['course', 'a', 'b']);
    expect(first[0]?.chapters).toEqual([
      { chapterId: 'x', from: 0, to: 2 },
      { chapterId: 'y', from: 3, to: 2 },
    ]);
    expect(bulkGet).toHaveBeenCalledTimes(1);

    // Nothing changed: no pack row is read again.
    await read(db);
    expect(bulkGet).toHaveBeenCalledTimes(1);

    // An update (new updatedAt) is read again, alone; a deleted pack is gone.
    await db.packs.put(makePackRow('b', [{ id: 'c1', count: 4 }], { title: 'Beta', updatedAt: 6 }));
    await db.packs.delete('a');
    const after = await read(db);
    expect(bulkGet).toHaveBeenCalledTimes(2);
    expect(bulkGet.mock.calls[1]?.[0]).toEqual(['b']);
    expect(after.map((l) => l.id)).toEqual(['course', 'b']);
    expect(after[1]?.chapters).toEqual([{ chapterId: 'c1', from: 0, to: 3 }]);

    // Only the packs asked for.
    expect((await read(db, ['b'])).map((l) => l.id)).toEqual(['b']);
    db.close();
  });
});
