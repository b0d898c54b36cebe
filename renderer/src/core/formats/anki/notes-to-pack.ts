/**
 * An Anki collection's notes → a Lectern pack. Cloze note types → one cloze per note (c1, c2… as its
 * blanks); Basic-like note types → one flashcard per card (template), or a typed question where the
 * front asks `{{type:Field}}`; other note types → a flashcard from their first two fields, with a
 * warning. Decks → chapters (a filtered deck's cards count in their home deck); tags kept; ids from
 * the note GUID, so re-importing an updated deck keeps progress. Problems are placed at the note id.
 */
import type { Diagnostic } from '../../pack/diagnostics';
import { htmlToText } from '../html-text';
import { slugify, toLecternId } from '../ids';
import type { AnkiCard, AnkiCollection, AnkiNote, AnkiNotetype } from './collection';
import { reduceField } from './field-html';
import { answerPart, renderTemplate } from './template';

/** A chapter of the pack being built, with its one section. */
export interface DraftChapter {
  id: string;
  title: string;
}

/** What the notes became. */
export interface AnkiQuestions {
  chapters: DraftChapter[];
  questions: Record<string, unknown>[];
  /** The note id of each question, by index (a question the pack schema refuses is dropped and warned at it). */
  noteOf: number[];
  /** Question id → the Anki cards it stands for (their reviews are its history). */
  cardsOf: Map<string, AnkiCard[]>;
  warnings: Diagnostic[];
  /** Anki media names referenced by notes but absent from the package. */
  missingMedia: Set<string>;
}

const warn = (note: number | undefined, message: string): Diagnostic =>
  note === undefined
    ? { message, severity: 'warning' }
    : { message, severity: 'warning', note: String(note) };

/** Basic, Basic (and reversed card), Basic (optional reversed card), Basic (type in the answer) and copies. */
function isBasicLike(nt: AnkiNotetype): boolean {
  return /^basic\b/i.test(nt.name.trim()) || (nt.fields[0] === 'Front' && nt.fields[1] === 'Back');
}

