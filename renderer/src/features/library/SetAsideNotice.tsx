/**
 * Stored rows that fail their schema are left out of every screen (`db/schema/middleware/row-guard.ts`); this notice
 * names them and offers repair: apply the pack's file again, or drop the row.
 */
import { useState, useSyncExternalStore } from 'react';
import { describeError } from '../../core/describe-error';
import { onSetAsideRows, type SetAsideRow, setAsideRows } from '../../ops/library';
import { describeSetAside, dropSetAsideRow, reapplyPackFile } from '../../ops/stored-rows';
import { useAppStore } from '../../store';

const SHOWN = 5;

export function SetAsideNotice() {
  const rows = useSyncExternalStore(onSetAsideRows, setAsideRows);
  const notify = useAppStore((s) => s.notify);
  const [busy, setBusy] = useState(false);
  if (rows.length === 0) return null;

  const run = async (what: string, work: () => Promise<string | null | undefined>) => {
    setBusy(true);
    try {
      const message = await work();
      notify(message ? 'error' : 'success', message ?? what);
    } catch (err) {
      notify('error', `The repair failed: ${describeError(err)}`);
    } finally {
      setBusy(false);
    }
  };

  const actions = (row: SetAsideRow) => {
    const isPack = row.table === 'packs';
    return (
      <span className="set-aside__actions">
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() =>
            void run(`Applied the file of “${row.packId}” again.`, () => reapplyPackFile(row.packId))
          }
        >
          Re-apply the pack file of “{row.packId}”
        </button>
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() =>
            void run(
              isPack ? `Removed the pack “${row.packId}”.` : `Dropped question “${row.questionId}”.`,
              async () => {
                await dropSetAsideRow(row);
                return null;
              },
            )
          }
        >
          {isPack ? `Remove the pack “${row.packId}”` : `Drop question “${row.questionId}”`}
        </button>
      </span>
    );
  };

  return (
    <section className="card database-notice" aria-labelledby="set-aside-title">
      <h2 id="set-aside-title">Some stored data could not be read</h2>
      <p>It is left out so that everything else works. Repair it, or drop it.</p>
      <ul className="set-aside__list">
        {rows.slice(0, SHOWN).map((row) => (
          <li key={`${row.table}:${row.packId}:${row.questionId ?? ''}`}>
            <span>{describeSetAside(row)}</span> {actions(row)}
          </li>
        ))}
      </ul>
      {rows.length > SHOWN ? <p>… and {rows.length - SHOWN} more.</p> : null}
    </section>
  );
}
