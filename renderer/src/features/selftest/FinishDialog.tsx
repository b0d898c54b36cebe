/** Asks before finishing with questions unanswered. A native modal <dialog>: focus stays inside, Escape cancels. */
import { useEffect, useRef } from 'react';

export function FinishDialog({
  open,
  unanswered,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  unanswered: number;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const keepGoing = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // The safe choice takes the focus: Enter by mistake keeps the test going.
      keepGoing.current?.focus();
    } else if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="finish-title"
      aria-describedby="finish-text"
      onClose={onCancel}
    >
      <h2 id="finish-title">Finish the test?</h2>
      <p id="finish-text">
        {unanswered === 1 ? '1 question is' : `${unanswered} questions are`} not answered yet; unanswered
        questions count as wrong.
      </p>
      <div className="test-actions">
        <button type="button" onClick={onConfirm}>
          Finish now
        </button>
        <button type="button" className="secondary" onClick={onCancel} ref={keepGoing}>
          Keep going
        </button>
      </div>
    </dialog>
  );
}
