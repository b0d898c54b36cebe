#!/usr/bin/env node
// `npm start`: opens the built app in Electron, or — where no Electron binary exists and none can be
// downloaded — in a Chromium window through the same stand-in the tests use.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary.mjs';

const appDir = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const electron = findElectronBinary();
if (!electron) {
  console.log(
    'No Electron binary is installed here (it cannot be downloaded on this machine), so Lectern opens in a Chromium window through its Electron stand-in.',
  );
}
const child = electron
  ? spawn(electron, [appDir, ...args], { stdio: 'inherit' })
  : spawn(
      process.execPath,
      [fileURLToPath(new URL('./run.mjs', import.meta.url)), '--headed', '--menu-bar', ...args],
      {
        stdio: ['inherit', 'pipe', 'inherit'],
      },
    );
child.stdout?.on('data', (d) => {
  for (const line of String(d).split('\n')) {
    if (!line.startsWith('@@standin ')) {
      if (line) console.log(line);
      continue;
    }
    const msg = JSON.parse(line.slice(10));
    if (msg.event === 'ready') console.log('Lectern is open. Close its window to quit.');
    else if (msg.event === 'open-external') console.log(`Link (open it in your browser): ${msg.url}`);
    else if (msg.event === 'saved') console.log(`Saved ${msg.filePath}`);
    else if (msg.event === 'open-path') console.log(`Opening ${msg.path}`);
    else if (msg.event === 'dialog' || msg.event === 'message-box')
      console.log(msg.note ?? msg.message ?? '');
  }
});
child.on('exit', (code) => process.exit(code ?? 0));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
