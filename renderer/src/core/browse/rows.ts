/**
 * A question as the Browse screen lists it: its place, its text (prompt and answer, for search and
 * display), its tags, and its card's state. Built from a question and its card row (absent: the
 * question was never studied, suspended or flagged — it is new).
 */
import { flashcardFrontWithMedia } from '../pack/flashcard-sides';
import type { Question, QuestionType } from '../pack/schema';
import { describeAnswer, describePrompt } from '../selftest/describe';

/** Where a card is in FSRS terms (relearning counts as learning). */
export type BrowseState = 'new' | 'learning' | 'review';

/** One listed question. */
export interface BrowseRow {
  key: string;
  packId: string;
  /** Position of its pack in the list of packs (course order across packs). */
  packRank: number;
  chapterId: string;
  section: string;
  /** Course order within its pack. */
  order: number;
  type: QuestionType;
  prompt: string;
  answer: string;
  tags: readonly string[];
  /** Prompt, answer and tags, folded (lower case, no accents) for search. */
  haystack: string;
  state: BrowseState;
  suspended: boolean;
  flagged: boolean;
  /** Removed from its pack by an update (its history stays). */
  removed: boolean;
  /** When a scheduled card (studied, not suspended, not removed) is due; null otherwise. */
  due: number | null;
  reps: number;
  lapses: number;
}

/** The card fields a row needs (a `CardRow` fits). */
export interface BrowseCard {
  state: 0 | 1 | 2 | 3;
  due: number;
  reps: number;
  lapses: number;
  suspended: 0 | 1;
  flagged: 0 | 1;
  removed: 0 | 1;
}

/** The question fields a row needs (a `QuestionRow` fits). */
export interface BrowseQuestion {
  key: string;
  packId: string;
  chapterId: string;
  section: string;
  order: number;
  type: QuestionType;
  question: Question;
  removed: 0 | 1;
}

/** Lower case without accents or runs of spaces: what search compares. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The state shown for a card (none: new). */
export function browseStateOf(card: Pick<BrowseCard, 'state'> | undefined): BrowseState {
  if (!card || card.state === 0) return 'new';
  return card.state === 2 ? 'review' : 'learning';
}

/** The row of a question and its card (undefined: no card row, the question is new). */
export function toBrowseRow(q: BrowseQuestion, card: BrowseCard | undefined, packRank: number): BrowseRow {
  // A flashcard's listed images as media references, which the grid names and the history dialog shows.
  const prompt =
    q.question.type === 'flashcard' ? flashcardFrontWithMedia(q.question) : describePrompt(q.question);
  const answer = describeAnswer(q.question);
  const tags = q.question.tags ?? [];
  const state = browseStateOf(card);
  const removed = q.removed === 1 || card?.removed === 1;
  const suspended = card?.suspended === 1;
  return {
    key: q.key,
    packId: q.packId,
    packRank,
    chapterId: q.chapterId,
    section: q.section,
    order: q.order,
    type: q.type,
    prompt,
    answer,
    tags,
    haystack: foldText(`${prompt} ${answer} ${tags.join(' ')}`),
    state,
    suspended,
    flagged: card?.flagged === 1,
    removed,
    due: card && state !== 'new' && !suspended && !removed ? card.due : null,
    reps: card?.reps ?? 0,
    lapses: card?.lapses ?? 0,
  };
}
