/** Settings ▸ Scheduling: load balancing, easy days (and the presets and optimizer, see PresetEditor). */

import { EasyDaysField } from './EasyDaysField';
import { CheckboxField } from './fields';
import type { SettingsSectionProps } from './StudySettings';

export function SchedulingSettings({ settings, save }: SettingsSectionProps) {
  return (
    <section className="card settings-section" aria-labelledby="settings-scheduling">
      <h2 id="settings-scheduling">Scheduling</h2>
      <CheckboxField
        label="Load balancing"
        checked={settings.loadBalancing}
        hint="Spread reviews evenly: among the days a review may fall on, prefer those with fewer reviews due (intervals up to 90 days)."
        onSave={(v) => save({ loadBalancing: v })}
      />
      <EasyDaysField value={settings.easyDays} onSave={(days) => save({ easyDays: days })} />
    </section>
  );
}
