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

/** The cloze text with one input per blank (a list to pick from for a choice blank), in reading order. */
export function ClozeWidget({ question, draft, onChange, disabled, idPrefix }: WidgetProps<'cloze'>) {
  const parsed = useMemo(() => parseCloze(question.text), [question.text]);
  const total = parsed.deletions.length;
  return (
    <p className="cloze-text">
      {parsed.segments.map((s, i) => {
        if (s.kind === 'text') return <span key={i}>{s.text}</span>;
        const d = s.deletion;
        const label = `Blank ${d.index + 1} of ${total}${d.hint ? ` (hint: ${d.hint})` : ''}`;
        const setAnswer = (value: string) => {
          const answers = draft.answers.slice();
          answers[d.index] = value;
          onChange({ type: 'cloze', answers });
        };
        if (d.options)
          return (
            <select
              key={i}
              id={`${idPrefix}-blank-${d.index}`}
              className="cloze-text__choice"
              aria-label={label}
              value={draft.answers[d.index] ?? ''}
              disabled={disabled}
              data-answer-input="true"
              onChange={(e) => setAnswer(e.target.value)}
            >
              <option value="">Choose…</option>
              {d.options.map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
            </select>
          );
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
            onChange={(e) => setAnswer(e.target.value)}
          />
        );
      })}
    </p>
  );
}
