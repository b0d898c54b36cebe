/** The questions forgotten most often, each with "Read in context" to reopen its passage. */
import type { HardQuestionDetail } from '../../db/repos/stats-repo';
import { useAppStore } from '../../store';
import { plural } from './format';
import { describeQuestion } from './question-text';
import type { PackNames } from './use-stats';

export function HardestQuestions({
  hardest,
  names,
}: {
  hardest: HardQuestionDetail[];
  names: Map<string, PackNames> | undefined;
}) {
  const navigate = useAppStore((s) => s.navigate);
  if (hardest.length === 0) {
    return <p className="muted">No question has been forgotten yet.</p>;
  }
  return (
    <ol className="hardest-list">
      {hardest.map((h) => {
        const textId = `hard-${h.key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
        const chapter = names?.get(h.packId)?.chapters.get(h.chapterId) ?? h.chapterId;
        return (
          <li key={h.key} className="hardest-item">
            <p id={textId} className="hardest-item__text">
              {describeQuestion(h.question)}
            </p>
            <p className="hardest-item__meta muted">
              {plural(h.lapses, 'lapse')} · {chapter}
            </p>
            <button
              type="button"
              className="secondary"
              aria-describedby={textId}
              onClick={() =>
                navigate({
                  name: 'reader',
                  packId: h.packId,
                  chapterId: h.chapterId,
                  sectionId: h.section,
                  highlight: true,
                })
              }
            >
              Read in context
            </button>
          </li>
        );
      })}
    </ol>
  );
}
