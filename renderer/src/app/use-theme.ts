/**
 * Applies the appearance settings to <html> (styles.css reacts to these): `data-theme` light|dark, or
 * removed to follow the system; `--font-scale`; `data-reduce-motion="true"` when motion is reduced.
 */
import { useEffect } from 'react';
import type { AppSettings } from '../core/settings';
import { useSettings } from '../features/settings/use-settings';

/** Writes the appearance settings onto an element (the document's root in the app). */
export function applyAppearance(
  root: HTMLElement,
  s: Pick<AppSettings, 'theme' | 'fontScale' | 'reduceMotion'>,
): void {
  if (s.theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = s.theme;
  root.style.setProperty('--font-scale', String(s.fontScale));
  if (s.reduceMotion) root.dataset.reduceMotion = 'true';
  else delete root.dataset.reduceMotion;
}

export function useTheme(): void {
  const settings = useSettings();
  const theme = settings?.theme;
  const fontScale = settings?.fontScale;
  const reduceMotion = settings?.reduceMotion;
  useEffect(() => {
    if (theme === undefined || fontScale === undefined || reduceMotion === undefined) return;
    applyAppearance(document.documentElement, { theme, fontScale, reduceMotion });
  }, [theme, fontScale, reduceMotion]);
}
