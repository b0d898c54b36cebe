/** Typed answers and cloze blanks: text inputs; Enter submits the surrounding form. */
import { useMemo } from 'react';
import { parseCloze } from '../../core/grading';
import type { WidgetProps } from './widget-props';

export function TypedWidget({ draft, onChange, disabled, idPrefix, promptId }: WidgetProps<'typed'>) {
  const id = `${idPrefix}-typed`;
  return (
    <div className="answer-group">
      <label htmlFor={id} className="text-answer">
        <span>Your answer</span>
        <input
          id={id}
          type="text"
          className="text-answer__input"
          autoComplete="off"
          spellCheck={false}
          aria-describedby={promptId}
          value={draft.text}
          readOnly={disabled}
          aria-readonly={disabled || undefined}
          data-answer-input="true"
          onChange={(e) => onChange({ type: 'typed', text: e.target.value })}
        />
      </label>
    </div>
  );
}

/** The cloze text with one input per blank, in reading order. */
export function ClozeWidget({ question, draft, onChange, disabled, idPrefix }: WidgetProps<'cloze'>) {
  const parsed = useMemo(() => parseCloze(question.text), [question.text]);
  const total = parsed.deletions.length;
  return (
    <p className="cloze-text">
      {parsed.segments.map((s, i) => {
        if (s.kind === 'text') return <span key={i}>{s.text}</span>;
        const d = s.deletion;
        const label = `Blank ${d.index + 1} of ${total}${d.hint ? ` (hint: ${d.hint})` : ''}`;
        return (
          <input
            key={i}
            id={`${idPrefix}-blank-${d.index}`}
            type="text"
            className="cloze-text__blank"
            autoComplete="off"
            spellCheck={false}
            aria-label={label}
            placeholder={d.hint ?? '…'}
            size={Math.max(6, Math.min(28, (d.answers[0] ?? '').length + 2))}
            value={draft.answers[d.index] ?? ''}
            readOnly={disabled}
            aria-readonly={disabled || undefined}
            data-answer-input="true"
            onChange={(e) => {
              const answers = draft.answers.slice();
              answers[d.index] = e.target.value;
              onChange({ type: 'cloze', answers });
            }}
          />
        );
      })}
    </p>
  );
}
