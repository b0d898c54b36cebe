import type { Question } from '../pack/schema';
import { permutation } from '../random';

/**
 * The order to show a question's parts in, as original indices: `order[displayPosition] = index`.
 * `choices` for multiple choice (the author's order when `fixedOrder`), `rights` for the right-hand
 * column of matching, `items` for ordering. Empty for other types.
 */
export interface DisplayOrder {
  choices: number[];
  rights: number[];
  items: number[];
}

/** A seeded permutation that is never the identity when there are two or more items (rotated if it is). */
function scramble(n: number, seed: string): number[] {
  const p = permutation(n, seed);
  if (n >= 2 && p.every((v, i) => v === i)) return [...p.slice(1), p[0] as number];
  return p;
}

/**
 * Seeded display order of a question, so the same review shows the same order (seed it with the
 * card key and its review count, e.g. `${key}#${card.reps}`, to get a new order each review).
 * Responses are always given in original indices, so grading does not depend on it. Ordering items
 * and matching answers are never shown already solved.
 */
export function computeDisplayOrder(question: Question, seed: string): DisplayOrder {
  const out: DisplayOrder = { choices: [], rights: [], items: [] };
  switch (question.type) {
    case 'multiple-choice': {
      const n = question.choices.length;
      out.choices = question.fixedOrder
        ? Array.from({ length: n }, (_, i) => i)
        : permutation(n, `${seed}/choices`);
      break;
    }
    case 'matching':
      out.rights = scramble(question.pairs.length, `${seed}/rights`);
      break;
    case 'ordering':
      out.items = scramble(question.items.length, `${seed}/items`);
      break;
    default:
      break;
  }
  return out;
}
