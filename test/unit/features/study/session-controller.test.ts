import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Pack, Question } from '../../../../renderer/src/core/pack/schema';
import { insertPack, newCardRow } from '../../../../renderer/src/db/repos/packs-repo';
import { markChapterOpened } from '../../../../renderer/src/db/repos/reading-repo';
import { patchSettings } from '../../../../renderer/src/db/repos/settings-repo';
import { setFlagged } from '../../../../renderer/src/db/repos/study-repo';
import { LecternDb } from '../../../../renderer/src/db/schema/database';
import { type CardKey, cardKey } from '../../../../renderer/src/db/schema/rows';
import { type StudyDeps, StudyOps } from '../../../../renderer/src/ops/study';
import { useAppStore } from '../../../../renderer/src/store';
import { bindStudyCalls } from './study-calls';

const T0 = Date.UTC(2025, 2, 10, 9, 0, 0);
const MIN = 60_000;

const questions: Question[] = [
  {
    id: 'amount',
    section: 's1',
    type: 'typed',
    prompt: 'How much did Microsoft invest in 2019?',
    accept: ['$1 billion'],
    numeric: { value: 1e9, tolerance: 0 },
    hint: 'Ten figures.',
  },
  {
    id: 'who',
    section: 's1',
    type: 'multiple-choice',
    prompt: 'Who invested?',
    choices: [
      { text: 'Microsoft', correct: true },
      { text: 'Amazon', correct: false },
    ],
  },
  { id: 'card', section: 's1', type: 'flashcard', front: 'Front', back: 'Back' },
  { id: 'later', section: 's2', type: 'true-false', prompt: 'Unread chapter', answer: true },
];
const pack: Pack = {
  format: 'lectern-pack',
  formatVersion: 1,
  id: 'p',
  title: 'Pack',
  language: 'en',
  version: '1',
  chapters: [
    { id: 'c1', title: 'One', sections: [{ id: 's1', title: 'S1', body: 'x' }] },
    { id: 'c2', title: 'Two', sections: [{ id: 's2', title: 'S2', body: 'y' }] },
  ],
  questions,
  discussions: [],
};
const q = (id: string) => questions.find((x) => x.id === id) as Question;
const key = (id: string): CardKey => cardKey('p', id);

let db: LecternDb;
let now = T0;
let deps: StudyDeps;
let study: StudyOps;
const session = () => useAppStore.getState().session;
const {
  confirmAnswer,
  finishSession,
  rateFlashcard,
  revealAnswer,
  setCurrentFlag,
  showHint,
  showNext,
  startStudy,
  submitAnswer,
  suspendCurrent,
  undoLast,
} = bindStudyCalls(() => study);

beforeEach(async () => {
  useAppStore.setState(useAppStore.getInitialState(), true);
  db = new LecternDb(`test-study-session-${Math.random()}`);
  now = T0;
  deps = { db, now: () => now };
  study = new StudyOps(deps, useAppStore);
  await insertPack(db, pack, { origin: 'bundled', format: 'lectern', contentHash: 'h' }, T0);
  await markChapterOpened(db, 'p', 'c1', T0);
});
afterEach(async () => {
  study.current?.close();
  await db.delete();
});

