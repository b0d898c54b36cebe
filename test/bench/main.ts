/**
 * `npm run bench`: speed at scale in the real renderer (issue 8). For each size: the raw Dexie floor,
 * import through the Import screen (our pack, and Mnemosyne's own cards as TSV), a studied history,
 * the first queue, answers by keyboard, the statistics screen, and start-up with it all stored; then
 * the course-only start, the blank-page floor, JS size, and Mnemosyne on the same sizes. Prints one
 * table of medians; `--json` writes the same as JSON.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { launchMode } from '../e2e/launch';
import { BenchApp, makeUserData, removeUserData } from './app-session';
import { writeBenchFiles } from './bench-files';
import { type BenchOptions, parseOptions, USAGE } from './options';
import { callBench } from './page/page-bundle';
import { PEER_SCRIPT, type PeerResult, peerUnavailableReason, runPeer } from './peer';
import { type ApkgResult, measureApkgImport } from './phases/apkg';
import { measureBrowse } from './phases/browse';
import { formatFsrs, fsrsMet, measureFsrs } from './phases/fsrs';
import { measureFsrsInApp } from './phases/fsrs-app';
import {
  importPackOnce,
  measureCoreImport,
  measureFloor,
  measureImports,
  resetImports,
} from './phases/import';
import { formatLinearity, measureImportLinearity } from './phases/linearity';
import { measureJsSize } from './phases/size';
import { measureCourseStart, measureFirstLaunchOfDay, measureStart, type StartResult } from './phases/start';
import { measureStats } from './phases/stats';
import { dirBytes, idbDir, storageFigures } from './phases/storage';
import { measureAnswers, measureQueue, type SeedInput, seedStudyHistory } from './phases/study';
import { measureSyncMergeRuns } from './phases/sync';
import {
  apkgRows,
  type BenchResults,
  backupFigures,
  buildRows,
  describeRowCost,
  formatMarkdownReport,
  formatProfile,
  formatTable,
  type Machine,
  type RowCost,
  type SizeResult,
  summarizeTargets,
  syncRows,
  TARGETS,
} from './report';
import { readSeedCache, restoreSeedCache, saveSeedCache, seedCacheKey } from './seed-cache';

const log = (line: string) => process.stderr.write(`${line}\n`);

/** From this size up, write-heavy phases and the statistics run `bigRuns` times. */
const BIG_SIZE = 100_000;

function readMachine(): Machine {
  const cpuinfo = (() => {
    try {
      return readFileSync('/proc/cpuinfo', 'utf8');
    } catch {
      return '';
    }
  })();
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  const free = spawnSync('free', ['-h'], { encoding: 'utf8' }).stdout ?? '';
  const mem = /^Mem:\s+(\S+)/m.exec(free)?.[1] ?? 'unknown';
  const chromium = spawnSync('/usr/lib/chromium/chromium', ['--version'], {
    encoding: 'utf8',
  }).stdout?.trim();
  return {
    cpus: cpus().length,
    cpuModel: model.trim(),
    memory: mem,
    node: process.version,
    chromium: chromium || 'unknown',
    mode:
      launchMode() === 'electron'
        ? 'Electron'
        : 'Electron stand-in (built main under Node, window in Chromium)',
  };
}

/**
 * Seeds the studied history, or copies a cached seeded database in, and closes the app: the seeded
 * log is schema 4's rows, which the next start moves into schema 5's (the storage phase measures the
 * folder in between).
 */
async function seedOrRestore(
  app: BenchApp,
  dir: string,
  input: SeedInput,
  n: number,
  o: BenchOptions,
): Promise<SizeResult['seed']> {
  const cacheable = o.cache && n * o.reviewsPerCard >= 200_000;
  const key = seedCacheKey({ n, reviewsPerCard: input.reviewsPerCard, due: input.due });
  const cached = cacheable ? readSeedCache<SizeResult['seed']>(key) : null;
  if (cached) {
    await app.close();
    restoreSeedCache(key, dir);
    log(`  studied history copied from the seed cache (${cached.cards} cards, ${cached.reviews} reviews)`);
    return { ...cached, cached: true };
  }
  log('  seeding a studied history (setup, not timed)…');
  const seed = await seedStudyHistory(app, input);
  log(
    `  seeded ${seed.cards} cards, ${seed.reviews} reviews, ${seed.due} due in ${(seed.ms / 1000).toFixed(1)} s`,
  );
  await app.close();
  if (cacheable) saveSeedCache(key, `n=${n}`, dir, seed);
  return seed;
}

