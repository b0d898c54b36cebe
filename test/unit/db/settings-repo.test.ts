import { afterEach, describe, expect, it } from 'vitest';
import { measureResetImpact, resetPackProgress } from '../../../renderer/src/db/repos/pack-reset-repo';
import { getSettings, patchSettings, saveSettings } from '../../../renderer/src/db/repos/settings-repo';
import { LecternDb } from '../../../renderer/src/db/schema/database';
import { packOfKey } from '../../../renderer/src/db/schema/rows';
import { k, makeCard, makeReview } from '../core/stats/fixtures';

let db: LecternDb;
afterEach(async () => {
  await db?.delete();
});

function open(): LecternDb {
  db = new LecternDb(`test-settings-${Math.random()}`);
  return db;
}

describe('settings repository', () => {
  it('returns defaults when nothing is stored and persists what is saved', async () => {
    const d = open();
    expect((await getSettings(d)).settings.theme).toBe('system');
    const saved = await saveSettings(d, {
      ...(await getSettings(d)).settings,
      theme: 'dark',
      fontScale: 1.2,
    });
    expect(saved.ignored).toEqual([]);
    expect((await getSettings(d)).settings).toMatchObject({ theme: 'dark', fontScale: 1.2 });
  });

  it('falls back field by field on a damaged row', async () => {
    const d = open();
    await d.settings.put({ key: 'app', value: { theme: 'dark', newPerDay: -3 } });
    const { settings, ignored } = await getSettings(d);
    expect(settings.theme).toBe('dark');
    expect(settings.newPerDay).toBe(20);
    expect(ignored).toHaveLength(1);
  });

  it('patches one field without losing the others', async () => {
    const d = open();
    await patchSettings(d, { theme: 'light' });
    await patchSettings(d, { reduceMotion: true });
    expect((await getSettings(d)).settings).toMatchObject({ theme: 'light', reduceMotion: true });
  });
});

describe('resetPackProgress', () => {
  async function seedProgress(d: LecternDb): Promise<void> {
    await d.cards.bulkAdd([
      makeCard({
        key: 'p:a',
        state: 2,
        stability: 10,
        difficulty: 5,
        reps: 4,
        lapses: 1,
        lastReview: 100,
        due: 999,
        flagged: 1,
        rev: 3,
      }),
      makeCard({ key: 'p:b', order: 1, state: 3, stability: 1, reps: 2, lastReview: 50, suspended: 1 }),
      makeCard({ key: 'p:c', order: 2, state: 2, stability: 3, reps: 1, lastReview: 70, due: 500 }),
      makeCard({ key: 'p:d', order: 3, state: 0, flagged: 1 }),
      makeCard({ key: 'p:e', order: 4, state: 2, stability: 3, reps: 1, lastReview: 70, removed: 1 }),
      makeCard({ key: 'o:a', packId: 'o', state: 2, stability: 10, reps: 1, lastReview: 100 }),
    ]);
    // p:f (order 5) was never studied: it has no card row.
    await d.revlog.bulkAdd([
      makeReview({ at: 10, cardKey: 'p:a' }),
      makeReview({ at: 20, cardKey: 'p:b' }),
      makeReview({ at: 25, cardKey: 'p:c' }),
      makeReview({ at: 30, cardKey: 'o:a' }),
    ]);
  }

  it("deletes the pack's card rows but keeps the marks as New rows, and deletes only that pack's reviews", async () => {
    const d = open();
    await seedProgress(d);
    const result = await resetPackProgress(d, 'p', 5000);
    // a, b, c had progress; b stays suspended, so two are new again.
    expect(result).toEqual({ cards: 3, newAgain: 2, reviews: 3 });
    expect((await d.cards.where('packId').equals('p').primaryKeys()).sort()).toEqual(['p:a', 'p:b', 'p:d']);
    const a = await d.cards.get(k('p:a'));
    expect(a).toMatchObject({
      state: 0,
      due: 5000,
      stability: 0,
      difficulty: 0,
      reps: 0,
      lapses: 0,
      lastReview: null,
      flagged: 1,
      suspended: 0,
      order: 0,
      rev: 4,
    });
    // New rows are out of the due index; the suspended one still counts as started (not new).
    expect(a?.dueKey).toBeUndefined();
    expect(a?.startedOrder).toBeUndefined();
    expect(await d.cards.get(k('p:b'))).toMatchObject({ state: 0, suspended: 1, startedOrder: 1 });
    expect(await d.cards.get(k('p:c'))).toBeUndefined();
    expect(await d.cards.get(k('p:e'))).toBeUndefined();
    expect(await d.cards.get(k('p:f'))).toBeUndefined();
    expect((await d.cards.get(k('o:a')))?.state).toBe(2);
    expect((await d.revlog.toArray()).map((r) => packOfKey(r.cardKey))).toEqual(['o']);
  });

  it('says beforehand, from index counts, how many questions become new and how many reviews go', async () => {
    const d = open();
    await seedProgress(d);
    expect(await measureResetImpact(d, 'p')).toEqual({ newAgain: 2, reviews: 3 });
    expect(await measureResetImpact(d, 'none')).toEqual({ newAgain: 0, reviews: 0 });
    const done = await resetPackProgress(d, 'p', 5000);
    expect(done.newAgain).toBe(2);
    expect(await measureResetImpact(d, 'p')).toEqual({ newAgain: 0, reviews: 0 });
    expect(await measureResetImpact(d, 'o')).toEqual({ newAgain: 1, reviews: 1 });
  });
});
