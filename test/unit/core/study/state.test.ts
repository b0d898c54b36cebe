import { describe, expect, it } from 'vitest';
import type { Question } from '../../../../renderer/src/core/pack/schema';
import { createEmptyQueue, requeueAnswered, type SessionQueue } from '../../../../renderer/src/core/queue';
import {
  type AnswerToWrite,
  canOverride,
  chooseNextCard,
  completeSession,
  confirmAnswer,
  createStudyState,
  extraNewToday,
  finishSession,
  NO_RAISES,
  needsRebuild,
  overrideAnswer,
  peekUndo,
  popUndo,
  raiseNewToday,
  rateFlashcard,
  recordAnswer,
  recordSuspend,
  revealAnswer,
  type StudyState,
  setMessage,
  showCard,
  showHint,
  submitAnswer,
  UNDO_DEPTH,
  updateShownRev,
  waitForLearning,
} from '../../../../renderer/src/core/study';

const T0 = Date.UTC(2025, 2, 10, 9, 0, 0);
const MIN = 60_000;
const LEFT = { reviews: 1, learning: 0, newCards: 2 };

const typed: Question = {
  id: 'amount',
  section: 's',
  type: 'typed',
  prompt: 'How much?',
  accept: ['$1 billion'],
  numeric: { value: 1e9, tolerance: 0 },
};
const flash: Question = { id: 'f', section: 's', type: 'flashcard', front: 'F', back: 'B' };
const tf: Question = { id: 't', section: 's', type: 'true-false', prompt: 'True?', answer: true };

type S = StudyState<string, string>;

/** A session showing `key` (rev 1, reviewed twice) since T0. */
function showing(key = 'p:amount'): S {
  return showCard(createStudyState<string, string>(T0), { key, rev: 1, reps: 2 }, LEFT, T0);
}

/** The state after the card on screen was answered at `now` with `before` as its undo snapshot. */
function answered(s: S, question: Question, response: unknown, now: number, before = 'snap'): S {
  const graded = submitAnswer(s, question, response as never, now);
  if (!graded) throw new Error('not answerable');
  const answer = confirmAnswer(graded.state, 'suggested') as AnswerToWrite;
  return recordAnswer(graded.state, answer, before, now);
}

