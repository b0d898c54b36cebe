/**
 * The import's parts of the app shell: dropping files anywhere on the window (with a visible drop
 * target while dragging), and files the OS asked Lectern to open — taken once the library is ready
 * at start-up and whenever main says more arrived.
 */
import { useEffect } from 'react';
import { importPendingFiles } from '../../ops/import/on-demand';
import { onMainEvent } from '../../platform/bridge';
import { useWindowDragging, useWindowDrop } from './window-drop';
import './import.css';

export function ImportShell({ ready }: { ready: boolean }) {
  useWindowDrop();
  const dragging = useWindowDragging();
  useEffect(() => {
    if (!ready) return;
    void importPendingFiles();
    return onMainEvent('files:pending', () => void importPendingFiles());
  }, [ready]);
  return dragging ? (
    <div className="drop-overlay" aria-hidden="true">
      <p>Drop to import</p>
    </div>
  ) : null;
}
