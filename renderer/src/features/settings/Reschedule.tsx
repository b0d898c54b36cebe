/**
 * "Reschedule cards…" for one preset: works out the new schedule under the preset's current
 * parameters and retention (with progress), shows the 30-day forecast before and after, and writes
 * it only if the student agrees.
 */
import { useState } from 'react';
import { forecastRows, planAppReschedule, type ReschedulePlan } from '../../ops/scheduling/reschedule';
import { useAppStore } from '../../store';
import { ConfirmDialog } from '../../ui/ConfirmDialog';

export function Reschedule({ presetId, presetName }: { presetId: string; presetName: string }) {
  const notify = useAppStore((s) => s.notify);
  const [plan, setPlan] = useState<ReschedulePlan | null>(null);
  const [working, setWorking] = useState<string | null>(null);

  const ask = async () => {
    setWorking('Working out the new schedule…');
    try {
      setPlan(
        await planAppReschedule(presetId, Date.now(), (done, total) =>
          setWorking(`Working out the new schedule… ${done} of ${total} cards`),
        ),
      );
    } catch (err) {
      notify(
        'error',
        `Could not work out the new schedule: ${err instanceof Error ? err.message : String(err)}`,
      );
    } finally {
      setWorking(null);
    }
  };

  const confirm = async () => {
    if (!plan) return;
    setWorking('Rescheduling…');
    try {
      const n = await plan.apply();
      notify('success', `${presetName}: ${n} ${n === 1 ? 'card' : 'cards'} rescheduled.`);
      setPlan(null);
    } catch (err) {
      notify('error', `Nothing was rescheduled: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setWorking(null);
    }
  };

  const before = plan ? forecastRows(plan.before) : [];
  const after = plan ? forecastRows(plan.after) : [];
  return (
    <>
      <button type="button" className="secondary" disabled={working !== null} onClick={() => void ask()}>
        Reschedule cards…
      </button>
      {working && !plan ? <p role="status">{working}</p> : null}
      <ConfirmDialog
        open={plan !== null}
        title={`Reschedule the cards of “${presetName}”?`}
        confirmLabel={`Reschedule ${plan?.moved ?? 0} ${plan?.moved === 1 ? 'card' : 'cards'}`}
        busy={working !== null}
        onConfirm={() => void confirm()}
        onCancel={() => setPlan(null)}
      >
        <p>
          {plan?.moved ?? 0} review {plan?.moved === 1 ? 'card moves' : 'cards move'} to the interval this
          preset's parameters and desired retention give, counted from each card's last review. Reviews due in
          the next 30 days:
        </p>
        <table className="optimize__table">
          <caption>Forecast before and after</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Now</th>
              <th scope="col">After rescheduling</th>
            </tr>
          </thead>
          <tbody>
            {before.map((row, i) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                <td>{row.count}</td>
                <td>{after[i]?.count ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ConfirmDialog>
    </>
  );
}