async function measureSize(
  n: number,
  o: BenchOptions,
  rowCost: { value: RowCost | null },
): Promise<SizeResult> {
  const files = writeBenchFiles(n);
  const packText = readFileSync(files.pack, 'utf8');
  const dir = makeUserData(`${n}`);
  const answers = n >= 10_000 ? o.answers : Math.max(20, Math.round(o.answers / 10));
  log(
    `\n== ${n} questions (${(files.packBytes / 1e6).toFixed(1)} MB pack, ${(files.tsvBytes / 1e6).toFixed(1)} MB TSV)`,
  );
  let app: BenchApp | null = null;
  try {
    app = await BenchApp.launch(dir);
    if (o.onlyBackup) {
      const launched = app;
      app = null; // measureBackupOnly closes it
      return await measureBackupOnly(launched, dir, files, n, o, answers);
    }
    if (!rowCost.value) {
      rowCost.value = await callBench(app.page, 'measureRowCost');
      log(`  IndexedDB per item: ${describeRowCost(rowCost.value)}`);
    }
    // Writing 100k rows takes a minute here (IndexedDB's per-row cost): the write-heavy phases and
    // the statistics run `bigRuns` times at that size, so the default run stays within reach.
    const big = n >= BIG_SIZE;
    const heavyRuns = big ? Math.min(o.runs, o.bigRuns) : o.runs;
    const floor = await measureFloor(app, packText, heavyRuns, log);
    let core: SizeResult['core'] = null;
    if (!big) {
      core = await measureCoreImport(app, `bench-${n}.json`, packText);
      log(`  core import (no screen): read ${core.read.toFixed(0)} ms, store ${core.store.toFixed(0)} ms`);
    }
    const importTsv = await measureImports(app, files.tsv, files.warm, heavyRuns, log);
    await resetImports(app);
    const imports = await measureImports(app, files.pack, files.warm, heavyRuns, log);
    const seeded = {
      seed: await seedOrRestore(
        app,
        dir,
        {
          packId: files.packId,
          reviewsPerCard: o.reviewsPerCard,
          due: Math.max(Math.ceil(n * 0.05), Math.ceil(answers * 1.1) + 50),
        },
        n,
        o,
      ),
    };
    // The seeded log is in schema 4's rows: measured closed, then the next start upgrades it.
    app = null;
    const schema4Bytes = dirBytes(idbDir(dir));
    const upgradeStarted = performance.now();
    app = await BenchApp.launch(dir);
    const upgradeLaunchMs = performance.now() - upgradeStarted;
    log(
      `  schema 4 log: ${(schema4Bytes / 1e6).toFixed(1)} MB on disk; start with the upgrade to schema 5: ${(upgradeLaunchMs / 1000).toFixed(1)} s`,
    );
    const queue = await measureQueue(app, o.runs, log);
    const answer = await measureAnswers(app, files.typeOf, answers, 20, log);
    const stats = await measureStats(app, heavyRuns, log);
    const browse = await measureBrowse(app, heavyRuns, log);
    const settled = await callBench(app.page, 'settleReviewLog');
    log(
      `  review log upkeep to its end: ${(settled.ms / 1000).toFixed(1)} s (${settled.days} day records, ${settled.rowsLeft} rows left)`,
    );
    await app.close();
    app = null;
    const start = await measureStart(dir, o.runs, true, log);
    const firstLaunch = await measureFirstLaunchOfDay(dir, 600_000, log, seeded.seed.reviews);
    const schema5Bytes = dirBytes(idbDir(dir));
    log(
      `  schema 5 log: ${(schema5Bytes / 1e6).toFixed(1)} MB on disk (${(schema5Bytes / seeded.seed.reviews).toFixed(0)} bytes a review; schema 4: ${(schema4Bytes / seeded.seed.reviews).toFixed(0)})`,
    );
    return {
      storage: { reviews: seeded.seed.reviews, schema4Bytes, schema5Bytes, upgradeLaunchMs },
      n,
      packBytes: files.packBytes,
      tsvBytes: files.tsvBytes,
      floor,
      import: imports,
      importTsv,
      core,
      seed: seeded.seed,
      queue,
      answer: {
        count: answer.count,
        p50: answer.p50,
        p95: answer.p95,
        max: answer.max,
        inDom: answer.inDom,
        phases: answer.phases,
      },
      stats: stats.later,
      statsFirst: stats.first,
      browse,
      start,
      firstLaunch,
      runs: { heavy: heavyRuns, other: o.runs },
    };
  } finally {
    await app?.close();
    removeUserData(dir);
  }
}

