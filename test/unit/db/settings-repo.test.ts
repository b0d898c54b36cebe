import { afterEach, describe, expect, it } from 'vitest';
import { LecternDb } from '../../../renderer/src/db/db';
import {
  getSettings,
  patchSettings,
  resetPackProgress,
  saveSettings,
} from '../../../renderer/src/db/settings-repo';
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
  it("puts every card of the pack back to New and deletes only that pack's reviews", async () => {
    const d = open();
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
      makeCard({ key: 'p:b', state: 3, stability: 1, reps: 2, lastReview: 50, suspended: 1 }),
      makeCard({ key: 'o:a', packId: 'o', state: 2, stability: 10, reps: 1, lastReview: 100 }),
    ]);
    await d.reviews.bulkAdd([
      makeReview({ at: 10, cardKey: 'p:a' }),
      makeReview({ at: 20, cardKey: 'p:b' }),
      makeReview({ at: 30, cardKey: 'o:a', packId: 'o' }),
    ]);
    const result = await resetPackProgress(d, 'p', 5000);
    expect(result).toEqual({ cards: 2, reviews: 2 });
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
      rev: 4,
    });
    expect((await d.cards.get(k('p:b')))?.suspended).toBe(1);
    expect((await d.cards.get(k('o:a')))?.state).toBe(2);
    expect((await d.reviews.toArray()).map((r) => r.packId)).toEqual(['o']);
  });
});
