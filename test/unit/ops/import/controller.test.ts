import { afterEach, describe, expect, it, vi } from 'vitest';

const bridge = vi.hoisted(() => ({ answer: { ok: true, value: [] } as unknown }));
vi.mock('../../../../renderer/src/platform/bridge', () => ({
  invoke: async () => bridge.answer,
}));

/** A Worker stand-in that records what it was sent. */
class FakeWorker {
  static made: FakeWorker[] = [];
  sent: unknown[] = [];
  terminated = false;
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  constructor() {
    FakeWorker.made.push(this);
  }
  postMessage(message: unknown): void {
    this.sent.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
}

const original = globalThis.Worker;
afterEach(() => {
  globalThis.Worker = original;
  FakeWorker.made = [];
});

describe('prepareImporter', () => {
  it('starts one importer ahead of need, and the next import uses it', async () => {
    globalThis.Worker = FakeWorker as unknown as typeof Worker;
    const { importFiles, prepareImporter, resetImport } = await import(
      '../../../../renderer/src/ops/import/controller'
    );
    prepareImporter();
    prepareImporter();
    expect(FakeWorker.made).toHaveLength(1);
    const spare = FakeWorker.made[0];

    importFiles([{ kind: 'text', name: 'quiz.gift', text: '::q1:: 2+2? {=4}' }]);
    await vi.waitFor(() => expect(spare?.sent).toHaveLength(1));
    expect(FakeWorker.made).toHaveLength(1);
    expect(spare?.sent[0]).toMatchObject({ type: 'read', fileName: 'quiz.gift' });

    // Used up: the next one is started afresh.
    resetImport();
    prepareImporter();
    expect(FakeWorker.made).toHaveLength(2);
  });
});

describe('a file refused on the open-file path', () => {
  it('is headed with its own name, not "a file opened with Lectern"', async () => {
    bridge.answer = {
      ok: false,
      error: { code: 'too-large', message: 'huge.gift is 65.0 MiB; …', subject: 'huge.gift' },
    };
    const { importPendingFiles } = await import('../../../../renderer/src/ops/import/controller');
    const { useAppStore } = await import('../../../../renderer/src/store');
    await importPendingFiles();
    expect(useAppStore.getState().importJob).toMatchObject({ step: 'failed', fileName: 'huge.gift' });
    bridge.answer = { ok: true, value: [] };
  });
});
