import { default_w, forgetting_curve } from 'ts-fsrs';

const DAY_MS = 86_400_000;

/**
 * Probability (0..1) that the student still recalls the card at `now`, from the FSRS-6 forgetting
 * curve R(t, S) with the default parameters. Elapsed time is counted in fractional days since the
 * last review (ts-fsrs counts whole calendar days), so two cards due the same day still order by
 * hour. A card never reviewed, or with no stability, has retrievability 0.
 */
export function computeRetrievability(
  card: { state: number; stability: number; lastReview: number | null },
  now: number,
): number {
  if (card.state === 0 || card.lastReview === null || !(card.stability > 0)) return 0;
  const t = Math.max(0, (now - card.lastReview) / DAY_MS);
  const r = forgetting_curve(default_w, t, card.stability);
  return Number.isFinite(r) ? r : 0;
}
