/**
 * The peer: Mnemosyne 2.9 timed headless by ../shared/peer/mnemosyne_bench.py (system Python, Debian
 * package `mnemosyne`). Its MEDIAN lines are read; times there are seconds, `rep_*` milliseconds.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Mnemosyne's medians for one size, converted to milliseconds (memory in MB). */
export interface PeerResult {
  n: number;
  importMs: number;
  queueMs: number;
  reviewMs: number;
  statsMs: number;
  reopenMs: number;
  initMs: number;
  repP50: number;
  repP95: number;
  repMax: number;
  peakRssMb: number;
}

export const PEER_SCRIPT = fileURLToPath(new URL('../../../shared/peer/mnemosyne_bench.py', import.meta.url));
const PYTHON = '/usr/bin/python3';

/** The folder of the peer's script: it sits beside the clone (CI keeps `shared/` there), not in the project. */
export const PEER_DIR = dirname(PEER_SCRIPT);

/**
 * Why the peer cannot run here, or null when it can: the folder `../shared/peer` beside the clone is
 * absent (a standalone clone), its script is missing, or the system Python lacks mnemosyne.
 */
export function peerUnavailableReason(script = PEER_SCRIPT, python = PYTHON): string | null {
  const dir = dirname(script);
  if (!existsSync(dir))
    return `Mnemosyne skipped: ${dir} is absent (it exists only beside CI's clone); our figures stand alone.`;
  if (!existsSync(script)) return `Mnemosyne skipped: ${script} is missing.`;
  if (!existsSync(python)) return `Mnemosyne skipped: ${python} is missing.`;
  if (spawnSync(python, ['-c', 'import mnemosyne'], { stdio: 'ignore' }).status !== 0)
    return `Mnemosyne skipped: ${python} cannot import mnemosyne (Debian package \`mnemosyne\`).`;
  return null;
}

/** Parses one `MEDIAN N=… key=value …` line; null for any other line. */
export function parsePeerMedian(line: string): PeerResult | null {
  if (!line.startsWith('MEDIAN ')) return null;
  const v: Record<string, number> = {};
  for (const m of line.matchAll(/([a-z_0-9]+|N)=([0-9.]+)/g)) v[m[1] as string] = Number(m[2]);
  const s = (k: string) => (v[k] ?? Number.NaN) * 1000;
  const n = v.N;
  if (n === undefined) return null;
  return {
    n,
    importMs: s('import'),
    queueMs: s('queue'),
    reviewMs: s('review'),
    statsMs: s('stats'),
    reopenMs: s('reopen'),
    initMs: s('init'),
    repP50: v.rep_p50_ms ?? Number.NaN,
    repP95: v.rep_p95_ms ?? Number.NaN,
    repMax: v.rep_max_ms ?? Number.NaN,
    peakRssMb: v.peak_rss_mb ?? Number.NaN,
  };
}

/** Runs the peer on `sizes` with `runs` runs each; returns its medians by size. */
export function runPeer(sizes: number[], runs: number, log: (line: string) => void): Promise<PeerResult[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, [PEER_SCRIPT, ...sizes.map(String), '--runs', String(runs)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const results: PeerResult[] = [];
    let buffered = '';
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      let nl = buffered.indexOf('\n');
      while (nl >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        nl = buffered.indexOf('\n');
        const parsed = parsePeerMedian(line);
        if (parsed) {
          results.push(parsed);
          log(
            `  Mnemosyne ${parsed.n}: import ${parsed.importMs.toFixed(0)} ms, answer p95 ${parsed.repP95.toFixed(1)} ms`,
          );
        }
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
    child.on('exit', (code) =>
      code === 0
        ? resolve(results)
        : reject(new Error(`the peer bench failed (exit ${code}): ${errors.slice(-2000)}`)),
    );
  });
}
