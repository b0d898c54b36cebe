/**
 * Rescheduling cards after a preset's parameters or desired retention change, as Anki does: a
 * review card's memory (stability, difficulty) is replayed from its review history under the new
 * parameters, and its next review set to its last review plus the interval the new retention gives
 * (capped by the maximum interval). Cards in learning and new cards are left as they are. Pure and
 * deterministic (no fuzz: a reschedule should not scatter cards at random).
 */
import { FSRSAlgorithm, type FSRSState, generatorParameters } from 'ts-fsrs';
import type { SchedulingState } from './card-state';
import type { ReviewFact } from './fsrs-history';
import { normalizeSchedulerExtras, normalizeSchedulerSettings, type SchedulerSettings } from './settings';

const DAY_MS = 86_400_000;

/**
 * A reusable rescheduler for one preset's settings: the card rescheduled, or the card itself when
 * nothing changes (not a review card).
 */
export type Rescheduler = (
  card: SchedulingState,
  history: readonly ReviewFact[] | undefined,
) => SchedulingState;

function dayGap(later: number, earlier: number): number {
  return Math.max(0, Math.round((later - earlier) / DAY_MS));
}

/** Builds the rescheduler of `settings` (its parameters, retention and maximum interval). */
export function createRescheduler(settings: SchedulerSettings): Rescheduler {
  const s = normalizeSchedulerSettings(settings);
  const { parameters } = normalizeSchedulerExtras(settings);
  const algo = new FSRSAlgorithm(
    generatorParameters({
      request_retention: s.desiredRetention,
      maximum_interval: s.maximumIntervalDays,
      enable_fuzz: false,
      enable_short_term: true,
      ...(parameters.length > 0 ? { w: parameters } : {}),
    }),
  );
  return (card, history) => {
    if (card.state !== 2 || card.lastReview === null) return card;
    let memory: FSRSState = { stability: card.stability, difficulty: card.difficulty };
    const facts = history ? [...history].sort((a, b) => a.at - b.at) : [];
    if (facts.length > 0 && facts[0]?.stateBefore === 0) {
      let m: FSRSState | null = null;
      let last = facts[0]?.at ?? 0;
      for (const f of facts) {
        m = algo.next_state(m, m === null ? 0 : dayGap(f.at, last), f.rating);
        last = f.at;
      }
      if (m && Number.isFinite(m.stability) && m.stability > 0) memory = m;
    }
    const elapsed = dayGap(card.lastReview, card.lastReview);
    const days = Math.min(s.maximumIntervalDays, Math.max(1, algo.next_interval(memory.stability, elapsed)));
    return {
      ...card,
      stability: memory.stability,
      difficulty: memory.difficulty,
      scheduledDays: days,
      due: card.lastReview + days * DAY_MS,
    };
  };
}

/** Cards due on each of the `days` days from `dayStart` (the start of today; overdue ones count on day 0). */
export function forecastDue(dues: Iterable<number>, dayStart: number, days = 30): number[] {
  const counts = new Array<number>(days).fill(0);
  for (const due of dues) {
    const d = Math.max(0, Math.floor((due - dayStart) / DAY_MS));
    if (d < days) counts[d] = (counts[d] ?? 0) + 1;
  }
  return counts;
}
