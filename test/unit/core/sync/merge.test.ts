import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyEvents,
  emptySyncState,
  eventsOf,
  mergeStates,
  reviewsByCard,
  type SyncEvent,
  type SyncState,
} from '../../../../renderer/src/core/sync';

const DEVICES = ['laptop01', 'desktop2', 'tablet03'];
const CARDS = ['p:q1', 'p:q2', 'p:q3'];

const stampArb = fc.record({
  at: fc.integer({ min: 1_700_000_000_000, max: 1_700_000_000_100 }),
  device: fc.constantFrom(...DEVICES),
  n: fc.integer({ min: 0, max: 5 }),
});
const idOf = (s: { at: number; device: string; n: number }) =>
  `${s.at.toString(36).padStart(9, '0')}-${s.device}-${s.n.toString(36)}`;

const eventArb: fc.Arbitrary<SyncEvent> = fc.oneof(
  fc.record({ s: stampArb, card: fc.constantFrom(...CARDS), rating: fc.constantFrom(1, 2, 3, 4) }).map(
    ({ s, card, rating }): SyncEvent => ({
      k: 'review',
      id: idOf(s),
      at: s.at,
      card,
      pack: 'p',
      chapter: 'c',
      rating: rating as 1 | 2 | 3 | 4,
      score: rating === 1 ? 0 : 1,
      correct: rating === 1 ? 0 : 1,
      ms: 1000,
    }),
  ),
  fc
    .record({
      s: stampArb,
      card: fc.constantFrom(...CARDS),
      field: fc.constantFrom('suspended', 'flagged'),
      v: fc.constantFrom(0, 1),
    })
    .map(
      ({ s, card, field, v }): SyncEvent => ({
        k: 'mark',
        id: idOf(s),
        at: s.at,
        card,
        pack: 'p',
        chapter: 'c',
        field: field as 'suspended' | 'flagged',
        value: v as 0 | 1,
      }),
    ),
  fc
    .record({
      s: stampArb,
      key: fc.constantFrom('theme', 'retention'),
      value: fc.oneof(fc.integer(), fc.string()),
    })
    .map(({ s, key, value }): SyncEvent => ({ k: 'setting', id: idOf(s), at: s.at, key, value })),
  fc.record({ s: stampArb, first: fc.integer({ min: 1_600_000_000_000, max: 1_700_000_000_000 }) }).map(
    ({ s, first }): SyncEvent => ({
      k: 'reading',
      id: idOf(s),
      at: s.at,
      key: 'p:c',
      pack: 'p',
      chapter: 'c',
      first,
    }),
  ),
);

function stateOf(events: readonly SyncEvent[]): SyncState {
  const s = emptySyncState();
  applyEvents(s, events);
  return s;
}
const canon = (s: SyncState) => JSON.stringify(eventsOf(s));
const eventsArb = fc.array(eventArb, { maxLength: 40 });