/**
 * `--only-backup`: the studied history, then the first launch of the day with its daily automatic
 * backup (issue 16's `backup.dailyMs` and `backup.bytesPerReview`), nothing else. Imports once (not
 * timed: the history needs the pack).
 */
async function measureBackupOnly(
  first: BenchApp,
  dir: string,
  files: ReturnType<typeof writeBenchFiles>,
  n: number,
  o: BenchOptions,
  answers: number,
): Promise<SizeResult> {
  let app: BenchApp | null = first;
  try {
    await importPackOnce(app, files.pack, log);
    const seeded = {
      seed: await seedOrRestore(
        app,
        dir,
        {
          packId: files.packId,
          reviewsPerCard: o.reviewsPerCard,
          due: Math.max(Math.ceil(n * 0.05), Math.ceil(answers * 1.1) + 50),
        },
        n,
        o,
      ),
    };
    app = null;
    // The first start moves the seeded log into schema 5's rows and the upkeep into day records;
    // the backup is measured after both, as on any later day.
    const upgraded = await BenchApp.launch(dir);
    try {
      await callBench(upgraded.page, 'settleReviewLog');
    } finally {
      await upgraded.close();
    }
    const firstLaunch = await measureFirstLaunchOfDay(dir, 600_000, log, seeded.seed.reviews);
    return {
      n,
      packBytes: files.packBytes,
      tsvBytes: files.tsvBytes,
      floor: [],
      import: [],
      importTsv: [],
      core: null,
      seed: seeded.seed,
      queue: [],
      answer: null,
      stats: [],
      start: { runs: [], floor: [] },
      firstLaunch,
      runs: { heavy: 0, other: 0 },
    };
  } finally {
    await app?.close();
    removeUserData(dir);
  }
}

