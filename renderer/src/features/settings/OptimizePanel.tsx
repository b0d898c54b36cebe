/** A preset's FSRS parameters: defaults or fitted (when), and going back to the defaults. */
import type { AppSettings, Preset } from '../../core/settings';
import { presetPatch } from '../../core/settings';

export interface OptimizePanelProps {
  presetId: string;
  preset: Preset;
  settings: AppSettings;
  save: (patch: Partial<AppSettings>) => Promise<boolean>;
}

export function OptimizePanel({ presetId, preset, settings, save }: OptimizePanelProps) {
  const fitted = preset.parameters.length > 0;
  return (
    <div className="optimize">
      <h3>FSRS parameters</h3>
      <p data-testid="preset-parameters">
        {fitted
          ? `Fitted to your reviews${preset.optimizedAt ? ` on ${new Date(preset.optimizedAt).toLocaleDateString()}` : ''}: ${preset.parameters.map((w) => w.toFixed(4)).join(' ')}`
          : 'Default parameters (not fitted to your reviews yet).'}
      </p>
      {fitted ? (
        <button
          type="button"
          className="secondary"
          onClick={() =>
            void save(presetPatch(settings, presetId, { ...preset, parameters: [], optimizedAt: 0 }))
          }
        >
          Use the default parameters
        </button>
      ) : null}
    </div>
  );
}
