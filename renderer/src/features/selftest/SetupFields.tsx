/** Parts of the setup form: a radio option with its hint, and a pack's chapter checkboxes. */
import { useId } from 'react';
import { formatCount } from '../../ui/count';
import { hasChapter, type SetupChoices, toggleChapter, togglePack } from './setup-model';
import { countInChapter, type SetupData, type SetupPackInfo } from './use-setup-data';

export function RadioOption(props: {
  name: string;
  checked: boolean;
  onSelect: () => void;
  label: string;
  hint: string;
}) {
  const hintId = useId();
  return (
    <div className="setup-radio">
      <label>
        <input
          type="radio"
          name={props.name}
          checked={props.checked}
          onChange={props.onSelect}
          aria-describedby={hintId}
        />
        {props.label}
      </label>
      <p id={hintId} className="muted setup-hint">
        {props.hint}
      </p>
    </div>
  );
}

/** One choice of a radio group. */
export interface RadioChoice<T extends string> {
  value: T;
  label: string;
  hint: string;
}

/** Radio buttons choosing one of `options`, each with its hint. */
export function RadioOptions<T extends string>({
  name,
  value,
  options,
  onSelect,
}: {
  name: string;
  value: T;
  options: readonly RadioChoice<T>[];
  onSelect: (value: T) => void;
}) {
  return options.map((o) => (
    <RadioOption
      key={o.value}
      name={name}
      checked={value === o.value}
      onSelect={() => onSelect(o.value)}
      label={o.label}
      hint={o.hint}
    />
  ));
}

export function PackChapters({
  pack,
  data,
  choices,
  onChange,
}: {
  pack: SetupPackInfo;
  data: SetupData;
  choices: SetupChoices;
  onChange: (p: Partial<SetupChoices>) => void;
}) {
  const chosen = pack.chapters.filter((c) =>
    hasChapter(choices, { packId: pack.id, chapterId: c.id }),
  ).length;
  const all = chosen === pack.chapters.length && chosen > 0;
  const legendId = useId();
  return (
    <fieldset className="setup-pack" aria-labelledby={legendId}>
      <legend id={legendId}>{pack.title}</legend>
      <label className="setup-pack__all">
        <input
          type="checkbox"
          checked={all}
          ref={(el) => {
            if (el) el.indeterminate = chosen > 0 && !all;
          }}
          onChange={(e) => onChange({ chapters: togglePack(choices.chapters, pack, e.target.checked) })}
        />
        All chapters of this pack
      </label>
      <ul className="setup-options setup-options--chapters">
        {pack.chapters.map((c) => {
          const ref = { packId: pack.id, chapterId: c.id };
          return (
            <li key={c.id}>
              <label>
                <input
                  type="checkbox"
                  checked={hasChapter(choices, ref)}
                  onChange={(e) =>
                    onChange({ chapters: toggleChapter(choices.chapters, ref, e.target.checked) })
                  }
                />
                {c.title}{' '}
                <span className="muted">({formatCount(countInChapter(data.counts, ref), 'question')})</span>
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