describe('a study session as plain state', () => {
  it('starts loading, then shows a card in the question phase with its seed and what is left', () => {
    const s = createStudyState(T0);
    expect(s).toMatchObject({ status: 'loading', startedAt: T0, current: null, undo: [] });
    expect(createStudyState().status).toBe('idle');
    const shown = showing();
    expect(shown).toMatchObject({
      status: 'studying',
      phase: 'question',
      hintShown: false,
      pending: null,
      left: LEFT,
      current: { key: 'p:amount', rev: 1, shownAt: T0, seed: 'p:amount@2' },
    });
  });

  it('grades a submitted answer without writing: pending with the suggested and "I guessed" ratings', () => {
    const graded = submitAnswer(showing(), typed, { type: 'typed', text: '$1B' }, T0 + 2_000);
    expect(graded?.grade.correct).toBe(true);
    expect(graded?.state).toMatchObject({
      phase: 'answered',
      pending: { responseMs: 2_000, suggested: 4, guessed: 2 },
    });
    // Not twice, and not before a card is shown.
    expect(submitAnswer(graded?.state as S, typed, { type: 'typed', text: '$1B' }, T0)).toBeNull();
    expect(submitAnswer(createStudyState(T0), typed, { type: 'typed', text: 'x' }, T0)).toBeNull();
  });

  it('a hint makes a right answer Hard', () => {
    const hinted = showHint(showing());
    expect(hinted.hintShown).toBe(true);
    const graded = submitAnswer(hinted, typed, { type: 'typed', text: '$1B' }, T0 + 1_000);
    expect(graded?.state.pending?.suggested).toBe(2);
  });

  it('"I was right" regrades a wrong typed answer as right (Good), once; not a true/false one', () => {
    const wrong = submitAnswer(showing(), typed, { type: 'typed', text: '$2B' }, T0 + 20_000);
    expect(wrong?.state.pending?.suggested).toBe(1);
    expect(canOverride(wrong?.state.pending ?? null)).toBe(true);
    const over = overrideAnswer(wrong?.state as S);
    expect(over.pending).toMatchObject({
      overridden: true,
      suggested: 3,
      grade: { correct: true, score: 1 },
    });
    expect(overrideAnswer(over)).toBe(over);
    expect(confirmAnswer(over, 'suggested')).toMatchObject({ rating: 3, overridden: true });
    const tfWrong = submitAnswer(showing('p:t'), tf, { type: 'true-false', value: false }, T0);
    expect(overrideAnswer(tfWrong?.state as S)).toBe(tfWrong?.state);
  });

  it('a flashcard is revealed, then rated 1–4; it cannot be rated before it is revealed', () => {
    const s = showing('p:f');
    expect(rateFlashcard(s, flash, 3, T0 + 4_000)).toBeNull();
    const revealed = revealAnswer(s);
    expect(revealed.phase).toBe('revealed');
    expect(revealAnswer(revealed)).toBe(revealed);
    expect(rateFlashcard(revealed, flash, 3, T0 + 4_000)).toMatchObject({
      key: 'p:f',
      shownRev: 1,
      rating: 3,
      responseMs: 4_000,
      grade: { correct: true },
    });
    expect(rateFlashcard(revealed, typed, 3, T0)).toBeNull();
  });

  it('records an answer: counts, time, the card answered last, and an undo entry with the snapshot', () => {
    const s = answered(showing(), typed, { type: 'typed', text: '$1B' }, T0 + 5_000, 'before-1');
    expect(s).toMatchObject({
      answered: 1,
      correct: 1,
      timeMs: 5_000,
      lastKey: 'p:amount',
      pending: null,
      message: null,
      focusAnswer: true,
    });
    expect(peekUndo(s)).toEqual({
      kind: 'answer',
      key: 'p:amount',
      correct: true,
      ms: 5_000,
      before: 'before-1',
    });
  });

  it('confirming with "I guessed" writes the other rating', () => {
    const graded = submitAnswer(showing(), typed, { type: 'typed', text: '$1B' }, T0 + 1_000);
    expect(confirmAnswer(graded?.state as S, 'guessed')?.rating).toBe(2);
    expect(confirmAnswer(showing(), 'suggested')).toBeNull();
  });
});

describe('undo', () => {
  it('pops the last action newest first, taking an answer out of the counts', () => {
    let s = answered(showing('p:a'), typed, { type: 'typed', text: '$1B' }, T0 + 3_000, 'a0');
    s = showCard(s, { key: 'p:b', rev: 0, reps: 0 }, LEFT, T0 + 3_000);
    s = answered(s, typed, { type: 'typed', text: 'nope' }, T0 + 5_000, 'b0');
    s = showCard(s, { key: 'p:c', rev: 0, reps: 0 }, LEFT, T0 + 5_000);
    s = recordSuspend(s, 'p:c');
    expect(s).toMatchObject({ answered: 2, correct: 1, timeMs: 5_000, focusAnswer: false });
    expect(s.message).toMatch(/Press U to undo/);
    expect(peekUndo(s)).toEqual({ kind: 'suspend', key: 'p:c' });
    s = popUndo(s);
    expect(s).toMatchObject({ answered: 2, correct: 1 });
    expect(peekUndo(s)).toMatchObject({ kind: 'answer', key: 'p:b', correct: false, before: 'b0' });
    s = popUndo(s);
    expect(s).toMatchObject({ answered: 1, correct: 1, timeMs: 3_000, lastKey: null, focusAnswer: false });
    s = popUndo(s);
    expect(s).toMatchObject({ answered: 0, correct: 0, timeMs: 0 });
    expect(peekUndo(s)).toBeNull();
    expect(popUndo(s)).toBe(s);
  });

  it(`keeps at most ${UNDO_DEPTH} actions`, () => {
    let s = showing();
    for (let i = 0; i < UNDO_DEPTH + 5; i++) s = recordSuspend(s, `p:${i}`);
    expect(s.undo).toHaveLength(UNDO_DEPTH);
    expect(s.undo[0]).toEqual({ kind: 'suspend', key: 'p:5' });
  });
});

