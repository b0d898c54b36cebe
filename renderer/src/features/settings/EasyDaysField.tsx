/** Easy days: for each weekday, Normal, Reduced or Minimum reviews (Anki's easy days). */
import { useId } from 'react';
import { EASY_DAYS, type EasyDay, WEEKDAYS } from '../../core/scheduler';

const LABEL: Record<EasyDay, string> = { normal: 'Normal', reduced: 'Reduced', minimum: 'Minimum' };

export interface EasyDaysFieldProps {
  value: readonly EasyDay[];
  onSave: (days: EasyDay[]) => Promise<unknown>;
}

export function EasyDaysField({ value, onSave }: EasyDaysFieldProps) {
  const id = useId();
  return (
    <fieldset className="easy-days" aria-describedby={`${id}-hint`}>
      <legend className="field__label">Easy days</legend>
      <p id={`${id}-hint`} className="field__hint">
        Days with fewer reviews: Reduced gets about half a normal day's reviews, Minimum almost none. Reviews
        move within their usual few days of leeway, never past their interval's range.
      </p>
      <div className="easy-days__grid">
        {WEEKDAYS.map((day, i) => (
          <div className="field" key={day}>
            <label htmlFor={`${id}-${i}`} className="field__label">
              {day}
            </label>
            <select
              id={`${id}-${i}`}
              value={value[i] ?? 'normal'}
              onChange={(e) => {
                const next = [...value];
                next[i] = e.currentTarget.value as EasyDay;
                void onSave(next);
              }}
            >
              {EASY_DAYS.map((d) => (
                <option key={d} value={d}>
                  {LABEL[d]}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
