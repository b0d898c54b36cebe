/** A pack of `count` plain flashcards in one chapter, stored as an import stores it (the bench's setup). */
import { PACK_FORMAT, PACK_FORMAT_VERSION, type Pack } from '../../../renderer/src/core/pack/schema';
import { applyImport } from '../../../renderer/src/db/repos/import-repo';
import type { LecternDb } from '../../../renderer/src/db/schema/database';

export async function storeFlashcardPack(
  db: LecternDb,
  o: { id: string; title: string; count: number; origin: 'bundled' | 'imported' },
): Promise<void> {
  const pack: Pack = {
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    id: o.id,
    title: o.title,
    language: 'en',
    version: '1',
    chapters: [{ id: 'c1', title: 'One', sections: [{ id: 's1', title: 'Only', body: 'Body.' }] }],
    questions: Array.from({ length: o.count }, (_, i) => ({
      id: `q${i}`,
      section: 's1',
      type: 'flashcard' as const,
      front: `Front ${i}`,
      back: `Back ${i}`,
    })),
    discussions: [],
  };
  const stored = await applyImport(
    db,
    pack,
    { origin: o.origin, format: 'lectern', contentHash: o.id },
    Date.now(),
  );
  if (!stored.ok) throw new Error(stored.message);
}