describe('a study session', () => {
  it('starts with the new questions of opened chapters, in course order', async () => {
    await startStudy({ packId: 'p' });
    expect(session()).toMatchObject({ status: 'studying', phase: 'question', answered: 0 });
    expect(session().current?.key).toBe(key('amount'));
    expect(session().left).toEqual({ reviews: 0, learning: 0, newCards: 3 });
  });

  it('respects the settings: new questions per day, and require-reading off', async () => {
    await patchSettings(db, { newPerDay: 1 });
    await startStudy({});
    expect(session().left.newCards).toBe(1);
    await patchSettings(db, { newPerDay: 20, requireReading: false });
    await startStudy({});
    expect(session().left.newCards).toBe(4);
  });

  it('grades, then writes the answer only when confirmed, and moves on', async () => {
    await startStudy({ packId: 'p' });
    now += 2_000;
    const grade = submitAnswer(q('amount'), { type: 'typed', text: '$1B' }, now);
    expect(grade?.correct).toBe(true);
    expect(session().phase).toBe('answered');
    expect(session().pending).toMatchObject({ suggested: 4, guessed: 2, responseMs: 2_000 });
    expect(await db.revlog.count()).toBe(0);

    now += 3_000;
    await confirmAnswer('suggested');
    const [review] = await db.revlog.toArray();
    expect(review).toMatchObject({ cardKey: key('amount'), rating: 4, correct: 1, responseMs: 2_000 });
    expect(JSON.parse(review?.response ?? '')).toEqual({ type: 'typed', text: '$1B' });
    expect((await db.cards.get(key('amount')))?.state).toBe(2);
    expect(session()).toMatchObject({ answered: 1, correct: 1, timeMs: 5_000, phase: 'question' });
    expect(session().current?.key).toBe(key('who'));
  });

  it('"I guessed" turns a right answer into Hard; the hint does too', async () => {
    await startStudy({ packId: 'p' });
    showHint();
    submitAnswer(q('amount'), { type: 'typed', text: 'one billion dollars' }, now + 1000);
    expect(session().pending?.suggested).toBe(2);
    await confirmAnswer('guessed');
    expect((await db.revlog.toArray())[0]?.rating).toBe(2);
  });

  it('a wrong answer is Again and comes back once its learning step falls due', async () => {
    await startStudy({ packId: 'p' });
    submitAnswer(q('amount'), { type: 'typed', text: '$2B' }, now + 1000);
    expect(session().pending?.suggested).toBe(1);
    await confirmAnswer('suggested');
    submitAnswer(q('who'), { type: 'multiple-choice', selected: [0] }, now + 1000);
    await confirmAnswer('suggested');
    revealAnswer();
    expect(session().phase).toBe('revealed');
    await rateFlashcard(q('card'), 3);
    expect((await db.revlog.toArray()).map((r) => r.rating)).toEqual([1, 4, 3]);
    // Nothing is due now: the session waits for the Again card's one-minute step.
    expect(session().status).toBe('waiting');
    expect(session().waitUntil).toBe(T0 + MIN);
    now = T0 + MIN;
    await showNext();
    expect(session()).toMatchObject({ status: 'studying' });
    expect(session().current?.key).toBe(key('amount'));
    expect(session().left).toEqual({ reviews: 0, learning: 1, newCards: 0 });
  });

  it('refuses an answer to a card that changed since it was shown, and shows it again', async () => {
    await startStudy({ packId: 'p' });
    await setFlagged(db, key('amount'), true, { chapterId: 'c1', order: 0 }); // changed elsewhere: rev moves on
    submitAnswer(q('amount'), { type: 'typed', text: '$1B' }, now + 1000);
    await confirmAnswer('suggested');
    expect(await db.revlog.count()).toBe(0);
    expect(session().current).toMatchObject({ key: key('amount'), rev: 1 });
    expect(session().phase).toBe('question');
    expect(session().message).toMatch(/not saved.*changed since it was shown/);
    submitAnswer(q('amount'), { type: 'typed', text: '$1B' }, now + 1000);
    await confirmAnswer('suggested');
    expect(await db.revlog.count()).toBe(1);
  });

  it('flagging from the screen keeps the card answerable', async () => {
    await startStudy({ packId: 'p' });
    await setCurrentFlag(true);
    expect((await db.cards.get(key('amount')))?.flagged).toBe(1);
    submitAnswer(q('amount'), { type: 'typed', text: '$1B' }, now + 1000);
    await confirmAnswer('suggested');
    expect(await db.revlog.count()).toBe(1);
  });

  it('undo of a first answer leaves the card new (a state-0 row), removes its log row and shows it again', async () => {
    await startStudy({ packId: 'p' });
    expect(await db.cards.get(key('amount'))).toBeUndefined();
    submitAnswer(q('amount'), { type: 'typed', text: '$1B' }, now + 1000);
    await confirmAnswer('suggested');
    expect(session().current?.key).toBe(key('who'));
    expect(await undoLast()).toBe(true);
    const after = await db.cards.get(key('amount'));
    expect(after).toEqual({ ...newCardRow('p', 'amount', 'c1', 0, T0), rev: 2 });
    expect(session().left).toEqual({ reviews: 0, learning: 0, newCards: 3 });
    expect(await db.revlog.count()).toBe(0);
    expect(session()).toMatchObject({ answered: 0, correct: 0, timeMs: 0, phase: 'question' });
    expect(session().current).toMatchObject({ key: key('amount'), rev: after?.rev });
    expect(await undoLast()).toBe(false);
  });

  it('suspend takes the card out; undo brings it back', async () => {
    await startStudy({ packId: 'p' });
    await suspendCurrent();
    expect((await db.cards.get(key('amount')))?.suspended).toBe(1);
    expect(session().current?.key).toBe(key('who'));
    expect(session().left.newCards).toBe(2);
    await undoLast();
    expect((await db.cards.get(key('amount')))?.suspended).toBe(0);
    expect(session().current?.key).toBe(key('amount'));
  });

  it('ending a session writes nothing for the card on screen', async () => {
    await startStudy({ packId: 'p' });
    submitAnswer(q('amount'), { type: 'typed', text: '$1B' }, now + 1000);
    finishSession();
    expect(session().status).toBe('done');
    await confirmAnswer('suggested');
    expect(await db.revlog.count()).toBe(0);
  });

  it('a result that arrives for an abandoned session is dropped', async () => {
    const first = await study.start({ packId: 'p' });
    const second = study.begin({ packId: 'p' });
    await first.showNext();
    expect(session().id).toBe(second.id);
    expect(session().status).toBe('loading');
  });
});
