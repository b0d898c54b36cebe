/** Help ▸ About: the version and where the data lives. A native modal <dialog>: focus stays inside, Escape closes. */
import { useEffect, useRef, useState } from 'react';
import type { AppInfo } from '../platform/bridge';
import { invoke } from '../platform/bridge';

export function AboutDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [info, setInfo] = useState<AppInfo | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      void invoke('app:info').then((res) => res.ok && setInfo(res.value));
    } else if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="about-title" onClose={onClose}>
      <h2 id="about-title">About Lectern</h2>
      <p>
        Lectern {info?.version ?? ''} — a study and quiz app: spaced repetition, self-tests and instructor
        packs. It works offline.
      </p>
      {info ? (
        <dl className="facts">
          <dt>Version</dt>
          <dd>{info.version}</dd>
          <dt>Shell</dt>
          <dd>{info.electron ? `Electron ${info.electron}` : 'Electron stand-in (Chromium)'}</dd>
          <dt>Your data</dt>
          <dd>
            <code>{info.userDataDir}</code>
          </dd>
        </dl>
      ) : null}
      <form method="dialog">
        <button type="submit">Close</button>
      </form>
    </dialog>
  );
}
