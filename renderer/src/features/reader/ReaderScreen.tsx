/**
 * The chapter reader: table of contents, sections, and the passage a question points at — its
 * evidence sentence marked (the section when the question has none or it is not found). Opened by
 * Read in context from Study, it offers "Back to the question" (and Esc), back to the same card in
 * the same state (the session survives the visit).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { describeError } from '../../core/describe-error';
import { loadPack, openChapter } from '../../ops/reader';
import { useAppStore } from '../../store';
import { containsPassage, Markdown } from '../../ui/Markdown';
import { ScreenHeading } from '../../ui/ScreenHeading';

export function ReaderScreen({
  packId,
  chapterId,
  sectionId,
  highlight,
  evidence,
  from,
}: {
  packId: string;
  chapterId: string;
  sectionId?: string;
  highlight?: boolean;
  evidence?: string;
  from?: 'study';
}) {
  const navigate = useAppStore((s) => s.navigate);
  const notify = useAppStore((s) => s.notify);
  const pack = useLiveQuery(() => loadPack(packId), [packId]);

  useEffect(() => {
    openChapter(packId, chapterId, Date.now(), sectionId).catch((err: unknown) =>
      notify('error', `Could not save reading progress: ${describeError(err)}`),
    );
  }, [packId, chapterId, sectionId, notify]);

  useEffect(() => {
    if (!sectionId || !pack) return;
    const el = document.getElementById(`section-${sectionId}`);
    const mark = el?.querySelector('[data-evidence="true"]');
    if (mark) mark.scrollIntoView({ block: 'center' });
    else el?.scrollIntoView({ block: 'start' });
    el?.focus({ preventScroll: true });
  }, [sectionId, pack]);

  const backToStudy = from === 'study';
  useEffect(() => {
    if (!backToStudy) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || document.querySelector('dialog[open]')) return;
      e.preventDefault();
      returnToQuestion();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [backToStudy]);

  if (pack === undefined) return <p role="status">Loading…</p>;
  const index = pack?.chapters.findIndex((c) => c.id === chapterId) ?? -1;
  const chapter = pack?.chapters[index];
  if (!pack || !chapter) {
    return (
      <section className="screen">
        <ScreenHeading focusKey="missing">Chapter not found</ScreenHeading>
        <p>This chapter is no longer in its pack.</p>
        <button type="button" onClick={() => navigate({ name: 'library' })}>
          Back to the Library
        </button>
      </section>
    );
  }
  const backButton = backToStudy ? (
    <p className="reader-back">
      <button type="button" onClick={returnToQuestion}>
        Back to the question{' '}
        <span className="kbd" aria-hidden="true">
          Esc
        </span>
      </button>
    </p>
  ) : null;
  const prev = pack.chapters[index - 1];
  const next = pack.chapters[index + 1];
  return (
    <article className="screen reader" aria-labelledby="chapter-title">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <button type="button" className="link-button" onClick={() => navigate({ name: 'library' })}>
          Library
        </button>
        <span aria-hidden="true"> › </span>
        <span>{pack.title}</span>
      </nav>
      {backButton}
      <div id="chapter-title">
        <ScreenHeading focusKey={`${packId}/${chapterId}/${sectionId ?? ''}`}>{chapter.title}</ScreenHeading>
      </div>
      <p className="muted">
        Chapter {index + 1} of {pack.chapters.length}
      </p>
      <nav aria-label="Contents of this chapter" className="toc">
        <h2 className="toc__title">Contents</h2>
        <ol>
          {chapter.sections.map((s) => (
            <li key={s.id}>
              <a
                href={`#section-${s.id}`}
                onClick={(e) => {
                  e.preventDefault();
                  const el = document.getElementById(`section-${s.id}`);
                  el?.scrollIntoView({ block: 'start' });
                  el?.focus({ preventScroll: true });
                }}
              >
                {s.title}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      {chapter.sections.map((s) => {
        const marked = highlight && s.id === sectionId;
        // The evidence sentence is marked; only without one is the whole section highlighted.
        const sentence = marked && evidence && containsPassage(s.body, evidence) ? evidence : undefined;
        return (
          <section
            key={s.id}
            id={`section-${s.id}`}
            tabIndex={-1}
            aria-labelledby={`section-title-${s.id}`}
            className={
              marked ? (sentence ? 'section section--context' : 'section section--highlight') : 'section'
            }
            data-highlighted={marked ? 'true' : undefined}
          >
            <h2 id={`section-title-${s.id}`}>
              {s.title}
              {marked ? <span className="badge badge--mark"> The passage for your question</span> : null}
            </h2>
            <Markdown source={s.body} mark={sentence} />
          </section>
        );
      })}
      <nav aria-label="Chapters" className="chapter-nav">
        {prev ? (
          <button type="button" onClick={() => navigate({ name: 'reader', packId, chapterId: prev.id })}>
            ← {prev.title}
          </button>
        ) : (
          <span />
        )}
        {next ? (
          <button type="button" onClick={() => navigate({ name: 'reader', packId, chapterId: next.id })}>
            {next.title} →
          </button>
        ) : null}
      </nav>
    </article>
  );
}

/** Back to Study with the session's own scope: the card on screen comes back as it was. */
function returnToQuestion(): void {
  const { session, navigate } = useAppStore.getState();
  navigate({
    name: 'study',
    ...(session.scope.packId ? { packId: session.scope.packId } : {}),
    ...(session.scope.chapterId ? { chapterId: session.scope.chapterId } : {}),
  });
}
