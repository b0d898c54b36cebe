/** Listens for the study shortcuts on the whole window, leaving alone keys typed into fields. */
import { useEffect, useRef } from 'react';
import { classifyKeyTarget, isShortcutAllowed, type KeyTarget } from './study-keys';

/** Return true when the key was used (its default action is then prevented). */
export type StudyKeyHandler = (key: string, target: KeyTarget) => boolean;

export function useStudyKeys(handler: StudyKeyHandler): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.repeat || e.ctrlKey || e.metaKey || e.altKey) return;
      const target = classifyKeyTarget(e.target);
      if (!isShortcutAllowed(e.key, target)) return;
      if (ref.current(e.key, target)) e.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
