/**
 * Start-up: launch → Library interactive (first shown with its counts, painted), the floor launch →
 * a blank page in the same Chromium with the same flags, and the renderer's heap once started.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BenchApp, epochNow, makeUserData, removeUserData } from '../app-session';
import { median } from '../summary';

/** What one start-up measurement gives. */
export interface StartResult {
  runs: number[];
  /** The floor measured alongside (one blank-page launch before each app launch). */
  floor: number[];
  /** JS heap after a full GC (bytes): with the Library shown, then with Study showing its first card. */
  heap?: { library: number; study: number };
}

const blankScript = fileURLToPath(new URL('../blank-launch.mjs', import.meta.url));

function launchBlankOnce(): Promise<number> {
  const profile = makeUserData('blank');
  const t0 = epochNow();
  return new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, [blankScript, profile], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on('exit', (code) => {
      removeUserData(profile);
      const line = out.split('\n').find((l) => l.startsWith('@@blank '));
      if (code !== 0 || !line) reject(new Error(`blank launch failed (exit ${code})`));
      else resolve((JSON.parse(line.slice(8)) as { readyAt: number }).readyAt - t0);
    });
  });
}

/**
 * Launch → Library interactive on `userDataDir` (already holding the data to start with): a
 * warm-up launch, then `runs` launches, each just after a blank-page launch (the floor, measured
 * alongside so both see the same load on the machine). With `heap`, the last launch also reads the heap.
 */
export async function measureStart(
  userDataDir: string,
  runs: number,
  heap: boolean,
  log: (line: string) => void,
): Promise<StartResult> {
  await launchBlankOnce();
  const warm = await BenchApp.launch(userDataDir);
  await warm.close();
  const result: StartResult = { runs: [], floor: [] };
  for (let i = 0; i < runs; i++) {
    result.floor.push(await launchBlankOnce());
    const app = await BenchApp.launch(userDataDir);
    try {
      const ms = await app.startupMs();
      log(
        `  start run ${i + 1}: ${ms.toFixed(0)} ms (blank page ${(result.floor[i] as number).toFixed(0)} ms)`,
      );
      result.runs.push(ms);
      if (heap && i === runs - 1) {
        const library = await app.heapAfterGc();
        await app.openScreen('Study');
        await app.page
          .locator('article.study-card')
          .or(app.page.getByText('Nothing to study'))
          .first()
          .waitFor();
        const study = await app.heapAfterGc();
        result.heap = { library, study };
        log(
          `  heap after GC: Library ${(library / 2 ** 20).toFixed(1)} MiB, Study ${(study / 2 ** 20).toFixed(1)} MiB`,
        );
      }
    } finally {
      await app.close();
    }
  }
  log(
    `  start median ${median(result.runs).toFixed(0)} ms, blank page ${median(result.floor).toFixed(0)} ms`,
  );
  return result;
}

/** Start-up with only the bundled course stored (a first launch stores it; not timed). */
export async function measureCourseStart(runs: number, log: (line: string) => void): Promise<StartResult> {
  const dir = makeUserData('course');
  try {
    const first = await BenchApp.launch(dir);
    await first.close();
    return await measureStart(dir, runs, true, log);
  } finally {
    removeUserData(dir);
  }
}
