/** A labelled progress bar for long backup work: indeterminate until the first part is done. */
import { useId } from 'react';

export function BackupProgress({ label, fraction }: { label: string; fraction: number | null }) {
  const id = useId();
  const percent = fraction === null ? null : Math.round(fraction * 100);
  return (
    <p className="backup-progress">
      <label htmlFor={id}>
        {label}
        {percent === null ? '' : ` ${percent}%`}
      </label>
      {percent === null ? (
        <progress id={id} className="progress" />
      ) : (
        <progress id={id} className="progress" max={100} value={percent} />
      )}
    </p>
  );
}
