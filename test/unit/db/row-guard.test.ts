import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PackFile } from '../../../electron/ipc/contract';
import { loadBundledContent } from '../../../renderer/src/app/bootstrap';
import { newCardRow } from '../../../renderer/src/db/repos/packs-repo';
import { readPackQuestions, writePackQuestions } from '../../../renderer/src/db/repos/question-chunks';
import { buildSelfTestPool } from '../../../renderer/src/db/repos/selftest-repo';
import { loadStats } from '../../../renderer/src/db/repos/stats-repo';
import { countsByPackAndChapter } from '../../../renderer/src/db/repos/study-counts-repo';
import { loadStudyItems } from '../../../renderer/src/db/repos/study-repo';
import { LecternDb } from '../../../renderer/src/db/schema/database';
import { resetRowGuard, setAsideRows } from '../../../renderer/src/db/schema/middleware/row-guard';
import type { QuestionRow } from '../../../renderer/src/db/schema/rows';
import {
  checkStoredSettings,
  describeSetAside,
  dropSetAsideRow,
  reapplyPackFile,
} from '../../../renderer/src/ops/stored-rows';
import { makePack, makeQuestion, withCounts } from '../core/stats/fixtures';

const files: PackFile[] = [];
vi.mock('../../../renderer/src/platform/bridge', () => ({
  invoke: async () => ({ ok: true, value: files }),
}));

const NOW = Date.UTC(2026, 2, 10);
let db: LecternDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
  files.length = 0;
  resetRowGuard();
});

/** Packs `p` and `o`, four questions each (two per chapter), `p:x0` studied. */
async function seed(): Promise<LecternDb> {
  db = new LecternDb(`row-guard-${Math.random()}`);
  for (const id of ['p', 'o']) {
    const questions = [0, 1, 2, 3].map((i) => makeQuestion(id, `x${i}`, i < 2 ? 'c1' : 'c2', i));
    await db.packs.put(withCounts(makePack(id), questions));
    await writePackQuestions(db, id, questions);
  }
  await db.cards.put({ ...newCardRow('p', 'x0', 'c1', 0, NOW), state: 2, due: NOW + 86_400_000 });
  return db;
}

describe('rows read through their schema', () => {
  it('a pack whose chapters are not an array is set aside; Library counts, statistics and self-tests of the others work (issue 19)', async () => {
    const d = await seed();
    const bad = await d.packs.get('o');
    await d.packs.put({ ...bad, chapters: { c1: 'x' } } as never);
    expect((await d.packs.toArray()).map((p) => p.id)).toEqual(['p']);
    expect(await d.packs.get('o')).toBeUndefined();
    const counts = await countsByPackAndChapter(d, NOW);
    expect(Object.keys(counts.packs)).toEqual(['p']);
    expect(counts.packs.p).toEqual({ due: 0, new: 3, total: 4 });
    await expect(loadStats(d, { now: NOW })).resolves.toBeDefined();
    expect(await buildSelfTestPool(d, ['p'])).toHaveLength(4);
    expect(setAsideRows()).toEqual([
      { table: 'packs', packId: 'o', questionId: null, problem: expect.stringMatching(/^chapters: /) },
    ]);
    expect(describeSetAside(setAsideRows()[0]!)).toMatch(/^The pack “o” could not be read \(chapters: /);

    // Dropping it removes the pack and everything of it.
    await dropSetAsideRow(setAsideRows()[0]!, d);
    expect(await d.questionChunks.where('packId').equals('o').count()).toBe(0);
    await d.packs.toArray();
    expect(setAsideRows()).toEqual([]);
  });

  it('a multiple-choice question without choices is set aside; Study, Self-test and the pack’s other questions work (issue 19)', async () => {
    const d = await seed();
    const chunk = (await d.questionChunks.get(['p', 0]))!;
    const broken = chunk.items[1] as QuestionRow;
    chunk.items[1] = {
      ...broken,
      type: 'multiple-choice',
      question: { id: broken.id, section: broken.section, type: 'multiple-choice', prompt: 'Which?' },
    } as QuestionRow;
    resetRowGuard(); // the chunk was read (and checked) above: a raw edit happens outside the app
    await d.questionChunks.put(chunk);
    expect((await readPackQuestions(d, 'p')).map((q) => q.id)).toEqual(['x0', 'x2', 'x3']);
    const refs = [0, 1, 2].map((order) => ({ key: `p:x${order}` as QuestionRow['key'], order }));
    expect((await loadStudyItems(d, refs, NOW)).map((i) => i.question.id)).toEqual(['x0', 'x2']);
    expect((await buildSelfTestPool(d, ['p'])).length).toBe(3);
    expect(setAsideRows()).toEqual([
      {
        table: 'questionChunks',
        packId: 'p',
        questionId: 'x1',
        problem: expect.stringMatching(/^question\.choices: /),
      },
    ]);
    expect(describeSetAside(setAsideRows()[0]!)).toMatch(/^Question “x1” of the pack “p” could not be read/);

    await dropSetAsideRow(setAsideRows()[0]!, d);
    resetRowGuard();
    expect((await d.questionChunks.get(['p', 0]))?.items.map((q) => q.id)).toEqual(['x0', 'x2', 'x3']);
    expect(setAsideRows()).toEqual([]);
  });

  it('re-applying the bundled pack file repairs a question set aside, keeping progress', async () => {
    db = new LecternDb(`row-guard-${Math.random()}`);
    const course = readFileSync(new URL('../../../content/openai-microsoft.json', import.meta.url), 'utf8');
    files.push({ name: 'openai-microsoft.json', text: course, origin: 'bundled' });
    await loadBundledContent(db, NOW);
    const id = 'openai-microsoft';
    const first = (await readPackQuestions(db, id))[0]!;
    await db.cards.put({ ...newCardRow(id, first.id, first.chapterId, first.order, NOW), state: 2, reps: 4 });
    const chunk = (await db.questionChunks.get([id, 0]))!;
    chunk.items[1] = { ...chunk.items[1], question: { id: 'nope' } } as never;
    resetRowGuard();
    await db.questionChunks.put(chunk);
    const total = (await db.packs.get(id))!.questionCount;
    expect((await readPackQuestions(db, id)).length).toBe(total - 1);
    expect(setAsideRows()).toHaveLength(1);

    expect(await reapplyPackFile(id, db)).toBeNull();
    expect((await readPackQuestions(db, id)).length).toBe(total);
    expect(setAsideRows()).toEqual([]);
    expect(await db.cards.get(first.key)).toMatchObject({ state: 2, reps: 4 });
    expect(await reapplyPackFile('someone-elses', db)).toMatch(/import its file again/);
  });

  it('invalid stored settings fall back to their defaults with a notice naming them (issue 19)', async () => {
    db = new LecternDb(`row-guard-${Math.random()}`);
    expect(await checkStoredSettings(db)).toBeNull();
    await db.settings.put({ key: 'app', value: { desiredRetention: 7 } });
    expect(await checkStoredSettings(db)).toMatch(
      /^Some stored settings could not be read and use their defaults: desiredRetention: /,
    );
    await db.settings.put({ key: 'app', value: 'garbage' });
    expect(await checkStoredSettings(db)).toMatch(/settings: settings must be an object/);
  });
});
