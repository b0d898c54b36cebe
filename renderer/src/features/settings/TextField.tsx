/** A short text setting checked by a zod schema (e.g. a preset's name); saved as you type when valid. */
import { type ReactNode, useId, useState } from 'react';
import type { z } from 'zod';
import { describedBy, FieldShell } from './fields';

export interface TextFieldProps {
  label: string;
  value: string;
  schema: z.ZodType<string>;
  hint?: ReactNode;
  onSave: (value: string) => Promise<unknown>;
}

export function TextField({ label, value, schema, hint, onSave }: TextFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const change = (text: string) => {
    setDraft(text);
    const result = schema.safeParse(text);
    setError(result.success ? null : `${label}: ${result.error.issues[0]?.message ?? 'invalid'}.`);
    if (result.success && result.data !== value) void onSave(result.data);
  };
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        type="text"
        autoComplete="off"
        value={draft ?? value}
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
