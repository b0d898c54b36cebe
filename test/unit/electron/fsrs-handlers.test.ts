/** `fsrs:optimize` over a fake ipcMain: the histories cross as JSON text, checked before any fit. */
import { describe, expect, it, vi } from 'vitest';
import { splitDay } from '../../../renderer/src/core/scheduler';
import { simulateHistory, toHistories } from '../../bench/fsrs-sim';
import { spawnOptimizerFromSource } from '../../support/fsrs-worker';

vi.mock('electron', () => ({}));
// The app's spawn is electron-vite's bundled worker; here the TypeScript source runs.
vi.mock('../../../electron/fsrs/spawn', () => ({ spawnOptimizer: spawnOptimizerFromSource }));

const { registerFsrsHandlers } = await import('../../../electron/ipc/fsrs-handlers');
const { createHandlerRegistry } = await import('../../../electron/ipc/handle');

type Listener = (event: unknown, ...args: unknown[]) => Promise<unknown>;
const PAGE = 'file:///app/out/renderer/index.html';

function mainWithFsrs() {
  const map = new Map<string, Listener>();
  const registry = createHandlerRegistry(
    { handle: (c: string, fn: Listener) => void map.set(c, fn) } as never,
    (u) => u === PAGE,
  );
  registerFsrsHandlers(registry);
  const sender = { isDestroyed: () => false, send: () => {} };
  return async (channel: string, ...args: unknown[]) =>
    (await map.get(channel)?.({ senderFrame: { url: PAGE }, sender }, ...args)) as
      | { ok: true; value: { parameters: number[] | null; items: number } }
      | { ok: false; error: { code: string; message: string } };
}

describe('fsrs:optimize', () => {
  it('fits histories sent as JSON text', async () => {
    const call = mainWithFsrs();
    const h = toHistories(simulateHistory({ cards: 200, days: 150, seed: 'handler' }));
    const res = await call('fsrs:optimize', {
      jobId: 'j1',
      historiesJson: JSON.stringify(h),
      cutDay: splitDay(h),
    });
    expect(res.ok).toBe(true);
    if (res.ok) expect(res.value.parameters).toHaveLength(21);
  }, 120_000);

  it('refuses text that is not JSON, a rating out of 1–4, and histories given as objects', async () => {
    const call = mainWithFsrs();
    const notJson = await call('fsrs:optimize', { jobId: 'j2', historiesJson: '[{"ratings":[3', cutDay: 0 });
    expect(notJson).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: 'the histories are not JSON' },
    });
    const badRating = await call('fsrs:optimize', {
      jobId: 'j3',
      historiesJson: JSON.stringify([{ ratings: [3, 7], days: [0, 2] }]),
      cutDay: 0,
    });
    expect(badRating).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const objects = await call('fsrs:optimize', { jobId: 'j4', histories: [], cutDay: 0 });
    expect(objects).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });
});
