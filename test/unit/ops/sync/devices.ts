/** Simulated devices for the sync tests: each its own fake-indexeddb database, one shared folder. */

import { afterEach, expect } from 'vitest';
import { DEFAULT_SETTINGS, resolveSchedulingSettings } from '@/core/settings';
import { forEachReviewPage } from '@/db/repos/revlog-repo';
import { answerCard } from '@/db/repos/study-repo';
import { LecternDb } from '@/db/schema/database';
import type { CardKey } from '@/db/schema/rows';
import { SyncEngine, type SyncEngineOptions } from '@/ops/sync';
import { applyPackEvents, exportPackEvents } from '@/ops/sync/sync-packs';
import type { MemoryFolder } from '../../../support/sync-folder';
import { makePack, makeQuestion, seedQuestions, withCounts } from '../../core/stats/fixtures';

export const T0 = Date.UTC(2026, 11, 1, 9);
export const MIN = 60_000;
export const QUESTIONS = ['q0', 'q1', 'q2', 'q3'].map((id, i) =>
  makeQuestion('p', id, i < 2 ? 'c1' : 'c2', i),
);
export const key = (id: string) => `p:${id}` as CardKey;

let opened: LecternDb[] = [];
afterEach(async () => {
  for (const db of opened) await db.delete();
  opened = [];
});

export interface Device {
  db: LecternDb;
  engine: SyncEngine;
  clock: { now: number };
}

let n = 0;
export async function device(
  folder: MemoryFolder,
  name: string,
  clock = { now: T0 },
  more: Partial<SyncEngineOptions> = {},
): Promise<Device> {
  const db = new LecternDb(`sync-test-${name}-${n++}`);
  opened.push(db);
  await db.open();
  const pack = { ...withCounts(makePack('p'), QUESTIONS), origin: 'bundled' as const };
  await db.packs.put(pack);
  await seedQuestions(db, QUESTIONS);
  const engine = new SyncEngine({
    db,
    folder,
    folderName: '/sync',
    hostName: name,
    now: () => clock.now,
    applyPacks: (events) => applyPackEvents(db, folder, events, clock.now),
    exportPacks: (now, newId) => exportPackEvents(db, folder, now, newId),
    ...more,
  });
  await engine.load();
  return { db, engine, clock };
}

export async function answer(d: Device, id: string, rating: 1 | 2 | 3 | 4, at: number): Promise<void> {
  const card = await d.db.cards.get(key(id));
  const q = QUESTIONS.find((x) => x.id === id);
  const res = await answerCard(d.db, {
    key: key(id),
    shownRev: card?.rev ?? 0,
    place: { chapterId: q?.chapterId ?? 'c1', order: q?.order ?? 0 },
    rating,
    grade: { score: rating === 1 ? 0 : 1, correct: rating !== 1 },
    response: { type: 'flashcard', rating },
    responseMs: 3000,
    now: at,
    settings: { ...resolveSchedulingSettings(DEFAULT_SETTINGS, 'p'), loadBalancing: true },
    // A busy odd day after a quiet even one: the load balancer moves review dues, which a replay
    // alone could not repeat.
    load: { counts: Array.from({ length: 400 }, (_, d) => (d % 2 ? 80 : 0)), weekday: 0 },
  });
  expect(res.ok).toBe(true);
}

/** Every review id of the device's log (its rows and its day records). */
export async function reviewIds(d: Device): Promise<string[]> {
  const ids: string[] = [];
  await forEachReviewPage(d.db, (rows) => ids.push(...rows.map((r) => r.id)));
  return ids.sort();
}

export async function cardStates(d: Device): Promise<unknown[]> {
  return (await d.db.cards.toArray())
    .sort((a, b) => a.key.localeCompare(b.key))
    .map(({ rev: _r, ...c }) => c);
}
