import { describe, expect, it } from 'vitest';
import { describeStorageError, isStorageFull } from '../../../renderer/src/db/schema/storage-errors';

describe('storage errors', () => {
  it('recognises a full disk however IndexedDB or Dexie reports it', () => {
    expect(isStorageFull(Object.assign(new Error('x'), { name: 'QuotaExceededError' }))).toBe(true);
    expect(isStorageFull({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toBe(true);
    expect(isStorageFull(new Error('Encountered full disk while opening backing store'))).toBe(true);
    expect(isStorageFull(new Error('ConstraintError'))).toBe(false);
  });

  it('says what was not saved and that nothing changed', () => {
    const full = describeStorageError(
      Object.assign(new Error('x'), { name: 'QuotaExceededError' }),
      'the pack',
    );
    expect(full).toMatch(/no room left to save the pack: the disk is full\. Nothing was changed/);
    expect(describeStorageError(new Error('boom'), 'your answer')).toBe(
      'Could not save your answer: boom. Nothing was changed.',
    );
  });
});
