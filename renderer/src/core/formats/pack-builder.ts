/**
 * Collects what a text-format reader finds — chapters, sections, questions, discussion prompts — with the
 * place in the file each came from, then validates the result with the same `validatePack` as Lectern
 * JSON and reports its findings at those places. Every imported pack passes through here.
 */
import { type Diagnostic, formatPath, type PackResult } from '../pack/diagnostics';
import { PACK_FORMAT, PACK_FORMAT_VERSION, type Pack } from '../pack/schema';
import { validatePack } from '../pack/validate';
import { slugify, toLecternId } from './ids';

/** A 1-based place in the source file. */
export interface SourcePos {
  line: number;
  column: number;
}

/** Where the parts of one question or discussion came from, by path relative to it ("" is the whole). */
export type Locations = Map<string, SourcePos>;

/**
 * Where a question came from: its locations, or a number the reader's `locate` function turns into
 * them. Readers of huge files pass a number (e.g. the offset of the question's block) so that nothing
 * but a number is kept per question, and places are computed only when a problem needs one.
 */
export type Where = Locations | number;

/** An id as the reader found it: given by the author (`explicit`) or derived from content. */
export interface DraftId {
  value: string;
  explicit: boolean;
  at: SourcePos;
}

interface DraftSection {
  id: string;
  title: string;
  body: string[];
  at: SourcePos;
}

interface DraftChapter {
  id: string;
  title: string;
  sections: DraftSection[];
  at: SourcePos;
}

/** Pack-level fields a reader can set (from file name, GIFT comments or Anki headers). */
export type PackMetaKey =
  | 'id'
  | 'title'
  | 'language'
  | 'version'
  | 'author'
  | 'license'
  | 'date'
  | 'description';

const START: SourcePos = { line: 1, column: 1 };

/** Builds one pack from a text format; see the module comment. */
export class PackBuilder {
  private readonly issues: Diagnostic[] = [];
  private readonly meta = new Map<PackMetaKey, { value: string; at: SourcePos; given: boolean }>();
  private readonly chapters: DraftChapter[] = [];
  private readonly chapterByTitle = new Map<string, DraftChapter>();
  private chapter: DraftChapter | undefined;
  private section: DraftSection | undefined;
  private readonly questions: Record<string, unknown>[] = [];
  private readonly questionLocs: Where[] = [];
  private readonly discussions: Record<string, unknown>[] = [];
  private readonly discussionLocs: Where[] = [];
  private readonly used = {
    /** Question and discussion ids → index of the first one with that id. */
    question: new Map<string, number>(),
    discussion: new Map<string, number>(),
    chapter: new Map<string, SourcePos>(),
    section: new Map<string, SourcePos>(),
  };
  private readonly locate: ((ref: number) => Locations) | undefined;
  /** Per `used` map: stem → the smallest suffix that may still be free (see `uniqueId`). */
  private readonly nextSuffix = new Map<Map<string, unknown>, Map<string, number>>();
  private idProbes = 0;

  /**
   * Starts a pack whose id and title default to `defaults` (usually from the file name). `locate`
   * turns the numbers readers pass as a question's {@link Where} into its locations.
   */
  constructor(defaults: { id: string; title: string }, locate?: (ref: number) => Locations) {
    this.locate = locate;
    this.meta.set('id', { value: defaults.id, at: START, given: false });
    this.meta.set('title', { value: defaults.title, at: START, given: false });
    this.meta.set('language', { value: 'en', at: START, given: false });
    this.meta.set('version', { value: '1', at: START, given: false });
  }

  /** Records an error at `at`. */
  error(message: string, at: SourcePos): void {
    this.issues.push({ message, line: at.line, column: at.column });
  }

  /** Records a warning at `at`: shown, but the pack still imports. */
  warn(message: string, at: SourcePos): void {
    this.issues.push({ message, line: at.line, column: at.column, severity: 'warning' });
  }

  /** Sets a pack-level field given in the file; the first one given wins, later ones are warned about. */
  setMeta(key: PackMetaKey, value: string, at: SourcePos): void {
    const old = this.meta.get(key);
    if (old?.given) {
      if (old.value !== value)
        this.warn(`pack ${key} is already set at line ${old.at.line}; this one is ignored`, at);
      return;
    }
    this.meta.set(key, { value: key === 'id' ? toLecternId(value) : value, at, given: true });
  }

