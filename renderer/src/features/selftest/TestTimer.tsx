/**
 * The countdown of a timed test. The visible clock is a `role="timer"` (not announced every second);
 * a separate polite live region speaks only when 5 minutes and 1 minute are left. When the time runs
 * out it calls `onExpire` once.
 */
import { useEffect, useRef, useState } from 'react';
import { remainingMs, type SelfTestState } from '../../core/selftest';
import { describeRemaining, findTimeAnnouncement, formatCountdown } from './time-words';

const TICK_MS = 1000;

export function TestTimer({ state, onExpire }: { state: SelfTestState; onExpire: () => void }) {
  const [now, setNow] = useState(() => Date.now());
  const [announcement, setAnnouncement] = useState('');
  const last = useRef<number | null>(null);
  const expired = useRef(false);
  const expire = useRef(onExpire);
  expire.current = onExpire;

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, []);

  const left = remainingMs(state, Math.max(now, state.resumedAt ?? now));

  useEffect(() => {
    if (left === null) return;
    const before = last.current;
    last.current = left;
    if (before !== null) {
      const said = findTimeAnnouncement(before, left);
      if (said) setAnnouncement(said);
    }
    if (left <= 0 && !expired.current) {
      expired.current = true;
      expire.current();
    }
  }, [left]);

  if (left === null) return null;
  const low = left <= 60_000;
  return (
    <div className="test-timer">
      <span className="test-timer__label" id="test-timer-label">
        Time left
      </span>
      <span
        role="timer"
        aria-labelledby="test-timer-label"
        aria-describedby="test-timer-words"
        className={low ? 'test-timer__clock test-timer__clock--low' : 'test-timer__clock'}
        data-remaining-ms={left}
      >
        {formatCountdown(left)}
      </span>
      <span id="test-timer-words" className="visually-hidden">
        {describeRemaining(left)}
      </span>
      <span className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </span>
    </div>
  );
}
