import { afterEach, describe, expect, it } from 'vitest';
import { afterStart, START_MARK } from '../../../renderer/src/app/perf';

afterEach(() => performance.clearMarks(START_MARK));

describe('work that waits until the app has started', () => {
  it('starts once the Library has set its start mark, not before', async () => {
    let started = false;
    const waiting = afterStart(60_000).then(() => {
      started = true;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(started).toBe(false);
    performance.mark(START_MARK);
    await waiting;
    expect(started).toBe(true);
  });

  it('starts at once when the mark was set already', async () => {
    performance.mark(START_MARK);
    await expect(afterStart(60_000)).resolves.toBeUndefined();
  });

  it('starts anyway after the fallback when the app opened on another screen', async () => {
    let started = false;
    const waiting = afterStart(30).then(() => {
      started = true;
    });
    expect(started).toBe(false);
    await waiting;
    expect(started).toBe(true);
  });
});
