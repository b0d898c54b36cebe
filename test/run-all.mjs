#!/usr/bin/env node
// `npm test`: typecheck, lint, unit tests, build, e2e tests — every step runs, and the last line is
// `N passed, N failed` (unit + e2e tests; a failed typecheck, lint or build counts as one failure).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = 'test-results';
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
let passed = 0;
let failed = 0;
const failures = [];

function step(name, args, env = {}) {
  const started = Date.now();
  console.log(`\n=== ${name}: ${args.join(' ')}`);
  const res = spawnSync(npx, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = res.status === 0;
  console.log(
    `=== ${name}: ${ok ? 'ok' : `FAILED (exit ${res.status})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return ok;
}

function check(name, args) {
  if (!step(name, args)) {
    failed++;
    failures.push(name);
  }
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

check('typecheck', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
check('lint', ['biome', 'check', '.']);

const unitOk = step('unit', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${results}/unit.json`,
]);
const unit = readJson(`${results}/unit.json`);
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  if (unit.numFailedTests > 0) failures.push(`${unit.numFailedTests} unit test(s)`);
}
if (!unitOk && (!unit || unit.numFailedTests === 0)) {
  failed++;
  failures.push('unit run');
}

const built = step('build', ['electron-vite', 'build']);
if (!built) {
  failed++;
  failures.push('build');
} else {
  const e2eOk = step('e2e', ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: `${results}/e2e.json` });
  const e2e = existsSync(`${results}/e2e.json`) ? readJson(`${results}/e2e.json`) : null;
  if (e2e?.stats) {
    passed += e2e.stats.expected + (e2e.stats.flaky ?? 0);
    if (e2e.stats.flaky)
      console.log(`${e2e.stats.flaky} e2e test(s) passed only on their retry (flaky): see the list above`);
    failed += e2e.stats.unexpected;
    if (e2e.stats.unexpected > 0) failures.push(`${e2e.stats.unexpected} e2e test(s)`);
  }
  if (!e2eOk && (!e2e?.stats || e2e.stats.unexpected === 0)) {
    failed++;
    failures.push('e2e run');
  }
}

if (failures.length) console.log(`\nFailed: ${failures.join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