/** Reads the notes of `col` into questions; `mediaNames` maps Anki media names to pack names. */
export function notesToQuestions(col: AnkiCollection, mediaNames: Map<string, string>): AnkiQuestions {
  const chapters: DraftChapter[] = [];
  const chapterByDeck = new Map<string, DraftChapter>();
  const usedChapterIds = new Set<string>();
  const questions: Record<string, unknown>[] = [];
  const noteOf: number[] = [];
  const cardsOf = new Map<string, AnkiCard[]>();
  const warnings: Diagnostic[] = [];
  const missingMedia = new Set<string>();
  const usedIds = new Set<string>();
  const otherTypes = new Map<string, number>();
  const cardsByNote = new Map<number, AnkiCard[]>();
  for (const card of col.cards) {
    const list = cardsByNote.get(card.noteId);
    if (list) list.push(card);
    else cardsByNote.set(card.noteId, [card]);
  }

  const chapterFor = (card: AnkiCard | undefined): DraftChapter => {
    const deckId = card ? card.originalDeckId || card.deckId : 1;
    const name = (col.decks.get(deckId)?.name ?? 'Default').trim() || 'Default';
    let chapter = chapterByDeck.get(name);
    if (!chapter) {
      const base = slugify(name) || 'deck';
      let id = base;
      for (let n = 2; usedChapterIds.has(id); n++) id = `${base}-${n}`;
      usedChapterIds.add(id);
      chapter = { id, title: name.split('::').join(' / ').slice(0, 300) };
      chapterByDeck.set(name, chapter);
      chapters.push(chapter);
    }
    return chapter;
  };

  const reduce = (html: string, inline: boolean) => {
    const r = reduceField(html, mediaNames, inline);
    for (const m of r.missing) missingMedia.add(m);
    return r;
  };

  const add = (note: AnkiNote, q: Record<string, unknown>, id: string, cards: AnkiCard[]) => {
    if (usedIds.has(id)) {
      warnings.push(warn(note.id, `this note's id "${id}" is used by an earlier note: it is skipped`));
      return;
    }
    const tags = note.tags.filter((t) => t.length <= 100).slice(0, 50);
    if (tags.length > 0) q.tags = tags;
    q.id = id;
    usedIds.add(id);
    questions.push(q);
    noteOf.push(note.id);
    cardsOf.set(id, cards);
  };

  for (const note of col.notes) {
    const nt = col.notetypes.get(note.notetypeId);
    if (!nt) {
      warnings.push(
        warn(note.id, `this note's note type (${note.notetypeId}) is not in the package: it is skipped`),
      );
      continue;
    }
    const fields = new Map(nt.fields.map((name, i) => [name, note.fields[i] ?? '']));
    const cards = cardsByNote.get(note.id) ?? [];
    const baseId = toLecternId(note.guid || String(note.id));
    if (nt.cloze) {
      const qfmt = nt.templates[0]?.qfmt ?? '';
      const clozeFields = [...qfmt.matchAll(/\{\{[^{}]*cloze:\s*([^{}]+?)\s*\}\}/g)].map(
        (m) => m[1] as string,
      );
      if (clozeFields.length === 0 && nt.fields[0]) clozeFields.push(nt.fields[0]);
      const text = clozeFields
        .map((f) => reduce(fields.get(f) ?? '', true).text)
        .filter(Boolean)
        .join('\n\n');
      if (!/\{\{c\d+::/.test(text)) {
        warnings.push(warn(note.id, 'this cloze note has no deletion ({{c1::…}}): it is skipped'));
        continue;
      }
      const emptied = new Map(fields);
      for (const f of clozeFields) emptied.set(f, '');
      const afmt = nt.templates[0]?.afmt ?? '';
      const explanation = reduce(
        renderTemplate(afmt.replace(/\{\{[^{}]*cloze:[^{}]*\}\}/g, ''), emptied).html,
        true,
      ).text;
      const q: Record<string, unknown> = { type: 'cloze', section: chapterFor(cards[0]).id, text };
      if (explanation) q.explanation = explanation;
      add(note, q, baseId, cards);
      continue;
    }
    if (!isBasicLike(nt)) {
      otherTypes.set(nt.name, (otherTypes.get(nt.name) ?? 0) + 1);
      const front = reduce(note.fields[0] ?? '', false);
      const back = reduce(note.fields[1] ?? '', false);
      addFlashcard(note, front, back, baseId, cards, chapterFor(cards[0]).id);
      continue;
    }
    const perCard = cards.length > 0 ? cards : [undefined];
    for (const card of perCard) {
      const ord = card?.ord ?? 0;
      const template = nt.templates.find((t) => t.ord === ord) ?? nt.templates[0];
      if (!template) continue;
      const extra = { Tags: note.tags.join(' '), Deck: '', Card: template.name };
      const front = renderTemplate(template.qfmt, fields, '', extra);
      const back = renderTemplate(template.afmt, fields, front.html, extra);
      const id = ord === 0 ? baseId : `${baseId}.c${ord + 1}`;
      const section = chapterFor(card).id;
      const typed = front.typeField ?? back.typeField;
      const accept = typed ? htmlToText(fields.get(typed) ?? '', true) : '';
      if (typed && accept) {
        const prompt = reduce(front.html, true).text;
        const q: Record<string, unknown> = { type: 'typed', section, prompt, accept: [accept] };
        const rest = reduce(answerPart(back.html, front.html), true).text;
        if (rest && rest !== accept) q.explanation = rest;
        add(note, q, id, card ? [card] : []);
        continue;
      }
      addFlashcard(
        note,
        reduce(front.html, false),
        reduce(answerPart(back.html, front.html), false),
        id,
        card ? [card] : [],
        section,
      );
    }
  }

  function addFlashcard(
    note: AnkiNote,
    front: { text: string; images: string[]; missing: string[] },
    back: { text: string; images: string[]; missing: string[] },
    id: string,
    cards: AnkiCard[],
    section: string,
  ): void {
    let frontText = front.text;
    if (frontText === '' && front.images.length === 0) {
      if (front.missing.length === 0) {
        warnings.push(warn(note.id, 'this card has an empty front: it is skipped, as Anki skips it'));
        return;
      }
      frontText = front.missing.map((m) => `[image: ${m}]`).join(' ');
    }
    const q: Record<string, unknown> = { type: 'flashcard', section, front: frontText, back: back.text };
    if (front.images.length > 0) q.frontImages = front.images.slice(0, 20);
    if (back.images.length > 0) q.backImages = back.images.slice(0, 20);
    add(note, q, id, cards);
  }

  for (const [name, count] of otherTypes)
    warnings.push(
      warn(
        undefined,
        `note type "${name}" (${count} note${count === 1 ? '' : 's'}) is not Basic or Cloze: each note became a flashcard from its first two fields`,
      ),
    );
  return { chapters, questions, noteOf, cardsOf, warnings, missingMedia };
}
