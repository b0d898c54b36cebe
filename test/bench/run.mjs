#!/usr/bin/env node
// `npm run bench [-- options]`: runs test/bench/main.ts with tsx (see `npm run bench -- --help`).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const tsx = require.resolve('tsx/cli');
const main = fileURLToPath(new URL('./main.ts', import.meta.url));
const res = spawnSync(process.execPath, [tsx, main, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(res.status ?? 1);
