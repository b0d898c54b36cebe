/**
 * Where files come from on the import screen: a drop zone (dropping anywhere on the window works too),
 * a file input that the keyboard reaches, and the system's open dialog through main.
 */
import { useId } from 'react';
import { MAX_PACK_BYTES } from '../../core/formats';
import { importFiles, importFromDialog } from '../../ops/import';
import { useWindowDragging } from './window-drop';

const ACCEPT = '.json,.gift,.txt,.csv,.tsv,.aiken,.lectern,application/json,text/plain,text/csv';

export function ImportSources() {
  const inputId = useId();
  const dragging = useWindowDragging();
  return (
    <div className={dragging ? 'drop-zone drop-zone--active' : 'drop-zone'} data-testid="drop-zone">
      <p className="drop-zone__text">
        Drop a pack file here (or anywhere on the window), or choose one.
        <span className="muted">
          {' '}
          Lectern reads Lectern JSON, Moodle GIFT, Aiken and CSV/TSV (Anki, Quizlet) files in UTF-8, up to{' '}
          {MAX_PACK_BYTES / (1024 * 1024)} MiB.
        </span>
      </p>
      <div className="pack-actions">
        <label htmlFor={inputId} className="button file-button">
          Choose file…
        </label>
        <input
          id={inputId}
          className="file-input"
          type="file"
          multiple
          accept={ACCEPT}
          onChange={(e) => {
            const files = [...(e.currentTarget.files ?? [])];
            e.currentTarget.value = '';
            importFiles(files.map((file) => ({ kind: 'file', file })));
          }}
        />
        <button type="button" className="secondary" onClick={() => void importFromDialog()}>
          Import from a file dialog…
        </button>
      </div>
    </div>
  );
}