  /** Starts a chapter; later questions and notes go into it. */
  startChapter(title: string, at: SourcePos, explicitId?: { value: string; at: SourcePos }): void {
    let id: string;
    if (explicitId) {
      id = toLecternId(explicitId.value);
      const first = this.used.chapter.get(id);
      if (first) {
        this.error(`chapter id "${id}" is already used at line ${first.line}`, explicitId.at);
        id = this.uniqueId(this.used.chapter, id);
      }
    } else id = this.uniqueId(this.used.chapter, slugify(title) || 'chapter');
    this.used.chapter.set(id, explicitId?.at ?? at);
    this.chapter = { id, title, sections: [], at };
    this.chapters.push(this.chapter);
    this.section = undefined;
  }

  /** Continues the chapter titled `title` (made by an earlier call), or starts it. For Anki decks. */
  enterChapter(title: string, at: SourcePos): void {
    const existing = this.chapterByTitle.get(title);
    if (existing) {
      if (this.chapter !== existing) {
        this.chapter = existing;
        this.section = existing.sections[0];
      }
      return;
    }
    this.startChapter(title, at);
    if (this.chapter) this.chapterByTitle.set(title, this.chapter);
  }

  /**
   * The first of `base`, `base-2`, `base-3`, … not in `used` (progress is keyed by these ids, so the
   * rule never changes). Ids are only ever added to `used`, so the first free suffix of a stem only
   * grows: remembering where each stem's search stopped makes n identical questions O(n), not O(n²).
   */
  private uniqueId(used: Map<string, unknown>, base: string): string {
    if (!used.has(base)) return base;
    const stem = base.slice(0, 110);
    let next = this.nextSuffix.get(used);
    if (!next) {
      next = new Map();
      this.nextSuffix.set(used, next);
    }
    let n = next.get(stem) ?? 2;
    for (; ; n++) {
      this.idProbes++;
      if (!used.has(`${stem}-${n}`)) break;
    }
    next.set(stem, n + 1);
    return `${stem}-${n}`;
  }

  private ensureChapter(at: SourcePos): DraftChapter {
    if (!this.chapter) this.startChapter('Questions', at);
    return this.chapter as DraftChapter;
  }

  /** The id of the section new content belongs to, creating the chapter's default section if needed. */
  currentSection(at: SourcePos): string {
    const chapter = this.ensureChapter(at);
    if (!this.section) {
      const id = this.uniqueId(this.used.section, chapter.id);
      this.used.section.set(id, at);
      this.section = { id, title: chapter.title, body: [], at };
      chapter.sections.push(this.section);
    }
    return this.section.id;
  }

  /** Starts a section with an author-given id in the current chapter. */
  defineSection(rawId: string, title: string | undefined, at: SourcePos): void {
    const chapter = this.ensureChapter(at);
    let id = toLecternId(rawId);
    const first = this.used.section.get(id);
    if (first) {
      this.error(`section id "${id}" is already used at line ${first.line}`, at);
      id = this.uniqueId(this.used.section, id);
    }
    this.used.section.set(id, at);
    this.section = { id, title: title?.trim() || chapter.title, body: [], at };
    chapter.sections.push(this.section);
  }

  /** Appends a paragraph of notes (Markdown) to the current section. */
  appendNotes(text: string, at: SourcePos): void {
    this.currentSection(at);
    if (text.trim()) this.section?.body.push(text.trim());
  }

  private locationsOf(kind: 'question' | 'discussion', index: number): Locations | undefined {
    const list = kind === 'question' ? this.questionLocs : this.discussionLocs;
    const where = list[index];
    if (typeof where !== 'number') return where;
    const locs = this.locate?.(where);
    if (locs) list[index] = locs;
    return locs;
  }

  private resolveId(kind: 'question' | 'discussion', draft: DraftId): string | undefined {
    const used = this.used[kind];
    const index = (kind === 'question' ? this.questions : this.discussions).length;
    if (draft.explicit) {
      const id = toLecternId(draft.value);
      const first = used.get(id);
      if (first !== undefined) {
        const firstAt = this.locationsOf(kind, first);
        const line = (firstAt?.get('id') ?? firstAt?.get(''))?.line;
        this.error(`${kind} id "${id}" is already used${line ? ` at line ${line}` : ''}`, draft.at);
        return undefined;
      }
      used.set(id, index);
      return id;
    }
    const id = this.uniqueId(used, draft.value);
    used.set(id, index);
    return id;
  }

