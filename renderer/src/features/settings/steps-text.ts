/** Learning steps as the student types them: "1m 10m", "1m, 10m" or "1M 1h". */
import { type StepText, stepSchema, stepsSchema } from '../../core/settings';

/** Splits "1m 10m" or "1m, 10m" into steps, or says which entry is not a step. */
export function parseStepsText(
  text: string,
): { ok: true; steps: StepText[] } | { ok: false; message: string } {
  const parts = text.split(/[\s,;]+/).filter((p) => p !== '');
  const steps: StepText[] = [];
  for (const part of parts) {
    const result = stepSchema.safeParse(part.toLowerCase());
    if (!result.success) {
      return {
        ok: false,
        message: `“${part}” is not a step: write a whole number of minutes, hours or days, e.g. 10m, 1h or 2d.`,
      };
    }
    steps.push(result.data);
  }
  const all = stepsSchema.safeParse(steps);
  if (!all.success) return { ok: false, message: `Too many steps: ${all.error.issues[0]?.message ?? ''}.` };
  return { ok: true, steps };
}
