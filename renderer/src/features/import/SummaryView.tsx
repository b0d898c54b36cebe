/** A readable pack waiting for confirmation: what it holds, and (for an update) what changes. */

import type { ImportSummary } from '../../ops/import';
import { formatCount } from '../../ui/count';
import { FORMAT_LABELS, TYPE_LABELS } from './import-labels';
import { ProblemList } from './ProblemList';
import { StepHeading } from './StepHeading';
import { UpdateDetails } from './UpdateDetails';

export function SummaryView({
  summary,
  onConfirm,
  onCancel,
}: {
  summary: ImportSummary;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const update = summary.update;
  return (
    <section className="card import-step" aria-labelledby="import-summary-title">
      <StepHeading id="import-summary-title">
        {update ? `Update “${update.storedTitle}”` : `Import “${summary.title}”`}
      </StepHeading>
      {update?.formatChange ? (
        <p className="import-format-change">
          <strong>
            This pack was imported from {FORMAT_LABELS[update.formatChange.from]}; this file is{' '}
            {FORMAT_LABELS[update.formatChange.to]}.
          </strong>{' '}
          Apply the update only if this file is a new version of that pack.
        </p>
      ) : null}
      {update ? (
        <p>
          <strong>{summary.fileName}</strong> is a new version of a pack you already have (pack id{' '}
          <code>{summary.packId}</code>, version {update.storedVersion} → {summary.version}). Nothing changes
          until you apply the update.
        </p>
      ) : (
        <p>
          <strong>{summary.fileName}</strong> is ready to import. Nothing is stored until you choose Import
          this pack.
        </p>
      )}
      <dl className="facts">
        <dt>Title</dt>
        <dd>{summary.title}</dd>
        <dt>Format detected</dt>
        <dd>{FORMAT_LABELS[summary.format]}</dd>
        <dt>Questions</dt>
        <dd>{summary.questionCount.toLocaleString('en')}</dd>
        <dt>Chapters</dt>
        <dd>{summary.chapters.length}</dd>
        {summary.discussions > 0 ? (
          <>
            <dt>Discussion prompts</dt>
            <dd>{summary.discussions}</dd>
          </>
        ) : null}
      </dl>
      <div className="import-columns">
        <table className="import-table">
          <caption>Questions by type</caption>
          <thead>
            <tr>
              <th scope="col">Type</th>
              <th scope="col">Questions</th>
            </tr>
          </thead>
          <tbody>
            {summary.byType.map((t) => (
              <tr key={t.type}>
                <th scope="row">{TYPE_LABELS[t.type]}</th>
                <td>{t.count.toLocaleString('en')}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="import-table">
          <caption>Chapters</caption>
          <thead>
            <tr>
              <th scope="col">Chapter</th>
              <th scope="col">Questions</th>
            </tr>
          </thead>
          <tbody>
            {summary.chapters.slice(0, 200).map((c) => (
              <tr key={c.id}>
                <th scope="row">{c.title}</th>
                <td>{c.questions.toLocaleString('en')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {update ? <UpdateDetails update={update} /> : null}
      {summary.warnings.length > 0 ? (
        <>
          <h3 id="import-warnings">
            {formatCount(summary.warnings.length, 'warning')} (the pack can still be imported)
          </h3>
          <ProblemList fileName={summary.fileName} problems={summary.warnings} labelledBy="import-warnings" />
        </>
      ) : null}
      <div className="pack-actions">
        <button type="button" onClick={onConfirm}>
          {update ? 'Apply update' : 'Import this pack'}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
