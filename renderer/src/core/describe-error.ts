/**
 * Any thrown value in words, for a message to the student or a log: an Error's message, anything else
 * as `String(value)`. The one place that says so, for main (`electron/`), the renderer and its workers;
 * it lives in core because core, db and main need it too and may import nothing above core.
 */
export function describeError(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
