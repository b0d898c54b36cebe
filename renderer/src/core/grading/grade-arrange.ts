import type { Question } from '../pack/schema';
import { normalizeAnswer } from './normalize';
import type { PairPart, PositionPart } from './types';

type Matching = Extract<Question, { type: 'matching' }>;
type Ordering = Extract<Question, { type: 'ordering' }>;

/**
 * Grades a matching answer: a left item is right when the right-hand text chosen for it equals
 * (normalized) its own — so two pairs with the same right-hand text are interchangeable. Score is the
 * share of left items matched right. A distractor (a right-hand text of no pair) is never right.
 */
export function gradeMatching(q: Matching, pairsRaw: unknown) {
  const given = Array.isArray(pairsRaw) ? pairsRaw : [];
  const n = q.pairs.length;
  // Right-hand options: the pairs' own, then the distractors (indices n, n+1, …).
  const options = [...q.pairs.map((p) => p.right), ...(q.distractors ?? [])];
  const parts: PairPart[] = q.pairs.map((p, index) => {
    const j = given[index];
    const chosen = Number.isInteger(j) && j >= 0 && j < options.length ? options[j as number] : undefined;
    return {
      kind: 'pair',
      index,
      left: p.left,
      given: chosen ?? null,
      expected: p.right,
      correct: chosen !== undefined && normalizeAnswer(chosen) === normalizeAnswer(p.right),
    };
  });
  const right = parts.filter((p) => p.correct).length;
  return {
    parts,
    correct: right === n,
    score: n === 0 ? 0 : right / n,
    expectedText: q.pairs.map((p) => `${p.left} → ${p.right}`).join('; '),
    givenText: parts.map((p) => `${p.left} → ${p.given ?? '?'}`).join('; '),
  };
}

/** Indices (into `ranks`) of one longest non-decreasing subsequence. O(n²); n ≤ 26 here. */
function findLongestRun(ranks: number[]): Set<number> {
  const len = ranks.map(() => 1);
  const from = ranks.map(() => -1);
  let best = -1;
  for (let i = 0; i < ranks.length; i++) {
    for (let k = 0; k < i; k++) {
      if ((ranks[k] as number) <= (ranks[i] as number) && (len[k] as number) + 1 > (len[i] as number)) {
        len[i] = (len[k] as number) + 1;
        from[i] = k;
      }
    }
    if (best === -1 || (len[i] as number) > (len[best] as number)) best = i;
  }
  const out = new Set<number>();
  for (let i = best; i !== -1; i = from[i] as number) out.add(i);
  return out;
}

/**
 * Grades an ordering answer by the longest run of items kept in the right relative order (longest
 * increasing subsequence, L): score = (L − 1) / (n − 1), so the right order scores 1, the reverse 0,
 * and one item moved anywhere costs one step — fairer than counting items in place, where moving
 * the last item to the front would score 0. Items with the same (normalized) text are
 * interchangeable. Items left out or repeated count against the score; only a full, right order is
 * correct.
 */
export function gradeOrdering(q: Ordering, orderRaw: unknown) {
  const n = q.items.length;
  const norm = q.items.map((t) => normalizeAnswer(t));
  const rank = norm.map((t) => norm.indexOf(t));
  const seen = new Set<number>();
  const order: number[] = [];
  for (const v of Array.isArray(orderRaw) ? orderRaw : []) {
    if (Number.isInteger(v) && v >= 0 && v < n && !seen.has(v)) {
      seen.add(v);
      order.push(v);
    }
  }
  const run = findLongestRun(order.map((i) => rank[i] as number));
  const parts: PositionPart[] = order.map((itemIndex, position) => ({
    kind: 'position',
    position,
    itemIndex,
    item: q.items[itemIndex] as string,
    expectedPosition: rank[itemIndex] as number,
    correct: run.has(position),
    inPlace: rank[itemIndex] === rank[position],
  }));
  for (let i = 0; i < n; i++) {
    if (!seen.has(i)) {
      parts.push({
        kind: 'position',
        position: -1,
        itemIndex: i,
        item: q.items[i] as string,
        expectedPosition: i,
        correct: false,
        inPlace: false,
      });
    }
  }
  const correct = order.length === n && run.size === n;
  const score = correct ? 1 : n <= 1 ? 0 : Math.max(0, (run.size - 1) / (n - 1));
  return {
    parts,
    correct,
    score,
    expectedText: q.items.join(' → '),
    givenText: order.map((i) => q.items[i]).join(' → '),
  };
}
