/** A file that cannot be imported: every error at once, then the warnings; nothing was stored. */

import type { PackFormat } from '../../core/formats';
import type { Diagnostic } from '../../core/pack/diagnostics';
import { formatCount } from '../../ui/count';
import { FORMAT_LABELS } from './import-labels';
import { ProblemList } from './ProblemList';
import { StepHeading } from './StepHeading';

export function ProblemsView({
  fileName,
  format,
  errors,
  warnings,
}: {
  fileName: string;
  format: PackFormat | null;
  errors: Diagnostic[];
  warnings: Diagnostic[];
}) {
  return (
    <section className="card import-step import-step--problems" aria-labelledby="import-problems-title">
      <StepHeading id="import-problems-title">
        {formatCount(errors.length, 'problem')} in {fileName} — nothing was imported
      </StepHeading>
      <p className="muted">
        {format ? `Read as ${FORMAT_LABELS[format]}. ` : ''}Fix every problem listed (the place is{' '}
        <code>file:line:column</code>) and import the file again. The command line lists the same:{' '}
        <code>npm run pack -- check {fileName}</code>.
      </p>
      <ProblemList fileName={fileName} problems={errors} labelledBy="import-problems-title" />
      {warnings.length > 0 ? (
        <>
          <h3 id="import-problem-warnings">{formatCount(warnings.length, 'warning')}</h3>
          <ProblemList fileName={fileName} problems={warnings} labelledBy="import-problem-warnings" />
        </>
      ) : null}
    </section>
  );
}
