import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { peerUnavailableReason } from '../../bench/peer';

describe('the bench peer step (Mnemosyne)', () => {
  it('says plainly that it is skipped when ../shared/peer is absent (a standalone clone)', () => {
    const root = mkdtempSync(join(tmpdir(), 'lectern-peer-'));
    const script = join(root, 'shared', 'peer', 'mnemosyne_bench.py');
    const reason = peerUnavailableReason(script, process.execPath);
    expect(reason).toMatch(/^Mnemosyne skipped: /);
    expect(reason).toContain(join(root, 'shared', 'peer'));
    expect(reason).toContain('is absent');
  });

  it('names the missing script when the folder exists without it', () => {
    const root = mkdtempSync(join(tmpdir(), 'lectern-peer-'));
    mkdirSync(join(root, 'peer'));
    const script = join(root, 'peer', 'mnemosyne_bench.py');
    expect(peerUnavailableReason(script, process.execPath)).toBe(`Mnemosyne skipped: ${script} is missing.`);
    writeFileSync(script, '');
    expect(peerUnavailableReason(script, join(root, 'no-python'))).toContain('no-python is missing');
  });
});
