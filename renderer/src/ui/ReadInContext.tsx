/** "Read in context": opens the reader at the passage a question tests, with the evidence highlighted. */
import type { ReactNode } from 'react';
import { useAppStore } from '../store';

/** Where a question's passage is: its pack, chapter and section. */
export interface PassagePlace {
  packId: string;
  chapterId: string;
  section: string;
}

export function ReadInContextButton({
  place,
  describedBy,
  children,
}: {
  place: PassagePlace;
  /** The id of the text naming the question, when the button's own words do not. */
  describedBy?: string;
  /** Words after "Read in context" (e.g. visually hidden ones telling the buttons of a list apart). */
  children?: ReactNode;
}) {
  const navigate = useAppStore((s) => s.navigate);
  return (
    <button
      type="button"
      className="secondary"
      aria-describedby={describedBy}
      onClick={() =>
        navigate({
          name: 'reader',
          packId: place.packId,
          chapterId: place.chapterId,
          sectionId: place.section,
          highlight: true,
        })
      }
    >
      Read in context{children}
    </button>
  );
}
