/**
 * Settings inputs that save as soon as the value is valid. An invalid entry stays in the box with a
 * message beside it (linked by aria-describedby, aria-invalid set) and the stored value is kept.
 */
import { type ReactNode, useId, useState } from 'react';
import type { z } from 'zod';
import type { StepText } from '../../core/settings';
import { parseStepsText } from './steps-text';

interface FieldShellProps {
  id: string;
  label: string;
  hint?: ReactNode;
  error: string | null;
  children: ReactNode;
}

/** Label, input, hint and error message, laid out the same way for every field. */
export function FieldShell({ id, label, hint, error, children }: FieldShellProps) {
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      <p id={`${id}-error`} className="field__error" aria-live="polite">
        {error}
      </p>
    </div>
  );
}

/** The ids an input describes itself with. */
export function describedBy(id: string, hasHint: boolean, hasError: boolean): string | undefined {
  const ids = [hasHint ? `${id}-hint` : '', hasError ? `${id}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export interface NumberFieldProps {
  label: string;
  /** The stored value; null shows an empty box (a per-pack override that uses the global value). */
  value: number | null;
  min: number;
  max: number;
  step?: number;
  integer?: boolean;
  /** How the stored value is shown, e.g. two decimals for retention. */
  format?: (value: number) => string;
  /** The authoritative check (the settings schema of this field). */
  schema: z.ZodType<number>;
  /** When set, an empty box is valid and saves `null` (e.g. "use the global value"). */
  allowEmpty?: boolean;
  hint?: ReactNode;
  onSave: (value: number | null) => Promise<unknown>;
}

/** A number setting with range validation. */
export function NumberField(props: NumberFieldProps) {
  const { label, value, min, max, step, integer, format, schema, allowEmpty, hint, onSave } = props;
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shown = draft ?? (value === null ? '' : format ? format(value) : String(value));

  const validate = (text: string): { ok: true; value: number | null } | { ok: false; message: string } => {
    const range = `${integer ? 'a whole number' : 'a number'} from ${min} to ${max}`;
    if (text.trim() === '') {
      return allowEmpty ? { ok: true, value: null } : { ok: false, message: `Enter ${range}.` };
    }
    const n = Number(text.trim().replace(',', '.'));
    if (!Number.isFinite(n))
      return { ok: false, message: `“${text.trim()}” is not a number. Enter ${range}.` };
    if (integer && !Number.isInteger(n)) return { ok: false, message: `Enter ${range}.` };
    if (n < min || n > max || !schema.safeParse(n).success) {
      return { ok: false, message: `${n} is out of range. Enter ${range}.` };
    }
    return { ok: true, value: n };
  };

  const change = (text: string) => {
    setDraft(text);
    const result = validate(text);
    setError(result.ok ? null : result.message);
    if (result.ok && result.value !== value) void onSave(result.value);
  };

  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        type="number"
        inputMode={integer ? 'numeric' : 'decimal'}
        min={min}
        max={max}
        step={step ?? (integer ? 1 : 'any')}
        value={shown}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, Boolean(hint), Boolean(error))}
        onChange={(e) => change(e.currentTarget.value)}
        onBlur={() => {
          if (!error) setDraft(null);
        }}
      />
    </FieldShell>
  );
}

export interface StepsFieldProps {
  label: string;
  value: readonly StepText[];
  hint?: ReactNode;
  onSave: (steps: StepText[]) => Promise<unknown>;
}

/** Learning or relearning steps as space-separated text ("1m 10m"). */
export function StepsField({ label, value, hint, onSave }: StepsFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const change = (text: string) => {
    setDraft(text);
    const result = parseStepsText(text);
    setError(result.ok ? null : result.message);
    if (result.ok && result.steps.join(' ') !== value.join(' ')) void onSave(result.steps);
  };
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        type="text"
        spellCheck={false}
        autoComplete="off"
        value={draft ?? value.join(' ')}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, Boolean(hint), Boolean(error))}
        onChange={(e) => change(e.currentTarget.value)}
        onBlur={() => {
          if (!error) setDraft(null);
        }}
      />
    </FieldShell>
  );
}

export interface CheckboxFieldProps {
  label: string;
  checked: boolean;
  hint?: ReactNode;
  onSave: (checked: boolean) => Promise<unknown>;
}

/** A yes/no setting. */
export function CheckboxField({ label, checked, hint, onSave }: CheckboxFieldProps) {
  const id = useId();
  return (
    <div className="field field--check">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => void onSave(e.currentTarget.checked)}
      />
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
