/** Which change events make a study queue stale (`storagemutated` parts, as Dexie reports them). */
import { RangeSet } from 'dexie';
import { describe, expect, it } from 'vitest';
import { touchesQueue } from '../../../../renderer/src/ops/study/freshness';

const cards = (...keys: string[]) => ({ 'idb://db/cards/': new RangeSet().addKeys(keys) });
const own = (...keys: string[]) => [{ keys: new Set(keys) }];

describe('touchesQueue', () => {
  it('any write to what the queue is made of, when the session is not writing', () => {
    for (const table of ['packs', 'questionChunks', 'cards', 'reviews', 'reading', 'settings'])
      expect(touchesQueue({ [`idb://db/${table}/`]: new RangeSet().addKey('x') }, 'db', [])).toBe(true);
    expect(touchesQueue({ all: new RangeSet(-Infinity, [[]]) }, 'db', [])).toBe(true);
  });

  it('not the tables the queue is not made of, other databases, or empty parts', () => {
    expect(touchesQueue({ 'idb://db/selftests/': new RangeSet().addKey(1) }, 'db', [])).toBe(false);
    expect(touchesQueue({ 'idb://db/chapterTallies/': new RangeSet().addKey(['p', 'c']) }, 'db', [])).toBe(
      false,
    );
    expect(touchesQueue({ 'idb://other/cards/': new RangeSet().addKey('p:a') }, 'db', [])).toBe(false);
    expect(touchesQueue({ 'idb://db/cards/:dels': new RangeSet() }, 'db', [])).toBe(false);
  });

  it('the session’s own write: its card rows and review rows, by any index', () => {
    const parts = {
      ...cards('p:a'),
      'idb://db/cards/due': new RangeSet().addKey(123),
      'idb://db/reviews/': new RangeSet().addKey(7),
    };
    expect(touchesQueue(parts, 'db', own('p:a'))).toBe(false);
    // Plain objects, as parts arrive from a worker over a BroadcastChannel.
    expect(touchesQueue(structuredClone(parts), 'db', own('p:a'))).toBe(false);
  });

  it('another card, a range of cards, or another table written while the session writes', () => {
    expect(touchesQueue(cards('p:a', 'p:b'), 'db', own('p:a'))).toBe(true);
    expect(touchesQueue({ 'idb://db/cards/': new RangeSet('p:', 'p:~') }, 'db', own('p:a'))).toBe(true);
    expect(
      touchesQueue({ ...cards('p:a'), 'idb://db/settings/': new RangeSet().addKey('s') }, 'db', own('p:a')),
    ).toBe(true);
  });
});
