/** The buttons that finish a card: four self-ratings for a flashcard, Continue / I guessed otherwise. */
import { forwardRef } from 'react';
import { type PreviewOutcome, RATINGS, type Rating } from '../../core/scheduler';
import { RATING_NAMES } from './format';

function labelOf(preview: PreviewOutcome[] | null, rating: Rating): string {
  const p = preview?.find((o) => o.rating === rating);
  return p ? `${RATING_NAMES[rating]} · ${p.label}` : RATING_NAMES[rating];
}

export const FlashcardRatingBar = forwardRef<
  HTMLButtonElement,
  { preview: PreviewOutcome[] | null; onRate: (r: Rating) => void; disabled: boolean }
>(function FlashcardRatingBar({ preview, onRate, disabled }, goodRef) {
  return (
    <fieldset className="rating-bar">
      <legend className="visually-hidden">How well did you know it?</legend>
      {RATINGS.map((r) => (
        <button
          key={r}
          type="button"
          ref={r === 3 ? goodRef : undefined}
          className={r === 3 ? 'rating rating--default' : 'rating secondary'}
          data-rating={r}
          disabled={disabled}
          onClick={() => onRate(r)}
        >
          <span className="kbd" aria-hidden="true">
            {r}
          </span>{' '}
          {labelOf(preview, r)}
        </button>
      ))}
    </fieldset>
  );
});

export const ConfirmBar = forwardRef<
  HTMLButtonElement,
  {
    preview: PreviewOutcome[] | null;
    suggested: Rating;
    guessed: Rating;
    reason: string;
    onConfirm: (choice: 'suggested' | 'guessed') => void;
    disabled: boolean;
  }
>(function ConfirmBar({ preview, suggested, guessed, reason, onConfirm, disabled }, continueRef) {
  return (
    <div className="confirm">
      <p className="confirm__reason" id="study-rating-reason">
        {reason}
      </p>
      <fieldset className="rating-bar">
        <legend className="visually-hidden">Continue</legend>
        <button
          ref={continueRef}
          type="button"
          className="rating rating--default"
          disabled={disabled}
          aria-describedby="study-rating-reason"
          onClick={() => onConfirm('suggested')}
        >
          Continue: {labelOf(preview, suggested)}{' '}
          <span className="kbd" aria-hidden="true">
            Enter
          </span>
        </button>
        <button
          type="button"
          className="rating secondary"
          disabled={disabled}
          onClick={() => onConfirm('guessed')}
        >
          I guessed: {labelOf(preview, guessed)}{' '}
          <span className="kbd" aria-hidden="true">
            G
          </span>
        </button>
      </fieldset>
    </div>
  );
});
