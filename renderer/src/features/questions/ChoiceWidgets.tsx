/** Multiple choice (radios for one answer, checkboxes for several) and true/false. */
import { MediaText } from '../../ui/media/MediaText';
import { labelChoiceKey } from './answer-keys';
import { isMultiAnswer, toggleChoice } from './draft';
import type { WidgetProps } from './widget-props';

export function MultipleChoiceWidget({
  question,
  arrangement,
  draft,
  onChange,
  disabled,
  idPrefix,
  promptId,
}: WidgetProps<'multiple-choice'>) {
  const multi = isMultiAnswer(question);
  const name = `${idPrefix}-choice`;
  return (
    <fieldset className="answer-group" aria-labelledby={promptId} disabled={disabled}>
      <p className="muted answer-group__how" id={`${idPrefix}-how`}>
        {multi ? 'Select all that apply.' : 'Choose one.'}
      </p>
      <ul className="choice-list">
        {arrangement.choiceOrder.map((choiceIndex, position) => {
          const choice = question.choices[choiceIndex];
          if (!choice) return null;
          const id = `${name}-${choiceIndex}`;
          const key = labelChoiceKey(position);
          return (
            <li key={choiceIndex}>
              <label htmlFor={id} className="choice">
                <input
                  id={id}
                  type={multi ? 'checkbox' : 'radio'}
                  name={name}
                  checked={draft.selected.includes(choiceIndex)}
                  onChange={() => onChange(toggleChoice(question, draft, choiceIndex))}
                  aria-describedby={`${idPrefix}-how`}
                />
                <span className="kbd" aria-hidden="true">
                  {key}
                </span>
                <span>
                  <MediaText text={choice.text} sounds="name" />
                </span>
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

export function TrueFalseWidget({
  draft,
  onChange,
  disabled,
  idPrefix,
  promptId,
}: WidgetProps<'true-false'>) {
  const name = `${idPrefix}-tf`;
  const options: Array<{ value: boolean; label: string; key: string }> = [
    { value: true, label: 'True', key: 'T' },
    { value: false, label: 'False', key: 'F' },
  ];
  return (
    <fieldset className="answer-group" aria-labelledby={promptId} disabled={disabled}>
      <ul className="choice-list choice-list--row">
        {options.map((o) => (
          <li key={o.label}>
            <label htmlFor={`${name}-${o.label}`} className="choice">
              <input
                id={`${name}-${o.label}`}
                type="radio"
                name={name}
                checked={draft.value === o.value}
                onChange={() => onChange({ type: 'true-false', value: o.value })}
              />
              <span className="kbd" aria-hidden="true">
                {o.key}
              </span>
              <span>{o.label}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
