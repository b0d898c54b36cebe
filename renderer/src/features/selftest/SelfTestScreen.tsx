/**
 * The Self-test screen. Without a test id: the setup form (or, while a test is running, the offer to
 * resume it) and the pack's history. With a test id: the running test, or its report once finished.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { findRunningTest, finishTest, loadTestView, type StoredSelfTest } from '../../ops/selftest';
import { useAppStore } from '../../store';
import { ScreenHeading } from '../../ui/ScreenHeading';
import { HistorySection } from './HistorySection';
import { Report } from './Report';
import { RunningTest } from './RunningTest';
import { SetupForm } from './SetupForm';
import { formatElapsed } from './time-words';
import { useSetupData } from './use-setup-data';
import './selftest.css';
import { formatDateTime } from '../../ui/format';

export function SelfTestScreen({ packId, testId }: { packId?: string; testId?: number }) {
  return (
    <section aria-labelledby="selftest-title" className="screen selftest">
      <div id="selftest-title">
        <ScreenHeading focusKey={testId === undefined ? 'selftest' : `selftest-${testId}`}>
          Self-test
        </ScreenHeading>
      </div>
      {testId === undefined ? <SelfTestHome packId={packId} /> : <TestView id={testId} />}
    </section>
  );
}

function SelfTestHome({ packId }: { packId?: string }) {
  const data = useSetupData();
  const running = useLiveQuery(findRunningTest, []);
  const [historyPack, setHistoryPack] = useState<string | undefined>(packId);
  if (data === undefined || running === undefined) return <p role="status">Loading…</p>;
  if (data.packs.length === 0) return <p>No packs yet: import a pack from the Library first.</p>;
  const shownPack = data.packs.find((p) => p.id === historyPack) ?? data.packs[0];
  return (
    <>
      {running ? (
        <ResumePanel test={running} />
      ) : (
        <SetupForm key={packId ?? ''} data={data} packId={packId} />
      )}
      {shownPack ? (
        <div className="selftest-history-wrap">
          {data.packs.length > 1 ? (
            <label className="setup-field">
              <span>History of</span>
              <select value={shownPack.id} onChange={(e) => setHistoryPack(e.target.value)}>
                {data.packs.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.title}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <HistorySection packId={shownPack.id} packTitle={shownPack.title} />
        </div>
      ) : null}
    </>
  );
}

function ResumePanel({ test }: { test: StoredSelfTest }) {
  const navigate = useAppStore((s) => s.navigate);
  const notify = useAppStore((s) => s.notify);
  const { state } = test;
  const answered = state.answers.filter((a) => a !== null).length;
  // Time left as of the last save: the clock stops while the test is not on screen.
  const left = state.timeLimitMs === null ? null : Math.max(0, state.timeLimitMs - state.elapsedMs);
  const finishNow = () =>
    finishTest(test.id, Date.now())
      .then(() => navigate({ name: 'selftest', testId: test.id }))
      .catch((err: unknown) => notify('error', `Could not finish the test: ${String(err)}`));
  return (
    <section className="card resume-panel" aria-labelledby="resume-title">
      <h2 id="resume-title">You have a test in progress</h2>
      <p>
        Started {formatDateTime(state.createdAt)} · {state.mode === 'exam' ? 'Exam' : 'Practice'} · {answered}{' '}
        of {state.questions.length} answered ·{' '}
        {left === null
          ? 'no time limit'
          : `${formatElapsed(left)} left (the clock is stopped until you resume)`}
      </p>
      <div className="test-actions">
        <button type="button" onClick={() => navigate({ name: 'selftest', testId: test.id })}>
          Resume your test
        </button>
        <button type="button" className="secondary" onClick={() => void finishNow()}>
          Finish it now and see the report
        </button>
      </div>
    </section>
  );
}

function TestView({ id }: { id: number }) {
  const data = useLiveQuery(() => loadTestView(id), [id]);
  if (data === undefined) return <p role="status">Loading the test…</p>;
  if (data === null) return <p>This test is no longer stored.</p>;
  const { test, rows, packs } = data;
  if (test.state.status === 'running') return <RunningTest key={test.id} test={test} rows={rows} />;
  return <Report test={test} rows={rows} packs={packs} />;
}
