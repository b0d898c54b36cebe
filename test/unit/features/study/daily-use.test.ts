/**
 * Issue 15 in the study flow without a DOM: chapters with no text are open from the start, an
 * empty queue says why (today's limit, unread chapters) and today's limit can be raised once,
 * "I was right" regrades and records the override, and the notices stay at three.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Pack, Question } from '../../../../renderer/src/core/pack/schema';
import { DEFAULT_SETTINGS } from '../../../../renderer/src/core/settings';
import { insertPack } from '../../../../renderer/src/db/repos/packs-repo';
import { patchSettings } from '../../../../renderer/src/db/repos/settings-repo';
import { explainEmptyQueue } from '../../../../renderer/src/db/repos/study-empty-repo';
import { LecternDb } from '../../../../renderer/src/db/schema/database';
import { cardKey } from '../../../../renderer/src/db/schema/rows';
import { computeStudyDayStart, type StudyDeps, StudyOps } from '../../../../renderer/src/ops/study';
import { useAppStore } from '../../../../renderer/src/store';
import { bindStudyCalls } from './study-calls';

const T0 = Date.UTC(2025, 2, 10, 9, 0, 0);

const questions: Question[] = [
  { id: 'capital', section: 'e1', type: 'typed', prompt: 'Capital of France?', accept: ['Paris'] },
  { id: 'sky', section: 'e1', type: 'true-false', prompt: 'The sky is blue.', answer: true },
  { id: 'read', section: 't1', type: 'true-false', prompt: 'In a chapter with text.', answer: true },
];
const pack: Pack = {
  format: 'lectern-pack',
  formatVersion: 1,
  id: 'p',
  title: 'Deck',
  language: 'en',
  version: '1',
  chapters: [
    { id: 'empty', title: 'Imported', sections: [{ id: 'e1', title: 'Imported', body: '  ' }] },
    { id: 'text', title: 'Read me', sections: [{ id: 't1', title: 'T', body: 'Some text.' }] },
  ],
  questions,
  discussions: [],
};

let db: LecternDb;
let now = T0;
let deps: StudyDeps;
let study: StudyOps;
const session = () => useAppStore.getState().session;
const { confirmAnswer, overrideAnswer, startStudy, submitAnswer } = bindStudyCalls(() => study);

beforeEach(async () => {
  useAppStore.setState(useAppStore.getInitialState(), true);
  db = new LecternDb(`test-daily-use-${Math.random()}`);
  now = T0;
  deps = { db, now: () => now };
  // Its own study sessions: no raise of today's limit from an earlier test.
  study = new StudyOps(deps, useAppStore);
  await insertPack(db, pack, { origin: 'imported', format: 'gift', contentHash: 'h' }, T0);
});
afterEach(async () => {
  study.current?.close();
  await db.delete();
});

describe('imported packs cannot be studied (chapters with no text were gated by reading)', () => {
  it('queues the new questions of a chapter with no text at once; a chapter with text waits to be opened', async () => {
    await startStudy({ packId: 'p' });
    expect(session().current?.key).toBe(cardKey('p', 'capital'));
    expect(session().left.newCards).toBe(2);
  });
});

describe('an empty study queue names its reason', () => {
  const explain = async () => {
    const settings = { ...DEFAULT_SETTINGS, newPerDay: 0 };
    const dayStart = computeStudyDayStart(now, settings);
    return explainEmptyQueue(db, { packIds: 'all' }, now, dayStart, {
      requireReading: true,
      limitsOf: (id) => study.limitsToday(settings, id, dayStart),
    });
  };

  it('today’s limit (with the new questions that wait) and the unread chapters with text', async () => {
    const reasons = await explain();
    expect(reasons.limited).toEqual([{ packId: 'p', title: 'Deck', waiting: 2, limit: 0 }]);
    expect(reasons.unread).toEqual([{ packId: 'p', chapterId: 'text', title: 'Read me', newCount: 1 }]);
  });

  it('raising today’s limit once lets that many in, for today only', async () => {
    await patchSettings(db, { newPerDay: 0 });
    await startStudy({ packId: 'p' });
    expect(session().status).toBe('done');
    const settings = { ...DEFAULT_SETTINGS, newPerDay: 0 };
    study.raiseNewToday(settings, ['p'], 1);
    expect((await explain()).limited).toEqual([]);
    await startStudy({ packId: 'p' });
    expect(session().left.newCards).toBe(1);
    now += 86_400_000;
    await startStudy({ packId: 'p' });
    expect(session().status).toBe('done');
  });
});

describe('“I was right” (grading the way a teacher would)', () => {
  it('regrades a wrong typed answer as right, schedules it as Good and records the override', async () => {
    await startStudy({ packId: 'p' });
    now += 20_000;
    const grade = submitAnswer(questions[0] as Question, { type: 'typed', text: 'Lutetia' }, now);
    expect(grade?.correct).toBe(false);
    expect(session().pending?.suggested).toBe(1);
    overrideAnswer();
    expect(session().pending).toMatchObject({
      overridden: true,
      suggested: 3,
      grade: { correct: true, score: 1 },
    });
    await confirmAnswer('suggested');
    const [review] = await db.revlog.toArray();
    expect(review).toMatchObject({ rating: 3, correct: 1, score: 1 });
    expect(JSON.parse(review?.response ?? '')).toEqual({ type: 'typed', text: 'Lutetia', overridden: true });
  });

  it('is not offered for a right answer or a true/false one', async () => {
    await startStudy({ packId: 'p' });
    submitAnswer(questions[0] as Question, { type: 'typed', text: 'Paris' }, now);
    overrideAnswer();
    expect(session().pending?.overridden).toBeUndefined();
    await confirmAnswer('suggested');
    submitAnswer(questions[1] as Question, { type: 'true-false', value: false }, now);
    overrideAnswer();
    expect(session().pending).toMatchObject({ grade: { correct: false } });
    expect(session().pending?.overridden).toBeUndefined();
  });
});

describe('notices never leave (they stacked without end)', () => {
  it('keeps at most three, dropping the oldest success or information before any error', () => {
    const { notify } = useAppStore.getState();
    notify('error', 'E1');
    for (const t of ['a', 'b', 'c', 'd']) notify('success', t);
    expect(useAppStore.getState().notices.map((n) => n.text)).toEqual(['E1', 'c', 'd']);
  });
});
