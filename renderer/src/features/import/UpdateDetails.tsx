/** The update part of a summary: the rule, the counts, and the questions of each kind of change. */

import type { QuestionItem, UpdateSummary } from '../../ops/import';
import { formatCount } from '../../ui/count';
import { UPDATE_RULE } from './import-labels';

interface Row {
  key: 'added' | 'reworded' | 'answerChanged' | 'removed';
  label: string;
  effect: string;
  count: number;
}

export function UpdateDetails({ update }: { update: UpdateSummary }) {
  const { counts } = update;
  const rows: Row[] = [
    { key: 'added', label: 'Added', effect: 'start as new', count: counts.added },
    { key: 'reworded', label: 'Changed wording', effect: 'progress kept', count: counts.changed },
    { key: 'answerChanged', label: 'Changed answer', effect: 'start over', count: counts.answerChanged },
    {
      key: 'removed',
      label: 'Removed',
      effect: 'leave the study queue, history kept',
      count: counts.removed,
    },
  ];
  return (
    <>
      <p className="import-rule">{UPDATE_RULE}</p>
      <table className="import-table import-table--changes">
        <caption>What the update changes</caption>
        <thead>
          <tr>
            <th scope="col">Questions</th>
            <th scope="col">Count</th>
            <th scope="col">Progress</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td data-testid={`update-${r.key}`}>{r.count.toLocaleString('en')}</td>
              <td>{r.effect}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">Unchanged</th>
            <td data-testid="update-unchanged">{counts.unchanged.toLocaleString('en')}</td>
            <td>progress kept</td>
          </tr>
        </tbody>
      </table>
      {rows.map((r) =>
        r.count > 0 ? <ChangeList key={r.key} label={r.label} items={update[r.key]} total={r.count} /> : null,
      )}
    </>
  );
}

function ChangeList({ label, items, total }: { label: string; items: QuestionItem[]; total: number }) {
  return (
    <details className="import-changes">
      <summary>
        {label}: {formatCount(total, 'question')}
      </summary>
      <ul>
        {items.map((q) => (
          <li key={q.id}>
            <code>{q.id}</code> {q.text}
          </li>
        ))}
      </ul>
      {total > items.length ? (
        <p className="muted">…and {(total - items.length).toLocaleString('en')} more.</p>
      ) : null}
    </details>
  );
}
