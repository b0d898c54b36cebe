/**
 * Moodle's text formats → the text Lectern stores. HTML (and Moodle's auto-format, which allows it) is
 * reduced to plain text as every Lectern reader does; its images become `![alt](media:NAME)` and its
 * links to embedded audio `[sound:NAME]` (the media contract of core/pack/media.ts); remote images keep
 * only their alt text. Markdown and plain text are kept as written, `@@PLUGINFILE@@/` references
 * resolved.
 */
import { decodeEntities, htmlToText, toSafeMarkdownBody } from '../html-text';

/** Finds the media name of a file a text refers to (`@@PLUGINFILE@@/NAME`), or undefined. */
export type ResolveFile = (fileName: string) => { name: string; type: string } | undefined;

/** The converted text and the referenced files that were not embedded. */
export interface ConvertedText {
  text: string;
  missing: string[];
}

const PLUGINFILE = '@@PLUGINFILE@@/';

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? decodeEntities(m[2] ?? m[3] ?? m[4] ?? '') : undefined;
}

/** The file name a `@@PLUGINFILE@@/…` URL names (percent-decoded, query dropped), or undefined. */
export function pluginFileName(url: string): string | undefined {
  if (!url.startsWith(PLUGINFILE)) return undefined;
  const path = url.slice(PLUGINFILE.length).split(/[?#]/)[0] ?? '';
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** Alt text safe inside `![…]`. */
function altText(alt: string): string {
  return alt
    .replace(/[[\]\n\r]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Converts `raw` in Moodle `format` (`html`, `moodle_auto_format`, `plain_text`, `markdown`; unknown or
 * missing is auto-format). With `body`, the result is made safe as a Markdown section body.
 */
export function convertMoodleText(
  raw: string,
  format: string | undefined,
  resolve: ResolveFile,
  opts: { body?: boolean } = {},
): ConvertedText {
  const missing: string[] = [];
  const media: string[] = [];
  const mark = (markdown: string) => {
    media.push(markdown);
    return `\uE300${media.length - 1}\uE301`;
  };
  const image = (src: string | undefined, alt: string) => {
    const file = src === undefined ? undefined : pluginFileName(src);
    if (file === undefined) return alt ? ` ${alt} ` : ' ';
    const found = resolve(file);
    if (!found) {
      missing.push(file);
      return alt ? ` ${alt} ` : ' ';
    }
    return found.type.startsWith('audio/')
      ? mark(`[sound:${found.name}]`)
      : mark(`![${altText(alt)}](media:${found.name})`);
  };
  let text: string;
  if (format === 'markdown' || format === 'plain_text') {
    text = raw.replace(
      /(!?)\[([^\]]*)\]\(\s*(@@PLUGINFILE@@\/[^)\s]*)[^)]*\)/g,
      (_, bang: string, label: string, src: string) => {
        if (bang) return image(src, label).trim();
        // A link to an embedded file: its label stays (unless it is only the file's name).
        const shown = image(src, '').trim();
        return label === '' || label === pluginFileName(src) ? shown : `${label} ${shown}`;
      },
    );
    text = text.trim();
  } else {
    const html = raw
      .replace(/<img\b[^>]*>/gi, (tag) => image(attr(tag, 'src'), altText(attr(tag, 'alt') ?? '')))
      .replace(/<(audio|video)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, (whole) => {
        const src = attr(whole, 'src') ?? /<source\b[^>]*>/i.exec(whole)?.[0];
        const url = src?.startsWith('<') ? attr(src, 'src') : src;
        return image(url, '');
      })
      .replace(/<a\b[^>]*>([\s\S]*?)<\/a\s*>/gi, (whole, label: string) => {
        const href = attr(whole.slice(0, whole.indexOf('>') + 1), 'href');
        if (href === undefined || pluginFileName(href) === undefined) return label;
        return `${label} ${image(href, '')}`;
      });
    text = htmlToText(html, format === 'html')
      .replace(/[ \t]+\n/g, '\n')
      .replace(/ {2,}/g, ' ');
  }
  if (opts.body) text = toSafeMarkdownBody(text).text;
  if (media.length > 0) text = text.replace(/\uE300(\d+)\uE301/g, (_, i: string) => media[Number(i)] ?? '');
  return { text: text.trim(), missing };
}
