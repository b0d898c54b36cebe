import { describe, expect, it } from 'vitest';
import {
  createDefaultSetup,
  findSetupProblems,
  toStartInput,
} from '../../../../renderer/src/features/selftest';

const packs = [{ id: 'p', chapters: [{ id: 'c1' }] }];

describe('self-test setup: Flagged only', () => {
  it('passes the choice on to the start input, and only when chosen', () => {
    const plain = createDefaultSetup(packs);
    expect(toStartInput(plain, ['p'], 1, 0).flaggedOnly).toBeUndefined();
    expect(toStartInput({ ...plain, flaggedOnly: true }, ['p'], 1, 0).flaggedOnly).toBe(true);
  });
  it('says no flagged question matches when none does, and waits while they are counted', () => {
    const flagged = { ...createDefaultSetup(packs), flaggedOnly: true };
    expect(findSetupProblems(flagged, 0)).toEqual([
      { field: 'pool', message: 'No flagged question matches these chapters and types.' },
    ]);
    expect(findSetupProblems(flagged, null)).toEqual([]);
  });
});
