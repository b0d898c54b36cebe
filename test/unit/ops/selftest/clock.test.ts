import { afterEach, describe, expect, it } from 'vitest';
import { remainingMs } from '../../../../renderer/src/core/selftest';
import { loadSelfTest, startSelfTest } from '../../../../renderer/src/db/repos/selftest-repo';
import { LecternDb } from '../../../../renderer/src/db/schema/database';
import { type EnqueueWrite, startTestClock } from '../../../../renderer/src/ops/selftest/clock';
import { makeQuestion, seedQuestions } from '../../core/stats/fixtures';

const MIN = 60_000;
const NOW = Date.UTC(2026, 2, 15, 18);
let db: LecternDb;
afterEach(async () => {
  await db?.delete();
});

/** A running 10-minute exam over `count` questions, started at NOW; returns its id. */
async function startTenMinuteTest(count: number): Promise<number> {
  db = new LecternDb(`test-clock-${Math.random()}`);
  await seedQuestions(
    db,
    Array.from({ length: count }, (_, i) => makeQuestion('p', `q${i}`, 'c1', i)),
  );
  const started = await startSelfTest(db, {
    packIds: ['p'],
    mode: 'exam',
    count,
    order: 'random',
    seed: 's',
    countsForSchedule: false,
    timeLimitMs: 10 * MIN,
    now: NOW,
  });
  if (!started.ok) throw new Error('no test');
  return started.test.id;
}

/** The same serial queue as useSerialWrites, outside React. */
function serialQueue(): { enqueue: EnqueueWrite; idle: () => Promise<unknown> } {
  let queue: Promise<unknown> = Promise.resolve();
  const enqueue: EnqueueWrite = (work) => {
    const next = queue.then(work).catch(() => undefined);
    queue = next;
    return next;
  };
  return { enqueue, idle: () => queue };
}

describe('startTestClock', () => {
  it('a pause waiting behind a slow write counts the time up to the leaving, not up to its turn', async () => {
    const id = await startTenMinuteTest(2);
    let clock = NOW;
    const { enqueue, idle } = serialQueue();
    const events = new EventTarget();
    const stop = startTestClock(db, id, enqueue, events, () => clock);
    await idle();

    // A slow write (an answer save) holds the queue while the student leaves and time passes.
    let release = () => {};
    const slow = new Promise<void>((resolve) => {
      release = resolve;
    });
    void enqueue(() => slow);
    clock = NOW + 2 * MIN;
    stop();
    clock = NOW + 32 * MIN;
    release();
    await idle();

    const test = await loadSelfTest(db, id);
    expect(test?.state.resumedAt).toBeNull();
    expect(test?.state.elapsedMs).toBe(2 * MIN);
    expect(test && remainingMs(test.state, clock)).toBe(8 * MIN);
  });

  it('pagehide pauses and a pageshow from the back-forward cache resumes from then', async () => {
    const id = await startTenMinuteTest(1);
    let clock = NOW;
    const { enqueue, idle } = serialQueue();
    const events = new EventTarget();
    const stop = startTestClock(db, id, enqueue, events, () => clock);
    clock = NOW + MIN;
    events.dispatchEvent(new Event('pagehide'));
    clock = NOW + 20 * MIN;
    events.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: true }));
    await idle();
    let test = await loadSelfTest(db, id);
    expect(test?.state.elapsedMs).toBe(MIN);
    expect(test?.state.resumedAt).toBe(NOW + 20 * MIN);
    clock = NOW + 21 * MIN;
    stop();
    await idle();
    test = await loadSelfTest(db, id);
    expect(test?.state.elapsedMs).toBe(2 * MIN);
  });
});
