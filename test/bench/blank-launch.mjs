#!/usr/bin/env node
// The start-up floor: what test/standin/run.mjs does before the app exists — start Node, load
// Playwright, launch the same Chromium with the same flags on a fresh profile — then show a blank
// page. Prints `@@blank {"readyAt": epochMs}` once about:blank is loaded and answering, then quits.
//   node test/bench/blank-launch.mjs <profileDir>
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

const profileDir = process.argv[2];
if (!profileDir) throw new Error('usage: blank-launch.mjs <profileDir>');
const executablePath = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'].find(
  (p) => p && existsSync(p),
);
const context = await chromium.launchPersistentContext(profileDir, {
  executablePath,
  headless: true,
  viewport: { width: 1200, height: 820 },
  args: [
    '--remote-debugging-port=0',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const page = context.pages()[0] ?? (await context.newPage());
await page.goto('about:blank');
await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
process.stdout.write(`@@blank ${JSON.stringify({ readyAt: performance.timeOrigin + performance.now() })}\n`);
await context.close();
