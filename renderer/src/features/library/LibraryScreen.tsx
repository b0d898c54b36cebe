/** The Library: every pack (bundled and imported) with its chapters. */

import { useMemo, useState } from 'react';
import { START_MARK, useMarkWhenReady } from '../../app/perf';
import { describeError } from '../../core/describe-error';
import { hasChapterText } from '../../core/queue';
import { restoreBundledCourse } from '../../ops/bundled-course';
import type { LibraryCounts } from '../../ops/library';
import { openChapter } from '../../ops/reader';
import { useAppStore } from '../../store';
import { formatCount } from '../../ui/count';
import { ScreenHeading } from '../../ui/ScreenHeading';
import { PackManageActions } from '../import/LibraryPackActions';
import { PackSelfTestActions } from '../selftest/LibrarySelfTest';
import { ChapterStudyCounts, PackStudyBar, useStudyCounts } from '../study/LibraryStudy';
import { type LibraryPack, useLibrary } from './use-library';

export function LibraryScreen() {
  const packs = useLibrary();
  const packRows = useMemo(() => packs?.map((p) => p.pack), [packs]);
  const counts = useStudyCounts(packRows);
  // Start-up ends when the Library first shows its packs (usable: chapters and Study open from
  // here); the due/new counts, shown as "Counting…" until then, are marked apart.
  useMarkWhenReady(START_MARK, packs !== undefined, true);
  useMarkWhenReady('lectern:library:counts', packs !== undefined && counts !== undefined, true);
  return (
    <section aria-labelledby="library-title" className="screen">
      <div id="library-title">
        <ScreenHeading focusKey="library">Library</ScreenHeading>
      </div>
      {packs === undefined ? (
        <p role="status">Loading your packs…</p>
      ) : (
        <>
          {packs.some((p) => p.pack.origin === 'bundled') ? null : (
            <NoBundledCourse empty={packs.length === 0} />
          )}
          <ul className="pack-list">
            {packs.map((p) => (
              <li key={p.pack.id}>
                <PackCard entry={p} counts={counts} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function PackCard({ entry, counts }: { entry: LibraryPack; counts: LibraryCounts | undefined }) {
  const { pack, reading } = entry;
  const navigate = useAppStore((s) => s.navigate);
  const headingId = `pack-${pack.id}`;
  return (
    <article className="card pack-card" aria-labelledby={headingId}>
      <header className="pack-card__head">
        <h2 id={headingId}>{pack.title}</h2>
        <p className="muted">
          {pack.origin === 'bundled' ? 'Bundled course' : `Imported from ${pack.fileName ?? pack.format}`} ·{' '}
          {formatCount(pack.questionCount, 'question')} · {formatCount(pack.chapters.length, 'chapter')}
        </p>
        {pack.description ? <p>{pack.description}</p> : null}
        <PackStudyBar packId={pack.id} title={pack.title} counts={counts?.packs[pack.id]} />
        <PackSelfTestActions packId={pack.id} title={pack.title} />
        <PackManageActions packId={pack.id} title={pack.title} questionCount={pack.questionCount} />
      </header>
      <h3 className="visually-hidden">Chapters of {pack.title}</h3>
      <ol className="chapter-list">
        {pack.chapters.map((c) => {
          const read = reading.has(c.id);
          const gated = hasChapterText(c);
          return (
            <li key={c.id} className="chapter-row">
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  // Opened when chosen, not when the (lazily loaded) Reader has mounted: a student who
                  // goes straight on to Study must find the chapter's questions there.
                  openChapter(pack.id, c.id, Date.now()).catch(() => {}); // the Reader reports failures
                  navigate({ name: 'reader', packId: pack.id, chapterId: c.id });
                }}
              >
                {c.title}
              </button>
              {gated ? (
                <span className={read ? 'badge badge--done' : 'badge'}>{read ? 'Read' : 'Not opened'}</span>
              ) : (
                <span className="badge">Questions only</span>
              )}
              <ChapterStudyCounts counts={counts?.chapters[`${pack.id}:${c.id}`]} />
            </li>
          );
        })}
      </ol>
    </article>
  );
}

/** Says how to get the bundled course back once it was removed, and offers Import. */
function NoBundledCourse({ empty }: { empty: boolean }) {
  const navigate = useAppStore((s) => s.navigate);
  const notify = useAppStore((s) => s.notify);
  const [busy, setBusy] = useState(false);
  const restore = () => {
    setBusy(true);
    restoreBundledCourse()
      .then((problems) => {
        if (problems.length === 0) notify('success', 'The bundled course is back in your Library.');
        for (const p of problems) notify('error', p);
      })
      .catch((err: unknown) => notify('error', `Could not restore the bundled course: ${describeError(err)}`))
      .finally(() => setBusy(false));
  };
  return (
    <section className="card library-empty" aria-labelledby="library-no-course">
      <h2 id="library-no-course">{empty ? 'No packs in your Library' : 'The bundled course was removed'}</h2>
      <p>
        The course that comes with Lectern is back with “Restore the bundled course” (or at Lectern’s next
        start). Your own packs come in through Import (File ▸ Import pack…, or drop a file on the window).
      </p>
      <p className="pack-actions">
        <button type="button" onClick={restore} disabled={busy}>
          Restore the bundled course
        </button>
        <button type="button" className="secondary" onClick={() => navigate({ name: 'import' })}>
          Import a pack…
        </button>
      </p>
    </section>
  );
}
