/** The study shortcuts, listed on screen in a disclosure ("Keyboard"). */

const KEYS: Array<[string, string]> = [
  ['Space / Enter', 'Show the answer, check it, or continue'],
  ['1–9, then A–Q', 'Pick the choice with that key'],
  ['T / F', 'Answer true or false'],
  ['1 2 3 4', 'Rate a flashcard: Again, Hard, Good, Easy'],
  ['G', 'I guessed (a right answer counts as Hard, a wrong one as Again)'],
  ['H', 'Show the hint (a right answer then counts as Hard)'],
  ['R', 'Read the passage in context'],
  ['U', 'Undo the last answer'],
  ['S', 'Suspend this question'],
  ['F', 'Flag this question (in true/false, F answers False)'],
  ['Alt+↑ / Alt+↓', 'Move an item in an ordering question'],
  ['Esc', 'End the session'],
  ['Tab', 'Move between controls'],
];

export function KeyboardHelp() {
  return (
    <details className="keyboard-help">
      <summary>Keyboard</summary>
      <p className="muted">
        Shortcuts do nothing while you type in a field, except Enter, which checks the answer.
      </p>
      <dl>
        {KEYS.map(([k, what]) => (
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
