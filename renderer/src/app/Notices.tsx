/**
 * Messages for the user, announced politely (errors assertively), each dismissible. Successes and
 * information leave by themselves after {@link NOTICE_MS} (not while the pointer or focus is on
 * them); errors stay until dismissed. The stack never covers the control that has focus (it moves
 * to the top of the window, or tucks away while both places would cover it) and never shows over
 * a modal dialog (it waits, hidden, until the dialog closes). The store keeps at most three.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useAppStore } from '../store';
import type { Notice } from '../store/ui-slice';

/** How long a success or an information stays on screen. */
export const NOTICE_MS = 6000;

type Placement = 'bottom' | 'top' | 'tucked';

export function Notices() {
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismissNotice);
  const rootRef = useRef<HTMLElement>(null);
  const [held, setHeld] = useState(false);
  const modalOpen = useModalOpen();
  const placement = usePlacement(rootRef, notices.length);

  const transient = notices.filter((n) => n.kind !== 'error');
  // Each notice leaves NOTICE_MS after it came (or after the pointer or focus let go of the stack).
  const deadlines = useRef(new Map<number, number>());
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-armed when the notices on screen change
  useEffect(() => {
    const map = deadlines.current;
    if (held || modalOpen) {
      map.clear();
      return;
    }
    const now = Date.now();
    for (const id of [...map.keys()]) if (!transient.some((n) => n.id === id)) map.delete(id);
    const timers = transient.map((n) => {
      const at = map.get(n.id) ?? now + NOTICE_MS;
      map.set(n.id, at);
      return setTimeout(() => dismiss(n.id), Math.max(0, at - now));
    });
    return () => {
      for (const t of timers) clearTimeout(t);
    };
  }, [transient.map((n) => n.id).join(','), held, modalOpen, dismiss]);

  const render = (n: Notice, label: string) => (
    <div key={n.id} className={`notice notice--${n.kind}`}>
      <span>{n.text}</span>
      <button type="button" className="icon-button" aria-label={label} onClick={() => dismiss(n.id)}>
        ×
      </button>
    </div>
  );
  return (
    <section
      ref={rootRef}
      aria-label="Messages"
      className={`notices notices--${modalOpen ? 'tucked' : placement}`}
      data-testid="notices"
      onPointerEnter={() => setHeld(true)}
      onPointerLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setHeld(false);
      }}
    >
      <div role="status" aria-live="polite">
        {transient.map((n) => render(n, 'Dismiss message'))}
      </div>
      <div role="alert">
        {notices.filter((n) => n.kind === 'error').map((n) => render(n, 'Dismiss error'))}
      </div>
    </section>
  );
}

/** Whether a modal <dialog> is open (the notices wait behind it, hidden). */
function useModalOpen(): boolean {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const check = () => setOpen(document.querySelector('dialog[open]:modal') !== null);
    const observer = new MutationObserver(check);
    observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['open'] });
    check();
    return () => observer.disconnect();
  }, []);
  return open;
}

/** Where the stack goes so that it does not cover the focused control. */
function usePlacement(rootRef: React.RefObject<HTMLElement | null>, count: number): Placement {
  const [placement, setPlacement] = useState<Placement>('bottom');
  const place = () => {
    const root = rootRef.current;
    const focused = document.activeElement;
    if (!root) return;
    const covers = () => {
      if (!(focused instanceof HTMLElement) || focused === document.body || root.contains(focused))
        return false;
      const a = root.getBoundingClientRect();
      const b = focused.getBoundingClientRect();
      return a.width > 0 && a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    };
    const before = root.className;
    let chosen: Placement = 'tucked';
    for (const p of ['bottom', 'top'] as const) {
      root.className = `notices notices--${p}`;
      if (!covers()) {
        chosen = p;
        break;
      }
    }
    root.className = before;
    setPlacement(chosen);
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: placed again whenever the stack changes
  useLayoutEffect(place, [count]);
  useEffect(() => {
    const again = () => place();
    window.addEventListener('focusin', again);
    window.addEventListener('scroll', again, true);
    window.addEventListener('resize', again);
    return () => {
      window.removeEventListener('focusin', again);
      window.removeEventListener('scroll', again, true);
      window.removeEventListener('resize', again);
    };
  });
  return placement;
}
