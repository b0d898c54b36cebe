import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PackFile } from '../../../electron/ipc/contract';
import { loadBundledContent } from '../../../renderer/src/app/bootstrap';
import * as pack from '../../../renderer/src/core/pack';
import { applyImport } from '../../../renderer/src/db/repos/import-repo';
import { newCardRow } from '../../../renderer/src/db/repos/packs-repo';
import { readPackQuestions } from '../../../renderer/src/db/repos/question-chunks';
import { LecternDb } from '../../../renderer/src/db/schema/database';
import { cardKey } from '../../../renderer/src/db/schema/rows';

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

  it('does not parse an unchanged bundled file, and keeps a file the student imported under its id', async () => {
    db = new LecternDb(`test-bootstrap-${Math.random()}`);
    files.push({ name: 'openai-microsoft.json', text: course, origin: 'bundled' });
    await loadBundledContent(db, T0);
    const doc = JSON.parse(course) as { title: string; questions: unknown[] };
    const mine = { ...doc, title: 'My own edition', questions: doc.questions.slice(0, 5) };
    const res = await applyImport(
      db,
      mine as never,
      { origin: 'imported', format: 'lectern', fileName: 'mine.json', contentHash: 'mine' },
      T0 + 1,
    );
    expect(res.ok).toBe(true);
    expect(await db.packs.get('openai-microsoft')).toMatchObject({
      title: 'My own edition',
      origin: 'bundled',
    });

    // The next start: the bundled file is unchanged, so the student's edition stays.
    const parse = vi.spyOn(pack, 'parsePackJson');
    expect(await loadBundledContent(db, T0 + 2)).toEqual({ loaded: ['openai-microsoft'], problems: [] });
    expect(parse).not.toHaveBeenCalled();
    expect(await db.packs.get('openai-microsoft')).toMatchObject({
      title: 'My own edition',
      questionCount: 5,
    });

    // A new bundled version (an app update) is applied over it.
    files[0] = { ...files[0]!, text: JSON.stringify({ ...doc, title: 'Course v2' }) };
    await loadBundledContent(db, T0 + 3);
    expect(parse).toHaveBeenCalledTimes(1);
    expect(await db.packs.get('openai-microsoft')).toMatchObject({ title: 'Course v2', updatedAt: T0 + 3 });
    parse.mockRestore();
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
