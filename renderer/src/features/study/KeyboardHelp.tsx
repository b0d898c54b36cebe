/** The key map (`questions/answer-keys.ts`), listed on screen in a disclosure ("Keyboard"). */
import { KEY_MAP, WIDGET_KEYS } from '../questions';

/** One row per key label, in the key map's order (Space / Enter does one thing per phase). */
function keyRows(): ReadonlyArray<readonly [string, string]> {
  const rows = new Map<string, string[]>();
  for (const b of KEY_MAP) rows.set(b.label, [...(rows.get(b.label) ?? []), b.what]);
  return [...[...rows].map(([k, whats]): [string, string] => [k, whats.join('; ')]), ...WIDGET_KEYS];
}

export function KeyboardHelp() {
  return (
    <details className="keyboard-help">
      <summary>Keyboard</summary>
      <p className="muted">
        Each key does one thing: no action uses a key that answers a question. Shortcuts do nothing while you
        type in a field, except Enter, which checks the answer.
      </p>
      <dl>
        {keyRows().map(([k, what]) => (
          <div key={k}>
            <dt>
              <span className="kbd">{k}</span>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
