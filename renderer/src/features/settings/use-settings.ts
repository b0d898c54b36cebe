/** Live app settings from Dexie, and saving a change straight away. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { describeError } from '../../core/describe-error';
import type { AppSettings } from '../../core/settings';
import { loadSettings, saveSettingsPatch } from '../../ops/settings';
import { useAppStore } from '../../store';

/** The stored settings (defaults field by field where missing or damaged); undefined while loading. */
export function useSettings(): AppSettings | undefined {
  return useLiveQuery(loadSettings, []);
}

/**
 * Returns a function that stores a partial change. Fields validate before they call it; should the
 * repository still refuse a value, the stored one is kept and the student is told why.
 */
export function useSaveSettings(): (patch: Partial<AppSettings>) => Promise<boolean> {
  const notify = useAppStore((s) => s.notify);
  return useCallback(
    async (patch) => {
      try {
        const { ignored } = await saveSettingsPatch(patch);
        if (ignored.length === 0) return true;
        notify(
          'error',
          `Not saved: ${ignored.map((d) => `${d.path?.join('.') ?? ''} ${d.message}`).join('; ')}`,
        );
        return false;
      } catch (err) {
        notify('error', `Could not save the settings: ${describeError(err)}`);
        return false;
      }
    },
    [notify],
  );
}

/**
 * The settings as the screen shows them: the stored ones with changes not yet stored laid over them, so
 * a radio button or checkbox shows its new state at once rather than after the database round trip. A
 * change leaves the overlay once the stored value matches it, or when saving it failed.
 */
export function useEditableSettings(): {
  settings: AppSettings | undefined;
  save: (patch: Partial<AppSettings>) => Promise<boolean>;
} {
  const stored = useSettings();
  const saveStored = useSaveSettings();
  const [overlay, setOverlay] = useState<Partial<AppSettings>>({});

  useEffect(() => {
    if (!stored) return;
    setOverlay((o) => {
      const keys = Object.keys(o) as (keyof AppSettings)[];
      const left = keys.filter((k) => JSON.stringify(o[k]) !== JSON.stringify(stored[k]));
      return left.length === keys.length ? o : Object.fromEntries(left.map((k) => [k, o[k]]));
    });
  }, [stored]);

  const save = useCallback(
    async (patch: Partial<AppSettings>) => {
      setOverlay((o) => ({ ...o, ...patch }));
      const ok = await saveStored(patch);
      if (!ok) {
        setOverlay((o) => {
          const next = { ...o };
          for (const k of Object.keys(patch) as (keyof AppSettings)[]) delete next[k];
          return next;
        });
      }
      return ok;
    },
    [saveStored],
  );

  const settings = useMemo(() => (stored ? { ...stored, ...overlay } : undefined), [stored, overlay]);
  return { settings, save };
}
