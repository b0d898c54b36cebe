/**
 * Splits GIFT text into blocks — one question, description or `$CATEGORY:` each — at blank lines, as
 * Moodle does. `//` comment lines are taken out of the block's content and their `[key:value]` tags kept.
 * A block remembers where its content lines came from, so any offset maps back to line:column.
 * Written for 100k-question files: one pass, no per-line string copies except the content itself.
 */
import type { SourcePos } from '../pack-builder';
import { type CommentTag, readCommentTags } from './gift-text';

/** A tag from a comment line; its line and column make it its own place in the file. */
export type PlacedTag = CommentTag;

/** One blank-line-separated block of a GIFT file. */
export interface GiftBlock {
  /** The non-comment lines, joined with `\n`. */
  content: string;
  /** 1-based file line of the first content line. */
  firstLine: number;
  /** File line of each content line, when comment lines interrupt the content (else consecutive). */
  lineNumbers?: number[];
  tags: PlacedTag[];
  /** Place of the block's first line (comment or content). */
  at: SourcePos;
  /** Offsets in `content` where each line starts; computed when first needed. */
  starts?: number[];
}

/** The file place of `offset` in a block's content. */
export function placeInBlock(block: GiftBlock, offset: number): SourcePos {
  let starts = block.starts;
  if (!starts) {
    starts = [0];
    let at = block.content.indexOf('\n');
    while (at !== -1) {
      starts.push(at + 1);
      at = block.content.indexOf('\n', at + 1);
    }
    block.starts = starts;
  }
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  const line = block.lineNumbers ? (block.lineNumbers[lo] ?? block.firstLine) : block.firstLine + lo;
  return { line, column: offset - (starts[lo] ?? 0) + 1 };
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 11 || c === 12 || c === 0xa0 || c === 0xfeff;
}

/** Where and how {@link splitGiftBlocks} runs. */
export interface SplitOptions {
  /** Offset of the line to start at (default 0) and its 1-based line number (default 1). */
  from?: number;
  firstLine?: number;
  onProgress?: (fraction: number) => void;
}

/**
 * Splits `text` (LF line ends) into blocks, handing each to `onBlock` as soon as it ends, so a block
 * can be garbage as soon as it is read. `onBlock` returns `false` to stop.
 */
export function splitGiftBlocks(
  text: string,
  onBlock: (block: GiftBlock) => boolean | undefined,
  options: SplitOptions = {},
): void {
  const onProgress = options.onProgress;
  let stop = false;
  let block: GiftBlock | undefined;
  let parts: string[] | undefined;
  let contentStart = -1;
  let contentEnd = -1;
  let lastContentLine = 0;
  const close = () => {
    if (block) {
      block.content = parts
        ? parts.join('\n')
        : contentStart === -1
          ? ''
          : text.slice(contentStart, contentEnd);
      stop = onBlock(block) === false;
    }
    block = undefined;
    parts = undefined;
    contentStart = -1;
  };
  let lineNo = (options.firstLine ?? 1) - 1;
  let start = options.from ?? 0;
  let nextReport = start + (1 << 20);
  while (start <= text.length && !stop) {
    lineNo++;
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (onProgress && start > nextReport) {
      onProgress(start / text.length);
      nextReport = start + (1 << 20);
    }
    let first = start;
    while (first < end && isSpace(text.charCodeAt(first))) first++;
    if (first === end) close();
    else {
      block ??= { content: '', firstLine: lineNo, tags: [], at: { line: lineNo, column: 1 } };
      if (text.charCodeAt(first) === 47 && text.charCodeAt(first + 1) === 47) {
        const bracket = text.indexOf('[', first);
        if (bracket !== -1 && bracket < end)
          for (const tag of readCommentTags(text.slice(start, end), lineNo)) block.tags.push(tag);
      } else if (contentStart === -1) {
        contentStart = start;
        contentEnd = end;
        block.firstLine = lineNo;
        lastContentLine = lineNo;
      } else {
        if (!parts && lastContentLine !== lineNo - 1) {
          // A comment line interrupted the content: copy lines from now on.
          const firstLine = block.firstLine;
          parts = text.slice(contentStart, contentEnd).split('\n');
          block.lineNumbers = parts.map((_, k) => firstLine + k);
        }
        if (parts) {
          parts.push(text.slice(start, end));
          block.lineNumbers?.push(lineNo);
        }
        contentEnd = end;
        lastContentLine = lineNo;
      }
    }
    start = end + 1;
  }
  if (!stop) close();
}