describe('sync merge (issue 20)', () => {
  it('is commutative: a ⊔ b = b ⊔ a', () => {
    fc.assert(
      fc.property(eventsArb, eventsArb, (a, b) => {
        expect(canon(mergeStates(stateOf(a), stateOf(b)))).toBe(canon(mergeStates(stateOf(b), stateOf(a))));
      }),
    );
  });

  it('is associative: (a ⊔ b) ⊔ c = a ⊔ (b ⊔ c)', () => {
    fc.assert(
      fc.property(eventsArb, eventsArb, eventsArb, (a, b, c) => {
        const left = mergeStates(mergeStates(stateOf(a), stateOf(b)), stateOf(c));
        const right = mergeStates(stateOf(a), mergeStates(stateOf(b), stateOf(c)));
        expect(canon(left)).toBe(canon(right));
      }),
    );
  });

  it('is idempotent: a ⊔ a = a, and events seen twice change nothing the second time', () => {
    fc.assert(
      fc.property(eventsArb, (a) => {
        const s = stateOf(a);
        expect(canon(mergeStates(s, s))).toBe(canon(s));
        const again = applyEvents(s, a);
        expect(again.reviews).toEqual([]);
        expect(again.registers).toEqual([]);
      }),
    );
  });

  it('does not depend on the order events arrive in', () => {
    fc.assert(
      fc.property(
        eventsArb.chain((a) => fc.tuple(fc.constant(a), fc.shuffledSubarray(a, { minLength: a.length }))),
        ([a, shuffled]) => {
          expect(canon(stateOf(shuffled))).toBe(canon(stateOf(a)));
        },
      ),
    );
  });

  it('counts a review seen twice once, and keeps every distinct review (union)', () => {
    fc.assert(
      fc.property(eventsArb, eventsArb, (a, b) => {
        const merged = mergeStates(stateOf(a), stateOf(b));
        const ids = new Set([...a, ...b].filter((e) => e.k === 'review').map((e) => e.id));
        expect(merged.reviews.size).toBe(ids.size);
      }),
    );
  });

  it('lets the later writer win a register, the greater device breaking a tie, and keeps the first opening', () => {
    const s = emptySyncState();
    const base = { k: 'setting' as const, key: 'theme' };
    applyEvents(s, [{ ...base, id: '00000000a-laptop01-0', at: 10, value: 'dark' }]);
    const tie = applyEvents(s, [{ ...base, id: '00000000a-desktop2-0', at: 10, value: 'light' }]);
    expect(tie.registers).toEqual([]);
    expect(s.registers.get('setting:theme')).toMatchObject({ value: 'dark' });
    applyEvents(s, [{ ...base, id: '00000000b-desktop2-0', at: 11, value: 'light' }]);
    expect(s.registers.get('setting:theme')).toMatchObject({ value: 'light' });

    const r = { k: 'reading' as const, key: 'p:c', pack: 'p', chapter: 'c' };
    applyEvents(s, [{ ...r, id: '00000000a-laptop01-1', at: 20, first: 5 }]);
    applyEvents(s, [{ ...r, id: '00000000b-desktop2-1', at: 30, first: 25, section: 's2' }]);
    expect(s.registers.get('reading:p:c')).toMatchObject({ at: 30, first: 5, section: 's2' });
  });

  it('settles one event id with two contents the same way in either order (a merge was not commutative)', () => {
    // Found by the commutativity property: two devices' copies of one setting event that differ.
    const one = {
      k: 'setting' as const,
      id: '0loyw3v3y-desktop2-0',
      at: 1_700_000_000_062,
      key: 'retention',
    };
    const a = stateOf([{ ...one, value: 0 }]);
    const b = stateOf([{ ...one, value: 1 }]);
    expect(canon(mergeStates(a, b))).toBe(canon(mergeStates(b, a)));
    expect(mergeStates(b, a).registers.get('setting:retention')).toMatchObject({ value: 0 });
    // A reading event's first opening still merges as the least, whichever content wins.
    const r = {
      k: 'reading' as const,
      id: '0loyw3v3y-desktop2-1',
      at: 9,
      key: 'p:c',
      pack: 'p',
      chapter: 'c',
    };
    const x = stateOf([{ ...r, first: 3, section: 's1' }]);
    const y = stateOf([{ ...r, first: 1, section: 's2' }]);
    expect(canon(mergeStates(x, y))).toBe(canon(mergeStates(y, x)));
    expect(mergeStates(x, y).registers.get('reading:p:c')).toMatchObject({ first: 1, section: 's1' });
  });

  it('orders a card’s merged reviews by time, then id', () => {
    const mk = (id: string, at: number): SyncEvent => ({
      k: 'review',
      id,
      at,
      card: 'p:q1',
      pack: 'p',
      chapter: 'c',
      rating: 3,
      score: 1,
      correct: 1,
      ms: 1,
    });
    const s = stateOf([
      mk('00000000c-laptop01-0', 30),
      mk('00000000a-desktop2-0', 10),
      mk('00000000a-laptop01-0', 10),
    ]);
    const list = reviewsByCard(s.reviews.values()).get('p:q1') ?? [];
    expect(list.map((e) => e.id)).toEqual([
      '00000000a-desktop2-0',
      '00000000a-laptop01-0',
      '00000000c-laptop01-0',
    ]);
  });
});
