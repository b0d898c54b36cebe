import { describe, expect, it } from 'vitest';
import { parseOptions } from '../../bench/options';
import { syncRows, TARGETS } from '../../bench/report';

describe('the sync.merge100kMs row (issue 20)', () => {
  it('judges the merge against 5 s and shows the bulkAdd floor beside it', () => {
    expect(TARGETS.syncMerge100kMs).toBe(5000);
    const [met] = syncRows(4200, 3000);
    expect(met).toMatchObject({ name: 'sync.merge100kMs', value: 4200, floor: 3000, met: true });
    const [missed] = syncRows(7000);
    expect(missed).toMatchObject({ met: false });
    expect(missed?.floor).toBeUndefined();
  });

  it('runs the phase alone with --only-sync', () => {
    expect(parseOptions(['--only-sync'])).toMatchObject({ onlySync: true });
    expect(parseOptions([])).toMatchObject({ onlySync: false });
  });
});
