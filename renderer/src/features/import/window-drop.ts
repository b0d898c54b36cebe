/**
 * Dropping files anywhere on the window imports them. Only drags that carry files are taken: other
 * drags (text inside the page) behave as usual.
 */
import { useEffect, useSyncExternalStore } from 'react';
import { importFiles } from '../../ops/import/on-demand';
import { useAppStore } from '../../store';

let dragging = false;
const listeners = new Set<() => void>();

function setDragging(next: boolean): void {
  if (next === dragging) return;
  dragging = next;
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** True while files are dragged over the window. */
export function useWindowDragging(): boolean {
  return useSyncExternalStore(subscribe, () => dragging);
}

function carriesFiles(e: DragEvent): boolean {
  return e.dataTransfer?.types.includes('Files') ?? false;
}

/** Installs the window's drag-and-drop import (once, in the app shell). */
export function useWindowDrop(): void {
  const navigate = useAppStore((s) => s.navigate);
  useEffect(() => {
    let leaveTimer: ReturnType<typeof setTimeout> | undefined;
    const over = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      clearTimeout(leaveTimer);
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      // dragleave fires when moving between children too: only a leave not followed by another
      // dragover within a moment means the files left the window.
      clearTimeout(leaveTimer);
      leaveTimer = setTimeout(() => setDragging(false), 80);
    };
    const drop = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      clearTimeout(leaveTimer);
      setDragging(false);
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length === 0) return;
      navigate({ name: 'import' });
      void importFiles(files.map((file) => ({ kind: 'file', file })));
    };
    window.addEventListener('dragenter', over);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      clearTimeout(leaveTimer);
      window.removeEventListener('dragenter', over);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [navigate]);
}
