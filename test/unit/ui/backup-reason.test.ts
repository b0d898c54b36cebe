import { describe, expect, it } from 'vitest';
import { autoBackupReason } from '../../../renderer/src/ui/format';

describe('why an automatic backup was written, from its name', () => {
  it('tells the backup before the first sync merge apart from the daily and quit ones', () => {
    expect(autoBackupReason('lectern-backup-2026-12-07T14-03-05-123Z-quit.json')).toBe('On quit');
    expect(autoBackupReason('lectern-backup-2026-12-07T14-03-05-123Z-daily.json')).toBe('Daily');
    expect(autoBackupReason('lectern-backup-2026-12-07T14-03-05-123Z-sync.json')).toBe('Before sync');
  });
});