describe('between cards and at the end', () => {
  it('waits for a learning card with at least one learning card left, then shows it', () => {
    const waiting = waitForLearning(showing(), T0 + MIN, 0);
    expect(waiting).toMatchObject({
      status: 'waiting',
      current: null,
      waitUntil: T0 + MIN,
      left: { reviews: 0, learning: 1, newCards: 0 },
    });
    expect(showCard(waiting, { key: 'p:x', rev: 2, reps: 1 }, LEFT, T0 + MIN)).toMatchObject({
      status: 'studying',
      waitUntil: null,
    });
  });

  it('completes with nothing left; finishing early keeps what is left and drops the pending answer', () => {
    expect(completeSession(showing())).toMatchObject({
      status: 'done',
      current: null,
      left: { reviews: 0, learning: 0, newCards: 0 },
    });
    const graded = submitAnswer(showing(), typed, { type: 'typed', text: '$1B' }, T0)?.state as S;
    const ended = finishSession(graded);
    expect(ended).toMatchObject({ status: 'done', pending: null, current: null, left: LEFT });
    expect(confirmAnswer(ended, 'suggested')).toBeNull();
    const idle = createStudyState();
    expect(finishSession(idle)).toBe(idle);
  });

  it('a flag moves the shown revision; a message can be set and cleared', () => {
    const s = updateShownRev(showing(), 'p:amount', 7);
    expect(s.current?.rev).toBe(7);
    expect(updateShownRev(s, 'p:other', 9)).toBe(s);
    expect(setMessage(s, 'Flagged.').message).toBe('Flagged.');
    expect(setMessage(setMessage(s, 'x'), null).message).toBeNull();
  });
});

describe('the next card', () => {
  const queue: SessionQueue<string> = {
    reviews: ['r1'],
    learning: [{ key: 'l1', due: T0 + 10 * MIN }],
    fresh: ['n1', 'n2'],
  };

  it('is the first due card, avoiding the one just answered while anything else is due', () => {
    expect(chooseNextCard(queue, T0, null)).toEqual({ kind: 'show', key: 'r1' });
    expect(chooseNextCard(queue, T0, 'r1')).toEqual({ kind: 'show', key: 'n1' });
    const alone: SessionQueue<string> = { reviews: ['r1'], learning: [], fresh: [] };
    expect(chooseNextCard(alone, T0, 'r1')).toEqual({ kind: 'show', key: 'r1' });
  });

  it('waits for a learning card when nothing else is due, and is none when nothing is left', () => {
    const onlyLearning = requeueAnswered(createEmptyQueue<string>(), 'l1', 1, T0 + 10 * MIN);
    expect(chooseNextCard(onlyLearning, T0, null)).toEqual({ kind: 'wait', until: T0 + 10 * MIN });
    expect(chooseNextCard(onlyLearning, T0 + 10 * MIN, null)).toEqual({ kind: 'show', key: 'l1' });
    expect(chooseNextCard(createEmptyQueue<string>(), T0, null)).toEqual({ kind: 'none' });
  });

  it('the queue is read again only when stale, on a new study day, or when the clock went back', () => {
    const built = { stale: false, builtAt: T0, dayStart: T0 - 5 * 60 * MIN };
    expect(needsRebuild(built, T0 + 6 * 60 * MIN, built.dayStart)).toBe(false);
    expect(needsRebuild({ ...built, stale: true }, T0, built.dayStart)).toBe(true);
    expect(needsRebuild(built, T0 + 20 * 60 * MIN, built.dayStart + 24 * 60 * MIN)).toBe(true);
    expect(needsRebuild(built, T0 - 1, built.dayStart)).toBe(true);
  });
});

describe("today's raised new limit", () => {
  it('adds up within a study day, per pack, and is gone the next day', () => {
    let raises = raiseNewToday(NO_RAISES, T0, ['a', 'b'], 2);
    raises = raiseNewToday(raises, T0, ['a'], 3.7);
    expect(extraNewToday(raises, T0, 'a')).toBe(5);
    expect(extraNewToday(raises, T0, 'b')).toBe(2);
    expect(extraNewToday(raises, T0, 'c')).toBe(0);
    expect(extraNewToday(raises, T0 + 24 * 60 * MIN, 'a')).toBe(0);
    expect(extraNewToday(NO_RAISES, T0, 'a')).toBe(0);
  });
});
