/**
 * The theme's colours for canvas charts (a canvas cannot use CSS variables), re-read whenever the
 * theme changes: the app's `data-theme` on <html>, or the system's light/dark preference.
 */
import { useEffect, useState } from 'react';

export interface ChartColors {
  text: string;
  muted: string;
  border: string;
  accent: string;
  good: string;
  warn: string;
  surface: string;
}

/**
 * Resolves each variable through a probe element's computed `color`: the variables may hold
 * `light-dark(…)` or `color-mix(…)`, which a canvas cannot parse, while a computed colour is plain rgb().
 */
function readColors(): ChartColors {
  const probe = document.createElement('span');
  probe.hidden = true;
  document.body.append(probe);
  const v = (name: string, fallback: string) => {
    probe.style.color = fallback;
    probe.style.color = `var(${name}, ${fallback})`;
    return getComputedStyle(probe).color || fallback;
  };
  const colors = {
    text: v('--text', '#1d1f24'),
    muted: v('--muted', '#555a64'),
    border: v('--border', '#d5d2ca'),
    accent: v('--accent', '#1f5fbf'),
    good: v('--good', '#17703a'),
    warn: v('--warn', '#8a5a00'),
    surface: v('--surface', '#ffffff'),
  };
  probe.remove();
  return colors;
}

export function useThemeColors(): ChartColors {
  const [colors, setColors] = useState(readColors);
  useEffect(() => {
    const update = () =>
      setColors((prev) => {
        const next = readColors();
        return JSON.stringify(next) === JSON.stringify(prev) ? prev : next;
      });
    const observer = new MutationObserver(update);
    observer.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['data-theme', 'style'],
    });
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    media.addEventListener('change', update);
    return () => {
      observer.disconnect();
      media.removeEventListener('change', update);
    };
  }, []);
  return colors;
}
