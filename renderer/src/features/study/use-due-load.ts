/**
 * The due counts the answer will be balanced with, for the rating buttons' preview: the answer
 * reads the same cached counts (ops/scheduling/due-load), so the interval on a button is the one
 * the answer gives.
 */
import { useEffect, useState } from 'react';
import type { DueLoad } from '../../core/scheduler';
import type { AppSettings } from '../../core/settings';
import { appDueLoad, peekDueLoad } from '../../ops/scheduling/due-load';

/** The cached due load of the card's pack (read once per study day); undefined until it is read. */
export function useDueLoad(cardKey: string, settings: AppSettings | undefined, rev: number) {
  const packId = cardKey.slice(0, cardKey.indexOf(':'));
  const hour = settings?.dayStartHour ?? 0;
  const [load, setLoad] = useState<{ load: DueLoad; rev: number } | undefined>(undefined);
  useEffect(() => {
    if (!settings) return;
    const now = Date.now();
    const cached = peekDueLoad(packId, now, hour);
    if (cached) {
      setLoad({ load: cached, rev });
      return;
    }
    let live = true;
    void appDueLoad(packId, now, hour).then((l) => {
      if (live) setLoad({ load: l, rev });
    });
    return () => {
      live = false;
    };
  }, [packId, hour, settings, rev]);
  return load;
}
