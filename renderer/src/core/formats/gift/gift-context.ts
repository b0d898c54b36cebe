/**
 * What the GIFT question readers share: the context one block is read in, its comment tags, and the
 * conversion of a span of the block to stored text.
 */
import type { QuestionType } from '../../pack/schema';
import type { PackBuilder, SourcePos, Where } from '../pack-builder';
import type { Span } from './gift-answers';
import type { GiftBlock, PlacedTag } from './gift-blocks';
import { convertGiftText, type GiftFormat, readFormatPrefix } from './gift-text';

/** A Lectern question type, or a discussion prompt (GIFT's essay). */
export type LecternKind = QuestionType | 'discussion';

const NO_TAGS: readonly PlacedTag[] = [];

/** The block's tags with `key`, in order (no allocation when there are none). */
export function tagsOf(tags: readonly PlacedTag[], key: string): readonly PlacedTag[] {
  let out: PlacedTag[] | undefined;
  for (const t of tags) {
    if (t.key !== key) continue;
    if (out) out.push(t);
    else out = [t];
  }
  return out ?? NO_TAGS;
}

/** The block's first tag with `key`. */
export function tagOf(tags: readonly PlacedTag[], key: string): PlacedTag | undefined {
  for (const t of tags) if (t.key === key) return t;
  return undefined;
}

/** Context a question block is read in. */
export interface Ctx {
  block: GiftBlock;
  builder: PackBuilder;
  tags: readonly PlacedTag[];
  content: string;
  masked: string;
  format: GiftFormat;
  /** Records where a part of the question is (a content offset or a tag's place); a no-op unless locating. */
  mark: (key: string, at: number | SourcePos) => void;
  /** What the builder gets: the recorded places, or the block's first line to find them again. */
  where: Where;
}

/** The question's text around the answer block. */
export interface PromptParts {
  prompt: string;
  withBlank: string;
  blank: string;
  missingWord: boolean;
}

/** Text of a span, honouring a `[format]` prefix of its own (Moodle allows one per answer). */
export function spanText(ctx: Ctx, span: Span | undefined): string {
  if (!span) return '';
  const raw = ctx.content.slice(span.start, span.end);
  const prefix = readFormatPrefix(raw);
  return convertGiftText(raw.slice(prefix.length), prefix.format ?? ctx.format);
}
