/**
 * A smoke run of `npm run bench` at 1k questions: every phase runs against the real app and yields a
 * time, and the table judges them. Not a performance test (this machine is shared): it proves the
 * bench still drives the app, so `npm run bench` keeps working as the app changes.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { BenchApp, makeUserData, removeUserData } from '../bench/app-session';
import { writeBenchFiles } from '../bench/bench-files';
import { importThroughScreen, measureFloor } from '../bench/phases/import';
import { measureStats } from '../bench/phases/stats';
import { measureAnswers, measureQueue, seedStudyHistory } from '../bench/phases/study';
import { buildRows, formatTable } from '../bench/report';

const quiet = () => {};

test('bench smoke at 1k: floor, import through the screen, queue, 12 answers and statistics all measured', async () => {
  test.setTimeout(90_000);
  const files = writeBenchFiles(1000);
  const dir = makeUserData('smoke');
  const app = await BenchApp.launch(dir);
  try {
    const floor = await measureFloor(app, readFileSync(files.pack, 'utf8'), 1, quiet);
    const imported = await importThroughScreen(app, files.pack);
    expect(imported.total).toBeCloseTo(imported.read + imported.store, 6);
    await expect(
      app.page.getByRole('heading', { level: 2, name: /^Imported “Bench pack of 1000 questions”/ }),
    ).toBeVisible();

    const seed = await seedStudyHistory(app, { packId: files.packId, reviewsPerCard: 2, due: 60 });
    expect(seed).toMatchObject({ cards: 1000, reviews: 2000, due: 60 });
    const queue = await measureQueue(app, 1, quiet, false);
    await expect(app.page.locator('article.study-card')).toHaveAttribute('data-phase', 'question');
    const answers = await measureAnswers(app, files.typeOf, 12, 1, quiet);
    expect(answers.count).toBe(12);
    const stats = await measureStats(app, 1, quiet);

    for (const ms of [
      ...floor,
      imported.total,
      ...queue,
      answers.p50,
      answers.max,
      stats.first,
      ...stats.later,
    ])
      expect(ms).toBeGreaterThan(0);
    const rows = buildRows({
      date: new Date().toISOString(),
      machine: { cpus: 2, cpuModel: '', memory: '', node: process.version, chromium: '', mode: '' },
      options: { sizes: [1000], runs: 1, bigRuns: 1, answers: 12, reviewsPerCard: 2 },
      jsSize: { total: 1, initial: 1, files: [] },
      rowCost: null,
      courseStart: { runs: [1], floor: [1] },
      sizes: [
        {
          n: 1000,
          packBytes: files.packBytes,
          tsvBytes: files.tsvBytes,
          floor,
          import: [imported],
          importTsv: [],
          core: { read: 0, store: 0 },
          seed,
          queue,
          answer: answers,
          stats: stats.later,
          statsFirst: stats.first,
          start: { runs: [1], floor: [1] },
          firstLaunch: null,
          runs: { heavy: 1, other: 1 },
        },
      ],
      peer: null,
      peerNote: '',
      durationMs: 0,
    });
    expect(formatTable(rows)).toContain('| answer → next question painted, p95 (12 answers) | 1k |');
    expect(formatTable(rows)).toContain(
      '| stats.firstOpenMs: statistics screen, first opening in a session (2k reviews) | 1k |',
    );
  } finally {
    await app.close();
    removeUserData(dir);
  }
});
