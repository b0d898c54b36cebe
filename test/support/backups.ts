import { createBackupWriter } from '../../renderer/src/core/backup';

/** A whole format 2 backup as the renderer writes it (a settings row, so each `n` differs). */
export function wholeBackup(n: number, key = `k${n}`): string {
  let text = '';
  const w = createBackupWriter(
    { createdAt: 1_773_576_000_000 + n, appVersion: '0.1.0' },
    (t) => {
      text += t;
    },
    { formatVersion: 2 },
  );
  w.addRows('settings', [{ key, value: n }]);
  w.finish();
  return text;
}
