/**
 * Merging what devices wrote: a state-based CRDT. Reviews form a grow-only set keyed by id; every
 * other event is a last-writer-wins register (see `compareStamps`), except that a chapter's first
 * opening is the least over all devices. `merge` is commutative, associative and idempotent (proved
 * by property tests), so devices that read the same segments in any order, any number of times,
 * end in the same state.
 */
import {
  compareStamps,
  type ReadingEvent,
  type RegisterEvent,
  type ReviewEvent,
  registerOf,
  type SyncEvent,
} from './events';

/** Everything known from the sync folder (and this device's own journal). */
export interface SyncState {
  reviews: Map<string, ReviewEvent>;
  registers: Map<string, RegisterEvent>;
}

/** What one call of {@link applyEvents} changed: the input for writing it into the database. */
export interface AppliedChange {
  /** Reviews not known before. */
  reviews: ReviewEvent[];
  /** Registers whose value changed, with their new winner. */
  registers: RegisterEvent[];
  /** Cards whose state must be replayed (they got a review). */
  cards: Set<string>;
}

export function emptySyncState(): SyncState {
  return { reviews: new Map(), registers: new Map() };
}

/** The same review id with other content (never written by Lectern): the smaller text wins, on every device. */
function pickReview(a: ReviewEvent, b: ReviewEvent): ReviewEvent {
  const ta = JSON.stringify(a);
  const tb = JSON.stringify(b);
  return ta <= tb ? a : b;
}

/**
 * What settles two events of one register with the same stamp (one event id with two contents,
 * never written by Lectern): the smaller text wins, on every device. A reading event's `first` is
 * left out of it (it merges as the least of all).
 */
function tieText(e: RegisterEvent): string {
  return JSON.stringify(e.k === 'reading' ? { ...e, first: 0 } : e);
}

/** The winner of two events of one register. */
function pickRegister(a: RegisterEvent, b: RegisterEvent): RegisterEvent {
  const order = compareStamps(a, b);
  const winner = order > 0 ? a : order < 0 ? b : tieText(a) <= tieText(b) ? a : b;
  if (winner.k !== 'reading') return winner;
  const other = (winner === a ? b : a) as ReadingEvent;
  return other.first < winner.first ? { ...winner, first: other.first } : winner;
}

function sameRegister(a: RegisterEvent, b: RegisterEvent): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** Adds events to `state` (in place) and says what changed. Events already known change nothing. */
export function applyEvents(state: SyncState, events: Iterable<SyncEvent>): AppliedChange {
  const change: AppliedChange = { reviews: [], registers: [], cards: new Set() };
  const changedRegisters = new Map<string, RegisterEvent>();
  for (const e of events) {
    if (e.k === 'review') {
      const known = state.reviews.get(e.id);
      if (known === undefined) {
        state.reviews.set(e.id, e);
        change.reviews.push(e);
        change.cards.add(e.card);
      } else if (known !== e) {
        const kept = pickReview(known, e);
        if (kept !== known) {
          state.reviews.set(e.id, kept);
          change.cards.add(e.card);
        }
      }
      continue;
    }
    const name = registerOf(e);
    const known = state.registers.get(name);
    const next = known === undefined ? e : pickRegister(known, e);
    if (known === undefined || !sameRegister(known, next)) {
      state.registers.set(name, next);
      changedRegisters.set(name, next);
    }
  }
  change.registers = [...changedRegisters.values()];
  return change;
}

/** A new state holding both (neither argument changes). */
export function mergeStates(a: SyncState, b: SyncState): SyncState {
  const out: SyncState = { reviews: new Map(a.reviews), registers: new Map(a.registers) };
  applyEvents(out, b.reviews.values());
  applyEvents(out, b.registers.values());
  return out;
}

/** The state's events, in a canonical order (for comparing states and writing snapshots). */
export function eventsOf(state: SyncState): SyncEvent[] {
  const reviews = [...state.reviews.values()].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const registers = [...state.registers.entries()]
    .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
    .map(([, e]) => e);
  return [...reviews, ...registers];
}

/** Each card's reviews, in the order a replay applies them: time, then id. */
export function reviewsByCard(
  reviews: Iterable<ReviewEvent>,
  only?: ReadonlySet<string>,
): Map<string, ReviewEvent[]> {
  const byCard = new Map<string, ReviewEvent[]>();
  for (const r of reviews) {
    if (only && !only.has(r.card)) continue;
    const list = byCard.get(r.card);
    if (list) list.push(r);
    else byCard.set(r.card, [r]);
  }
  for (const list of byCard.values())
    list.sort((x, y) => x.at - y.at || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return byCard;
}
