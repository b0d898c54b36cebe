/** Messages for the user, announced politely (errors assertively), each dismissible. */
import { useAppStore } from '../store';

export function Notices() {
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismissNotice);
  return (
    <div className="notices">
      <div role="status" aria-live="polite">
        {notices
          .filter((n) => n.kind !== 'error')
          .map((n) => (
            <div key={n.id} className={`notice notice--${n.kind}`}>
              <span>{n.text}</span>
              <button
                type="button"
                className="icon-button"
                aria-label="Dismiss message"
                onClick={() => dismiss(n.id)}
              >
                ×
              </button>
            </div>
          ))}
      </div>
      <div role="alert">
        {notices
          .filter((n) => n.kind === 'error')
          .map((n) => (
            <div key={n.id} className="notice notice--error">
              <span>{n.text}</span>
              <button
                type="button"
                className="icon-button"
                aria-label="Dismiss error"
                onClick={() => dismiss(n.id)}
              >
                ×
              </button>
            </div>
          ))}
      </div>
    </div>
  );
}
