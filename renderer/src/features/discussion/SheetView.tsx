/** The discussion sheet on screen, in the same order and words as its Markdown and PDF exports. */
import type { DiscussionSheet } from '../../core/selftest';
import { Markdown } from '../../ui/Markdown';

export function SheetView({ sheet }: { sheet: DiscussionSheet }) {
  if (sheet.chapters.length === 0) {
    return <p className="card">Nothing to discuss for the chosen chapters.</p>;
  }
  return (
    <article className="card sheet" aria-labelledby="sheet-title">
      <h2 id="sheet-title">Discussion sheet: {sheet.packTitle}</h2>
      {sheet.chapters.map((chapter) => (
        <section
          key={chapter.chapterId}
          className="sheet-chapter"
          aria-labelledby={`sheet-${chapter.chapterId}`}
        >
          <h3 id={`sheet-${chapter.chapterId}`}>{chapter.title}</h3>
          {chapter.prompts.length > 0 ? (
            <>
              <h4>For discussion</h4>
              <ol className="sheet-prompts">
                {chapter.prompts.map((p) => (
                  <li key={p.id} className="sheet-prompt" data-prompt-id={p.id}>
                    <div className="sheet-prompt__text">
                      <Markdown source={p.prompt} headingOffset={4} />
                    </div>
                    {p.points.length > 0 ? (
                      <ul className="sheet-points" aria-label="Talking points">
                        {p.points.map((pt, i) => (
                          <li key={i}>
                            <Markdown source={pt} headingOffset={4} />
                          </li>
                        ))}
                      </ul>
                    ) : null}
                    {p.sections.length > 0 ? (
                      <p className="muted sheet-sources">
                        Draws on: {p.sections.map((s) => s.title).join('; ')}
                      </p>
                    ) : null}
                  </li>
                ))}
              </ol>
            </>
          ) : null}
          {chapter.missed.length > 0 ? (
            <>
              <h4>Facts to review</h4>
              <ul className="sheet-facts">
                {chapter.missed.map((m) => (
                  <li key={m.questionId} className="sheet-fact">
                    <div className="sheet-fact__prompt">
                      <Markdown source={m.prompt} headingOffset={4} />
                    </div>
                    <dl className="facts">
                      <dt>Answer</dt>
                      <dd>{m.answer}</dd>
                      {m.given !== null ? (
                        <>
                          <dt>You answered</dt>
                          <dd>{m.given}</dd>
                        </>
                      ) : null}
                      <dt>Section</dt>
                      <dd>{m.sectionTitle}</dd>
                    </dl>
                    {m.explanation !== null ? <Markdown source={m.explanation} headingOffset={4} /> : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ))}
    </article>
  );
}
