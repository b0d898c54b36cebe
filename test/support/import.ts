/** Builders of what the import screen shows: a summary of a readable pack, an update against a stored one. */
import type { ImportSummary, UpdateSummary } from '@/ops/import/summary';

/** A new pack (no update) with two multiple-choice questions in one chapter and no warnings. */
export function buildImportSummary(o: Partial<ImportSummary> = {}): ImportSummary {
  return {
    fileName: 'ledger.json',
    format: 'lectern',
    packId: 'ledger',
    title: 'Ledger basics',
    version: '2.0.0',
    questionCount: 2,
    byType: [{ type: 'multiple-choice', count: 2 }],
    chapters: [{ id: 'c1', title: 'Double entry', questions: 2 }],
    discussions: 0,
    warnings: [],
    update: null,
    ...o,
  };
}

/** An update from 1.0.0 that adds one question and changes nothing else. */
export function buildUpdateSummary(o: Partial<UpdateSummary> = {}): UpdateSummary {
  return {
    storedTitle: 'Ledger basics (old)',
    storedVersion: '1.0.0',
    storedOrigin: 'imported',
    storedUpdatedAt: 1_700_000_000_000,
    formatChange: null,
    counts: { added: 1, changed: 0, answerChanged: 0, removed: 0, unchanged: 1 },
    added: [{ id: 'q-new', text: 'What is a trial balance?' }],
    reworded: [],
    answerChanged: [],
    removed: [],
    ...o,
  };
}
