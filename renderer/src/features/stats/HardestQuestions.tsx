/** The questions forgotten most often, each with "Read in context" to reopen its passage. */

import { describeQuestion } from '../../core/pack/question-text';
import { mediaSourceOf } from '../../ops/media';
import type { HardQuestionDetail } from '../../ops/stats';
import { MediaText } from '../../ui/media/MediaText';
import { MediaScope } from '../../ui/media/media-scope';
import { ReadInContextButton } from '../../ui/ReadInContext';
import { plural } from './format';
import type { PackNames } from './use-stats';

export function HardestQuestions({
  hardest,
  names,
}: {
  hardest: HardQuestionDetail[];
  names: Map<string, PackNames> | undefined;
}) {
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
            <p id={textId} className="hardest-item__text media-compact">
              <MediaScope source={mediaSourceOf(h.packId)}>
                <MediaText text={describeQuestion(h.question, 180, { keepMedia: true })} />
              </MediaScope>
            </p>
            <p className="hardest-item__meta muted">
              {plural(h.lapses, 'lapse')} · {chapter}
            </p>
            <ReadInContextButton place={h} describedBy={textId} />
          </li>
        );
      })}
    </ol>
  );
}
