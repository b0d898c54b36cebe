/**
 * The import screen: choose or drop a pack file, watch it being read, then see every problem at once
 * or a summary (for a pack already stored: what the update changes) and confirm. Nothing is stored
 * before the confirmation, and a file with any error stores nothing.
 */
import { useEffect } from 'react';
import { describeByteSize } from '../../core/formats';
import { cancelImport, confirmImport, prepareImporter, resetImport, startNext } from '../../ops/import';
import { useAppStore } from '../../store';
import { ScreenHeading } from '../../ui/ScreenHeading';
import { ImportSources } from './ImportSources';
import { DoneStep, FailedStep, ProgressStep } from './JobStatus';
import { ProblemsView } from './ProblemsView';
import { SummaryView } from './SummaryView';
import './import.css';

export function ImportScreen() {
  const job = useAppStore((s) => s.importJob);
  const waiting = useAppStore((s) => s.importWaiting);
  const finished = job.step === 'problems' || job.step === 'done' || job.step === 'failed';
  // Ready for the next file: an importer waits, loaded, while nothing is being imported.
  const idle = job.step !== 'reading' && job.step !== 'storing' && job.step !== 'summary';
  useEffect(() => {
    if (idle) prepareImporter();
  }, [idle]);
  return (
    <section aria-labelledby="import-title" className="screen import-screen">
      <div id="import-title">
        <ScreenHeading focusKey="import">Import a pack</ScreenHeading>
      </div>
      <ImportSources />
      <div className="import-job" data-step={job.step}>
        {job.step === 'reading' ? (
          <ProgressStep
            label={`Reading ${job.fileName} (${describeByteSize(job.size)})`}
            fraction={job.fraction}
            onCancel={cancelImport}
          />
        ) : job.step === 'problems' ? (
          <ProblemsView
            fileName={job.fileName}
            format={job.format}
            errors={job.errors}
            warnings={job.warnings}
          />
        ) : job.step === 'summary' ? (
          <SummaryView summary={job.summary} onConfirm={confirmImport} onCancel={cancelImport} />
        ) : job.step === 'storing' ? (
          <ProgressStep label={`Storing “${job.summary.title}”`} fraction={job.fraction} />
        ) : job.step === 'done' ? (
          <DoneStep summary={job.summary} counts={job.counts} />
        ) : job.step === 'failed' ? (
          <FailedStep fileName={job.fileName} message={job.message} />
        ) : null}
      </div>
      {waiting.length > 0 ? (
        <section className="card import-waiting" aria-labelledby="import-waiting-title">
          <h2 id="import-waiting-title">Waiting to be imported</h2>
          <ol>
            {waiting.map((name, i) => (
              <li key={`${i}-${name}`}>{name}</li>
            ))}
          </ol>
          {finished ? (
            <div className="pack-actions">
              <button type="button" onClick={() => void startNext()}>
                Next file: {waiting[0]}
              </button>
              <button type="button" className="secondary" onClick={resetImport}>
                Skip the waiting files
              </button>
            </div>
          ) : null}
        </section>
      ) : null}
    </section>
  );
}