function build(): void {
  log('building the app (electron-vite build)…');
  const built = spawnSync('npx', ['electron-vite', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) throw new Error('the build failed');
}

/** The import.apkg20k phase in an app of its own (fresh user data). */
async function measureApkgOnce(runs: number): Promise<ApkgResult> {
  const dir = makeUserData('apkg');
  const app = await BenchApp.launch(dir);
  try {
    return await measureApkgImport(app, runs, log);
  } finally {
    await app.close();
    removeUserData(dir);
  }
}

/**
 * Issue 16's figures under their JSON names, from the largest size that measured them (the
 * statistics' ratio to Mnemosyne against the peer's statistics at that size, when it ran).
 */
function issue16Figures(sizes: readonly SizeResult[], peer: readonly PeerResult[] | null) {
  const s = [...sizes].reverse().find((x) => x.storage);
  if (!s?.storage) return {};
  const later = [...s.stats].sort((a, b) => a - b)[Math.floor(s.stats.length / 2)] ?? Number.NaN;
  return {
    'issue16.size': s.n,
    ...storageFigures(
      s.storage,
      { ...(s.statsFirst !== undefined ? { first: s.statsFirst } : {}), later },
      peer?.find((p) => p.n === s.n)?.statsMs,
    ),
  };
}

/** Prints the table and writes --json / --md as asked. */
function writeResults(results: BenchResults, o: BenchOptions): void {
  const linearity = results['import.linearity'];
  const table = `${formatTable(results.rows)}\n\n${summarizeTargets(results.rows)}\n\n${formatProfile(results)}\n${linearity ? `${formatLinearity(linearity)}\n` : ''}${results.fsrs ? `${formatFsrs(results.fsrs)}\n` : ''}${results.peerNote}\nBench took ${(results.durationMs / 1000).toFixed(0)} s.`;
  if (o.json === '-') {
    log(`\n${table}`);
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  } else {
    process.stdout.write(`\n${table}\n`);
    if (o.json) {
      writeFileSync(o.json, `${JSON.stringify(results, null, 2)}\n`);
      log(`JSON written to ${o.json}`);
    }
  }
  if (o.markdown) {
    writeFileSync(o.markdown, `${formatMarkdownReport(results)}\n`);
    log(`Markdown written to ${o.markdown}`);
  }
}

async function main(): Promise<void> {
  let parsed: BenchOptions | 'help';
  try {
    parsed = parseOptions(process.argv.slice(2));
  } catch (err) {
    log(err instanceof Error ? err.message : String(err));
    process.exit(2);
  }
  if (parsed === 'help') {
    log(USAGE);
    return;
  }
  const o = parsed;
  if (o.reportFrom) {
    const { rows: _old, ...saved } = JSON.parse(readFileSync(o.reportFrom, 'utf8')) as BenchResults;
    writeResults({ ...saved, rows: buildRows(saved) }, o);
    return;
  }
  const began = Date.now();
  if (o.onlyApkg) {
    if (o.build) build();
    const result = await measureApkgOnce(o.runs);
    process.stdout.write(`${formatTable(apkgRows(result))}\n`);
    if (result.ratio > TARGETS.apkgPackRatio) process.exitCode = 1;
    return;
  }
  if (o.onlySync) {
    if (o.build) build();
    log("\n== sync.merge100kMs: a second device's 100k reviews merged by the sync engine");
    const sync = await measureSyncMergeRuns(o.runs, log);
    process.stdout.write(`${formatTable(syncRows(sync.ms, sync.floorMs))}\n`);
    if (o.json) {
      const json = `${JSON.stringify({ 'sync.merge100kMs': sync.ms, 'sync.merge100kFloorMs': sync.floorMs, sync: sync.runs }, null, 2)}\n`;
      if (o.json === '-') process.stdout.write(json);
      else writeFileSync(o.json, json);
    }
    if (sync.ms > TARGETS.syncMerge100kMs) process.exitCode = 1;
    return;
  }
  if (o.onlyFsrs) {
    log(
      '\n== fsrs: the optimizer on a simulated year (fitted on the earlier two thirds, scored on the rest)',
    );
    const fsrs = await measureFsrs(log);
    if (o.build) build();
    log("\n== fsrs in the app: Optimize of ~100k reviews from the page, with the page's long tasks");
    fsrs.app = await measureFsrsInApp(log);
    process.stdout.write(`${formatFsrs(fsrs)}\n`);
    if (o.json) {
      const json = `${JSON.stringify({ fsrs }, null, 2)}\n`;
      if (o.json === '-') process.stdout.write(json);
      else writeFileSync(o.json, json);
    }
    if (!fsrsMet(fsrs)) process.exitCode = 1;
    return;
  }
  const extras = !o.onlyBackup && !o.onlySizes;
  if (extras) log('\n== import.linearity: core readers, identical / near-identical / distinct, 1k to 64k');
  const linearity = extras ? measureImportLinearity(o.runs, log) : undefined;
  // The optimizer phase runs in every bench run, whatever --sizes says (issue 18); not with --only-backup.
  if (extras)
    log(
      '\n== fsrs: the optimizer on a simulated year (fitted on the earlier two thirds, scored on the rest)',
    );
  const fsrs = extras ? await measureFsrs(log) : undefined;
  if (o.onlyLinearity && linearity && fsrs) {
    process.stdout.write(`${formatLinearity(linearity)}\n${formatFsrs(fsrs)}\n`);
    if (o.json) {
      const json = `${JSON.stringify({ 'import.linearity': linearity, fsrs }, null, 2)}\n`;
      if (o.json === '-') process.stdout.write(json);
      else writeFileSync(o.json, json);
    }
    if (!linearity.flat) process.exitCode = 1;
    return;
  }
  if (o.build) build();
  const machine = readMachine();
  log(
    `${machine.cpuModel}, ${machine.cpus} CPUs, ${machine.memory}; Node ${machine.node}; ${machine.chromium}; ${machine.mode}`,
  );
  const jsSize = measureJsSize();
  log(
    `renderer JS: ${(jsSize.total / 1000).toFixed(1)} KB gzip, ${(jsSize.initial / 1000).toFixed(1)} KB of it at start-up`,
  );
  if (extras) log('\n== start-up with the course alone, and the floor (Chromium to about:blank)');
  const courseStart: StartResult = extras ? await measureCourseStart(o.runs, log) : { runs: [], floor: [] };
  const sizes: SizeResult[] = [];
  const rowCost: { value: RowCost | null } = { value: null };
  for (const n of o.sizes) sizes.push(await measureSize(n, o, rowCost));
  log("\n== sync.merge100kMs: a second device's 100k reviews merged by the sync engine");
  const sync = await measureSyncMergeRuns(Math.min(o.runs, o.bigRuns), log);
  if (fsrs) {
    log("\n== fsrs in the app: Optimize of ~100k reviews from the page, with the page's long tasks");
    fsrs.app = await measureFsrsInApp(log);
  }
  if (extras) log('\n== import.apkg20k: a 20k-note .apkg with 2k images vs the same notes as a Lectern pack');
  const apkg = extras ? await measureApkgOnce(o.runs) : undefined;

  let peer: PeerResult[] | null = null;
  let peerNote = '';
  const unavailable = o.peer ? peerUnavailableReason() : null;
  if (!o.peer) peerNote = 'Mnemosyne skipped (--no-peer).';
  else if (unavailable) {
    peerNote = unavailable;
    log(`\n== ${unavailable}`);
  } else {
    log(`\n== Mnemosyne (${PEER_SCRIPT}, ${o.runs} runs per size, ${Math.min(o.runs, o.bigRuns)} at 100k)`);
    // Like ours, the peer's 100k runs are long (a minute each here): they run `bigRuns` times.
    const small = o.sizes.filter((n) => n < BIG_SIZE);
    const big = o.sizes.filter((n) => n >= BIG_SIZE);
    peer = [
      ...(small.length ? await runPeer(small, o.runs, log) : []),
      ...(big.length ? await runPeer(big, Math.min(o.runs, o.bigRuns), log) : []),
    ];
    peerNote =
      'Mnemosyne 2.9 headless via ../shared/peer/mnemosyne_bench.py (TSV import; reopen = up to the first question).';
  }

  const partial: Omit<BenchResults, 'rows'> = {
    date: new Date().toISOString(),
    machine,
    options: {
      sizes: o.sizes,
      runs: o.runs,
      bigRuns: o.bigRuns,
      answers: o.answers,
      reviewsPerCard: o.reviewsPerCard,
    },
    jsSize,
    'size.startupJsGzipKB': jsSize.initial / 1000,
    rowCost: rowCost.value,
    courseStart,
    sizes,
    peer,
    peerNote,
    durationMs: Date.now() - began,
    'import.linearity': linearity,
    'import.apkg20k': apkg,
    'sync.merge100kMs': sync.ms,
    'sync.merge100kFloorMs': sync.floorMs,
    fsrs,
    ...backupFigures(sizes),
    ...issue16Figures(sizes, peer),
  };
  writeResults({ ...partial, rows: buildRows(partial) }, o);
}

main().catch((err: unknown) => {
  log(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
});
