import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TestTimer } from '@/features/selftest/TestTimer';
import { buildSelfTest } from '../../../support/selftest';

const START = 1_700_000_000_000;
const MINUTE = 60_000;

// A fake clock, moved by hand: the test never waits on real time.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(START);
});
afterEach(() => vi.useRealTimers());

function tick(ms: number) {
  act(() => {
    vi.advanceTimersByTime(ms);
  });
}

describe('TestTimer', () => {
  it('an untimed test shows no clock', () => {
    render(<TestTimer state={buildSelfTest({ now: START })} onExpire={() => {}} />);
    expect(screen.queryByRole('timer')).toBeNull();
  });

  it('counts down in a timer named "Time left" that also says the time in words', () => {
    render(<TestTimer state={buildSelfTest({ now: START, timeLimitMs: 10 * MINUTE })} onExpire={() => {}} />);
    const timer = screen.getByRole('timer', { name: /time left/i });
    expect(timer.textContent).toBe('10:00');
    tick(61_000);
    expect(timer.textContent).toBe('8:59');
    const words = document.getElementById(timer.getAttribute('aria-describedby') ?? '');
    expect(words?.textContent).toBe('8 minutes 59 seconds left');
  });

  it('announces 5 minutes and 1 minute left once each, not every second', () => {
    render(
      <TestTimer
        state={buildSelfTest({ now: START, timeLimitMs: 5 * MINUTE + 2_000 })}
        onExpire={() => {}}
      />,
    );
    const live = document.querySelector('[aria-live="polite"]') as HTMLElement;
    expect(live.textContent).toBe('');
    tick(3_000);
    expect(live.textContent).toMatch(/5 minutes/);
    tick(60_000);
    expect(live.textContent).toMatch(/5 minutes/);
    tick(3 * MINUTE);
    expect(live.textContent).toMatch(/1 minute/);
  });

  it('calls onExpire exactly once when the time runs out', () => {
    const onExpire = vi.fn();
    render(<TestTimer state={buildSelfTest({ now: START, timeLimitMs: 5_000 })} onExpire={onExpire} />);
    tick(4_000);
    expect(onExpire).not.toHaveBeenCalled();
    tick(2_000);
    expect(onExpire).toHaveBeenCalledTimes(1);
    tick(10_000);
    expect(onExpire).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('timer').textContent).toBe('0:00');
  });
});