  /** Adds a question (its `id` is set here, from `id`) with where its parts are. Keeps the object. */
  addQuestion(question: Record<string, unknown>, id: DraftId, where: Where): void {
    const resolved = this.resolveId('question', id);
    if (resolved === undefined) return;
    question.id = resolved;
    this.questions.push(question);
    this.questionLocs.push(where);
  }

  /** Adds a discussion prompt (its `id` is set here) with where its parts are. Keeps the object. */
  addDiscussion(discussion: Record<string, unknown>, id: DraftId, where: Where): void {
    const resolved = this.resolveId('discussion', id);
    if (resolved === undefined) return;
    discussion.id = resolved;
    this.discussions.push(discussion);
    this.discussionLocs.push(where);
  }

  /** How many chapters have been started so far. */
  get chapterCount(): number {
    return this.chapters.length;
  }

  /** How many suffixed candidates id derivation has tried so far: linear in the ids derived. */
  get idProbeCount(): number {
    return this.idProbes;
  }

  /** How many questions have been added so far. */
  get questionCount(): number {
    return this.questions.length;
  }

  /**
   * Validates the collected pack. `emptyMessage` is reported when the file held nothing to study.
   * Issues come sorted by place; any error makes the result not ok.
   */
  finish(emptyMessage: string, emptyIs: 'error' | 'warning' = 'error'): PackResult<Pack> {
    for (const chapter of this.chapters) {
      if (chapter.sections.length === 0) {
        this.chapter = chapter;
        this.section = undefined;
        this.currentSection(chapter.at);
      }
    }
    const hasNotes = this.chapters.some((c) => c.sections.some((s) => s.body.length > 0));
    const empty = this.questions.length === 0 && this.discussions.length === 0 && !hasNotes;
    if (empty && !this.issues.some((d) => d.severity !== 'warning'))
      (emptyIs === 'warning' ? this.warn : this.error).call(this, emptyMessage, START);
    const pack: Record<string, unknown> = {
      format: PACK_FORMAT,
      formatVersion: PACK_FORMAT_VERSION,
    };
    for (const [key, { value }] of this.meta) pack[key] = value;
    pack.chapters = this.chapters.map((c) => ({
      id: c.id,
      title: c.title,
      sections: c.sections.map((s) => ({ id: s.id, title: s.title, body: s.body.join('\n\n') })),
    }));
    pack.questions = this.questions;
    pack.discussions = this.discussions;
    const result = validatePack(pack);
    const found = (result.ok ? result.warnings : result.issues).map((d) => this.place(d));
    const all = [...this.issues, ...found].sort(
      (a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
    );
    if (!result.ok || all.some((d) => d.severity !== 'warning')) return { ok: false, issues: all };
    return { ok: true, pack: result.pack, warnings: all };
  }

  /** Turns a diagnostic with a pack path into one with the place in the file. */
  private place(d: Diagnostic): Diagnostic {
    const path = d.path ?? [];
    const [head, index, ...rest] = path;
    let at: SourcePos | undefined;
    let label: string;
    if ((head === 'questions' || head === 'discussions') && typeof index === 'number') {
      const locs = this.locationsOf(head === 'questions' ? 'question' : 'discussion', index);
      at = locs ? lookup(locs, rest) : undefined;
      label = `${head === 'discussions' ? 'discussion ' : ''}${relative(rest)}`.trim();
    } else if (head === 'chapters' && typeof index === 'number') {
      const chapter = this.chapters[index];
      const [sub, si, ...sectionRest] = rest;
      if (sub === 'sections' && typeof si === 'number') {
        at = chapter?.sections[si]?.at;
        label = `section ${relative(sectionRest)}`.trim();
      } else {
        at = chapter?.at;
        label = `chapter ${relative(rest)}`.trim();
      }
    } else {
      at = typeof head === 'string' ? this.meta.get(head as PackMetaKey)?.at : undefined;
      label = `pack ${relative(path)}`.trim();
    }
    const out: Diagnostic = { message: label ? `${label}: ${d.message}` : d.message, ...(at ?? START) };
    if (d.severity) out.severity = d.severity;
    return out;
  }
}

function relative(path: readonly (string | number)[]): string {
  return formatPath(path).slice(1).replace(/^\./, '');
}

function lookup(locs: Locations, rest: readonly (string | number)[]): SourcePos | undefined {
  for (let k = rest.length; k >= 0; k--) {
    const at = locs.get(rest.slice(0, k).join('/'));
    if (at) return at;
  }
  return undefined;
}
