import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PackFile } from '../../../electron/ipc/contract';
import { loadBundledContent } from '../../../renderer/src/app/bootstrap';
import { LecternDb } from '../../../renderer/src/db/db';
import { newCardRow } from '../../../renderer/src/db/packs-repo';
import { readPackQuestions } from '../../../renderer/src/db/question-chunks';
import { cardKey } from '../../../renderer/src/db/rows';

const files: PackFile[] = [];
vi.mock('../../../renderer/src/platform/bridge', () => ({
  invoke: async () => ({ ok: true, value: files }),
}));

const course = readFileSync(new URL('../../../content/openai-microsoft.json', import.meta.url), 'utf8');
const T0 = Date.UTC(2025, 2, 10);

let db: LecternDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
  files.length = 0;
});

describe('loadBundledContent', () => {
  it('stores the bundled course once, then applies a changed bundled file as an update keeping progress', async () => {
    db = new LecternDb(`test-bootstrap-${Math.random()}`);
    files.push({ name: 'openai-microsoft.json', text: course, origin: 'bundled' });
    expect(await loadBundledContent(db, T0)).toEqual({ loaded: ['openai-microsoft'], problems: [] });
    const pack = await db.packs.get('openai-microsoft');
    expect(pack?.origin).toBe('bundled');
    const count = pack?.questionCount ?? 0;
    expect((await readPackQuestions(db, 'openai-microsoft')).length).toBe(count);
    expect(await db.cards.count()).toBe(0);

    const doc = JSON.parse(course) as { questions: { id: string; type: string }[] };
    const [first, second] = doc.questions;
    if (!first || !second) throw new Error('the course has questions');
    const stored = (await readPackQuestions(db, 'openai-microsoft')).find((q) => q.id === first.id);
    if (!stored) throw new Error('the first question is stored');
    const studied = {
      ...newCardRow('openai-microsoft', first.id, stored.chapterId, stored.order, T0),
      state: 2 as const,
      reps: 3,
    };
    await db.cards.put(studied);
    const withIndexFields = await db.cards.get(cardKey('openai-microsoft', first.id));

    // Same text again: nothing is written.
    await loadBundledContent(db, T0 + 1);
    expect((await db.packs.get('openai-microsoft'))?.updatedAt).toBe(T0);

    // A new version without the second question: the first keeps its progress, the second leaves the queue.
    files[0] = {
      ...files[0]!,
      text: JSON.stringify({ ...doc, questions: doc.questions.filter((q) => q !== second) }),
    };
    expect((await loadBundledContent(db, T0 + 2)).problems).toEqual([]);
    const after = await db.cards.get(cardKey('openai-microsoft', first.id));
    expect(after).toEqual({ ...withIndexFields, order: after?.order, startedOrder: after?.order });
    expect(after).toMatchObject({ state: 2, reps: 3, removed: 0 });
    const gone = (await readPackQuestions(db, 'openai-microsoft')).find((q) => q.id === second.id);
    expect(gone).toMatchObject({ removed: 1, order: count - 1 });
    expect(await db.cards.get(cardKey('openai-microsoft', second.id))).toBeUndefined();
    expect(await db.packs.get('openai-microsoft')).toMatchObject({
      questionCount: count - 1,
      updatedAt: T0 + 2,
    });
  });

  it('reports a bundled file that does not validate and stores nothing', async () => {
    db = new LecternDb(`test-bootstrap-${Math.random()}`);
    files.push({ name: 'broken.json', text: '{"format": "lectern-pack"', origin: 'bundled' });
    const report = await loadBundledContent(db, T0);
    expect(report.loaded).toEqual([]);
    expect(report.problems[0]).toMatch(/^broken\.json: \d+ problem/);
    expect(await db.packs.count()).toBe(0);
  });
});
