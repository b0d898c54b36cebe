/**
 * A preset's FSRS parameters: defaults or fitted (when), "Optimize" (fits them to the reviews of the
 * preset's packs, with progress and Cancel), the evaluation of default vs fitted parameters as
 * Anki's "Evaluate" shows it, and going back to the defaults.
 */
import { useRef, useState } from 'react';
import type { AppSettings, Preset } from '../../core/settings';
import { presetPatch } from '../../core/settings';
import { type OptimizeProgress, type OptimizeReport, optimizeAppPreset } from '../../ops/scheduling/optimize';
import { Reschedule } from './Reschedule';

export interface OptimizePanelProps {
  /** Shown after a change the existing cards' schedule does not know yet (new parameters or retention). */
  askReschedule?: string | null;
  onApplied?: () => void;
  presetId: string;
  preset: Preset;
  settings: AppSettings;
  save: (patch: Partial<AppSettings>) => Promise<boolean>;
}

const PHASE = ['Reading your reviews…', 'Fitting on your earlier reviews…', 'Fitting on all your reviews…'];

function percent(p: OptimizeProgress): number {
  // Reading 0–5 %, the fit on the earlier part 5–50 %, the fit on all 50–100 %.
  const share = p.total > 0 ? Math.min(1, p.done / p.total) : 0;
  return p.phase === 0 ? 5 * share : p.phase === 1 ? 5 + 45 * share : 50 + 50 * share;
}

function outcomeText(r: OptimizeReport): string {
  if (r.scope === 'none')
    return `Too few reviews to fit: ${r.items} of the 8 needed (reviews on a later day than the one before). The default parameters stay.`;
  const limited =
    r.scope === 'initial-stability'
      ? ` With fewer than 64 (${r.items}), only the four initial stabilities were fitted; the rest are the defaults.`
      : '';
  if (r.applied)
    return `Fitted to ${r.items} reviews and applied: they predicted your later reviews better than the defaults.${limited}`;
  return `Fitted to ${r.items} reviews, but they did not predict your later reviews better than the defaults: the parameters were not changed.${limited}`;
}

export function OptimizePanel(props: OptimizePanelProps) {
  const { presetId, preset, settings, save, askReschedule, onApplied } = props;
  const [progress, setProgress] = useState<OptimizeProgress | null>(null);
  const [report, setReport] = useState<OptimizeReport | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const fitted = preset.parameters.length > 0;

  const run = async () => {
    const controller = new AbortController();
    abort.current = controller;
    setReport(null);
    setMessage(null);
    setProgress({ phase: 0, done: 0, total: 1 });
    try {
      const r = await optimizeAppPreset(presetId, {
        now: Date.now(),
        onProgress: setProgress,
        signal: controller.signal,
      });
      setReport(r);
      setMessage(outcomeText(r));
      if (r.applied) onApplied?.();
    } catch (err) {
      setMessage(
        (err as { cancelled?: boolean }).cancelled
          ? 'Optimization cancelled: the parameters were not changed.'
          : `The optimization failed: ${err instanceof Error ? err.message : String(err)}. The parameters were not changed.`,
      );
    } finally {
      abort.current = null;
      setProgress(null);
    }
  };

  return (
    <div className="optimize">
      <h3>FSRS parameters</h3>
      <p data-testid="preset-parameters">
        {fitted
          ? `Fitted to your reviews${preset.optimizedAt ? ` on ${new Date(preset.optimizedAt).toLocaleDateString()}` : ''}: ${preset.parameters.map((w) => w.toFixed(4)).join(' ')}`
          : 'Default parameters (not fitted to your reviews yet).'}
      </p>
      <p className="field__hint">
        Optimize fits the parameters to the reviews of this preset's packs: it needs at least 8 reviews made
        on a later day than the one before, and fits all 21 parameters from 64.
      </p>
      <div className="preset-bar">
        {progress ? (
          <button type="button" className="secondary" onClick={() => abort.current?.abort()}>
            Cancel optimization
          </button>
        ) : (
          <button type="button" onClick={() => void run()}>
            Optimize
          </button>
        )}
        {fitted && !progress ? (
          <button
            type="button"
            className="secondary"
            onClick={() => {
              void save(presetPatch(settings, presetId, { ...preset, parameters: [], optimizedAt: 0 }));
              onApplied?.();
            }}
          >
            Use the default parameters
          </button>
        ) : null}
        {progress ? null : <Reschedule presetId={presetId} presetName={preset.name} />}
      </div>
      {askReschedule && !progress ? (
        <p className="optimize__ask">
          {askReschedule} Your cards are still scheduled as before: “Reschedule cards…” shows the next 30 days
          before and after, and asks.
        </p>
      ) : null}
      {progress ? (
        <div className="optimize__progress">
          <label>
            {PHASE[progress.phase]}
            <progress max={100} value={Math.round(percent(progress))} aria-label="Optimization progress" />
          </label>
        </div>
      ) : null}
      <p role="status" className="optimize__message">
        {message ?? ''}
      </p>
      {report?.evaluation ? (
        <table className="optimize__table">
          <caption>
            Evaluation on your later {report.testItems} reviews (fitted on the earlier {report.trainItems})
          </caption>
          <thead>
            <tr>
              <th scope="col">Parameters</th>
              <th scope="col">Log loss</th>
              <th scope="col">RMSE (bins)</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Default</th>
              <td>{report.evaluation.default.logLoss.toFixed(4)}</td>
              <td>{(report.evaluation.default.rmseBins * 100).toFixed(2)} %</td>
            </tr>
            <tr>
              <th scope="row">Fitted</th>
              <td>{report.evaluation.fitted.logLoss.toFixed(4)}</td>
              <td>{(report.evaluation.fitted.rmseBins * 100).toFixed(2)} %</td>
            </tr>
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
