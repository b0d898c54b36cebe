/**
 * What reading one Moodle XML `<question>` needs: its element, the pack builder, places in the file,
 * text conversion with the question's embedded files, and one warning listing what Lectern cannot keep.
 */
import type { LineIndex } from '../../pack/line-index';
import type { Locations, PackBuilder, SourcePos } from '../pack-builder';
import { type EmbeddedFile, filesOf, type MediaCollector } from './moodle-media';
import { convertMoodleText } from './moodle-text';
import { child, type XmlElement } from './xml-tree';

/** The file-wide state every question shares. */
export interface FileState {
  builder: PackBuilder;
  lines: LineIndex;
  media: MediaCollector;
}

/** Reading one question. */
export class QuestionContext {
  readonly locs: Locations = new Map();
  /** What Lectern cannot keep of this question, said once in a warning at its start. */
  readonly notKept = new Set<string>();
  private readonly files = new Map<XmlElement, EmbeddedFile[]>();
  private readonly missing = new Set<string>();
  /** Files found anywhere in the question, by name (Moodle 1.9's `<image>` among them). */
  private readonly anyFile = new Map<string, EmbeddedFile>();

  constructor(
    readonly q: XmlElement,
    readonly file: FileState,
    readonly label: string,
  ) {
    this.locs.set('', this.pos(q.at));
    this.collect(q);
  }

  private collect(el: XmlElement): void {
    const own = filesOf(el, (why, at) => this.warn(why, at));
    if (own.length > 0) this.files.set(el, own);
    for (const f of own) if (!this.anyFile.has(f.name)) this.anyFile.set(f.name, f);
    for (const c of el.children) if (c.name !== 'file') this.collect(c);
  }

  /** Adds a file as if embedded in the question (Moodle 1.9's `<image_base64>`). */
  addFile(file: EmbeddedFile): void {
    if (!this.anyFile.has(file.name)) this.anyFile.set(file.name, file);
  }

  get builder(): PackBuilder {
    return this.file.builder;
  }

  /** 1-based line:column of a source offset. */
  pos(offset: number): SourcePos {
    return this.file.lines.locate(offset);
  }

  /** Records where the part at `path` (relative to the question) is. */
  mark(path: string, offset: number): void {
    this.locs.set(path, this.pos(offset));
  }

  warn(message: string, offset: number = this.q.at): void {
    this.builder.warn(message, this.pos(offset));
  }

  error(message: string, offset: number = this.q.at): void {
    this.builder.error(message, this.pos(offset));
  }

  /** The raw text of a field (`<field><text>…</text></field>` or `<field>…</field>`) and its format. */
  raw(field: XmlElement | undefined): {
    text: string;
    format: string | undefined;
    el: XmlElement | undefined;
  } {
    if (!field) return { text: '', format: undefined, el: undefined };
    const t = child(field, 'text');
    return { text: (t ?? field).text, format: field.attrs.get('format')?.value, el: t ?? field };
  }

  /**
   * A field converted to Lectern text, its images and audio resolved against the files embedded in
   * that field (then anywhere in the question). `format` overrides the field's own format attribute.
   */
  text(field: XmlElement | undefined, opts: { body?: boolean; format?: string; raw?: string } = {}): string {
    const r = this.raw(field);
    return this.convert(opts.raw ?? r.text, opts.format ?? r.format, field, opts.body);
  }

  /** Converts `raw` as text of `field` (for text a reader has already cut, e.g. a Cloze answer). */
  convert(raw: string, format: string | undefined, field: XmlElement | undefined, body = false): string {
    const own = field ? (this.files.get(field) ?? []) : [];
    const out = convertMoodleText(
      raw,
      format,
      (name) => {
        const f = own.find((o) => o.name === name) ?? this.anyFile.get(name);
        return f ? this.file.media.add(f) : undefined;
      },
      { body },
    );
    for (const m of out.missing) this.missing.add(m);
    return out.text;
  }

  /** Says, once, what of the question could not be kept (and which referenced files were missing). */
  finish(): void {
    if (this.missing.size > 0)
      this.warn(
        `${this.label}: ${[...this.missing].map((m) => `"${m}"`).join(', ')} ${this.missing.size === 1 ? 'is' : 'are'} referenced but not embedded (or not an image or audio file Lectern shows): left out`,
      );
    if (this.notKept.size > 0)
      this.warn(`${this.label}: Lectern does not keep ${[...this.notKept].join('; ')}`);
  }
}
