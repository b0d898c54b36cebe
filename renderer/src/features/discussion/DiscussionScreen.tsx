/**
 * The discussion sheet: the pack's discussion prompts for the chosen chapters with their talking
 * points, plus the facts missed in a self-test when it comes from one; saved as Markdown or PDF.
 */
import { useState } from 'react';
import { saveSheetMarkdown, saveSheetPdf } from '../../ops/discussion';
import { useAppStore } from '../../store';
import { ScreenHeading } from '../../ui/ScreenHeading';
import { SheetView } from './SheetView';
import { useDiscussionSheet } from './use-discussion-sheet';
import './discussion.css';
import { describeError } from '../../core/describe-error';
import { formatDateTime } from '../../ui/format';

export function DiscussionScreen({
  packId,
  chapterIds,
  testId,
}: {
  packId: string;
  chapterIds?: string[];
  testId?: number;
}) {
  const [chosen, setChosen] = useState<string[] | null>(
    chapterIds && chapterIds.length > 0 ? chapterIds : null,
  );
  const data = useDiscussionSheet(packId, chosen ?? [], testId);
  const navigate = useAppStore((s) => s.navigate);
  const notify = useAppStore((s) => s.notify);
  const [busy, setBusy] = useState<'md' | 'pdf' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const save = async (kind: 'md' | 'pdf') => {
    if (!data || busy) return;
    setBusy(kind);
    setSaved(null);
    try {
      const path =
        kind === 'md'
          ? await saveSheetMarkdown(data.sheet, Date.now(), data.language)
          : await saveSheetPdf(data.sheet, Date.now(), data.language);
      if (path) {
        const text = `Saved the discussion sheet as ${kind === 'md' ? 'Markdown' : 'PDF'}: ${path}`;
        setSaved(text);
        notify('success', text);
      } else setSaved('Not saved: the save dialog was cancelled.');
    } catch (err) {
      notify('error', `Could not save the sheet: ${describeError(err)}`);
    } finally {
      setBusy(null);
    }
  };

  const all = data ? data.chapters.map((c) => c.id) : [];
  const selected = chosen ?? all;
  const toggle = (id: string, on: boolean) => {
    const set = new Set(selected);
    if (on) set.add(id);
    else set.delete(id);
    // Course order; an empty choice would mean "all chapters" to the sheet builder, so keep it empty.
    setChosen(all.filter((c) => set.has(c)));
  };

  return (
    <section aria-labelledby="discussion-title" className="screen discussion">
      <div id="discussion-title">
        <ScreenHeading focusKey={`discussion-${packId}-${testId ?? ''}`}>Discussion sheet</ScreenHeading>
      </div>
      {data === undefined ? (
        <p role="status">Preparing the sheet…</p>
      ) : data === null ? (
        <p>This pack is no longer in your library.</p>
      ) : (
        <>
          <p className="discussion-intro">
            <strong>{data.packTitle}</strong>
            {data.testFinishedAt !== null
              ? ` — with the ${data.missedCount} fact${data.missedCount === 1 ? '' : 's'} you missed in the self-test of ${formatDateTime(data.testFinishedAt)}.`
              : ' — discussion prompts and talking points.'}
          </p>
          <fieldset className="card discussion-chapters">
            <legend>Chapters on the sheet</legend>
            <ul>
              {data.chapters.map((c) => (
                <li key={c.id}>
                  <label>
                    <input
                      type="checkbox"
                      checked={selected.includes(c.id)}
                      onChange={(e) => toggle(c.id, e.target.checked)}
                    />
                    {c.title}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <div className="test-actions discussion-actions">
            <button
              type="button"
              disabled={busy !== null || selected.length === 0}
              onClick={() => void save('md')}
            >
              Save as Markdown…
            </button>
            <button
              type="button"
              disabled={busy !== null || selected.length === 0}
              onClick={() => void save('pdf')}
            >
              Save as PDF…
            </button>
            {testId !== undefined ? (
              <button
                type="button"
                className="secondary"
                onClick={() => navigate({ name: 'selftest', testId })}
              >
                Back to the report
              </button>
            ) : null}
          </div>
          {busy ? (
            <p className="discussion-busy">
              <label htmlFor="discussion-progress">
                {busy === 'pdf' ? 'Making the PDF…' : 'Saving the Markdown file…'}
              </label>
              <progress id="discussion-progress" className="progress" />
            </p>
          ) : null}
          <p role="status" className="discussion-saved">
            {saved ?? ''}
          </p>
          {selected.length === 0 ? <p>Choose at least one chapter.</p> : <SheetView sheet={data.sheet} />}
        </>
      )}
    </section>
  );
}
