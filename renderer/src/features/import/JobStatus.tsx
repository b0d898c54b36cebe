/** The import steps that are not a decision: reading and storing (with progress), done, and failed. */

import type { ImportCounts, ImportSummary } from '../../ops/import';
import { useAppStore } from '../../store';
import { formatCount } from '../../ui/count';
import { StepHeading } from './StepHeading';

function percent(fraction: number | null): string {
  return fraction === null ? '' : ` ${Math.round(fraction * 100)}%`;
}

export function ProgressStep({
  label,
  fraction,
  onCancel,
}: {
  label: string;
  fraction: number | null;
  onCancel?: () => void;
}) {
  return (
    <section className="card import-step" aria-labelledby="import-progress-label" aria-busy="true">
      <div className="import-progress">
        <span id="import-progress-label">
          {label}
          <span aria-hidden="true">{percent(fraction)}</span>
        </span>
        {fraction === null ? (
          <progress className="progress" aria-labelledby="import-progress-label" />
        ) : (
          <progress className="progress" aria-labelledby="import-progress-label" max={1} value={fraction} />
        )}
      </div>
      {onCancel ? (
        <div className="pack-actions">
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      ) : null}
    </section>
  );
}

function describeCounts(counts: ImportCounts, summary: ImportSummary): string {
  if (counts.kind === 'new')
    return `${formatCount(summary.questionCount, 'question')} in ${formatCount(summary.chapters.length, 'chapter')}.`;
  return [
    `${counts.added} added`,
    `${counts.changed} reworded (progress kept)`,
    `${counts.answerChanged} with a new answer (starting over)`,
    `${counts.removed} removed (history kept)`,
    `${counts.unchanged} unchanged`,
  ]
    .join(', ')
    .concat('.');
}

export function DoneStep({ summary, counts }: { summary: ImportSummary; counts: ImportCounts }) {
  const navigate = useAppStore((s) => s.navigate);
  return (
    <section className="card import-step import-step--done" aria-labelledby="import-done-title">
      <StepHeading id="import-done-title">
        {counts.kind === 'new' ? `Imported “${summary.title}”` : `Updated “${summary.title}”`}
      </StepHeading>
      <p>{describeCounts(counts, summary)}</p>
      <p className="muted">
        New questions of a chapter enter your study queue once you open the chapter (Settings can change
        this).
      </p>
      <div className="pack-actions">
        <button type="button" onClick={() => navigate({ name: 'library' })}>
          Open the Library
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => navigate({ name: 'study', packId: summary.packId })}
        >
          Study “{summary.title}”
        </button>
      </div>
    </section>
  );
}

export function FailedStep({ fileName, message }: { fileName: string; message: string }) {
  return (
    <section className="card import-step import-step--problems" aria-labelledby="import-failed-title">
      <StepHeading id="import-failed-title">Could not import {fileName} — nothing was imported</StepHeading>
      <p>{message}</p>
    </section>
  );
}
