/**
 * The discussion sheet as Markdown (for the Markdown export) and as a complete, self-contained HTML
 * document (for the PDF export): every text escaped, no scripts, no remote resources, print CSS.
 */
import type { Inline } from '../markdown';
import { parseInline } from '../markdown';
import { cleanTitle } from '../pack/clean-title';
import type { DiscussionSheet } from './discussion';

/** Options of the renderers. */
export interface SheetRenderOptions {
  /** A date line under the title, e.g. "2026-03-15"; none when left out. */
  date?: string;
  /** The document language (HTML `lang`), default "en". */
  language?: string;
}

function oneLine(text: string): string {
  return cleanTitle(text.replace(/\s*\n\s*/g, ' ')).trim();
}

/** Escapes Markdown punctuation so a student's own words render as typed. */
export function escapeMarkdown(text: string): string {
  return oneLine(text).replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => `\\${c}`);
}

/**
 * Escapes the characters that could start HTML, an entity, a link, an image, emphasis or code, and
 * nothing else, so ordinary text reads as written in the `.md` file.
 */
function escapeText(text: string): string {
  return escapeInline(oneLine(text));
}

function escapeInline(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/[\\`*_[\]<>&~]/g, (c) => `\\${c}`);
}

/** Images the pack carries itself (embedded data); anything else would load from elsewhere. */
const OWN_IMAGE = /^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=]*$/i;
const WEB_LINK = /^https?:\/\/[^\s<>()]+$/i;

function inlineMarkdown(nodes: readonly Inline[]): string {
  return nodes.map(inlineNodeMarkdown).join('');
}

function inlineNodeMarkdown(n: Inline): string {
  switch (n.type) {
    case 'text':
      return escapeInline(n.value);
    case 'code': {
      const longest = Math.max(0, ...(n.value.match(/`+/g) ?? []).map((r) => r.length));
      const fence = '`'.repeat(longest + 1);
      return `${fence} ${oneLine(n.value)} ${fence}`;
    }
    case 'strong':
      return `**${inlineMarkdown(n.children)}**`;
    case 'em':
      return `*${inlineMarkdown(n.children)}*`;
    // As in the app: only web links stay links; `javascript:`, `file:` and the like become their text.
    case 'link':
      return WEB_LINK.test(n.href)
        ? `[${inlineMarkdown(n.children)}](${n.href})`
        : inlineMarkdown(n.children);
    // As in the app: only the pack's own embedded images are images; a remote one is its description.
    case 'image':
      return OWN_IMAGE.test(n.src)
        ? `![${escapeText(n.alt)}](${n.src})`
        : `\\[image: ${escapeText(n.alt)}\\]`;
    default:
      return '';
  }
}

/** Pack text (safe-subset Markdown) as Markdown that cannot carry raw HTML or foreign resources. */
function safeMarkdown(text: string): string {
  return inlineMarkdown(parseInline(oneLine(text)));
}

/**
 * The sheet as Markdown. Pack text is re-written from its parsed form: HTML comes out as text,
 * links only to the web, images only when embedded in the pack (the PDF below does the same).
 */
export function discussionSheetMarkdown(sheet: DiscussionSheet, options: SheetRenderOptions = {}): string {
  const out: string[] = [`# Discussion sheet: ${escapeText(sheet.packTitle)}`, ''];
  if (options.date) out.push(`_${escapeText(options.date)}_`, '');
  if (sheet.chapters.length === 0) out.push('Nothing to discuss for the chosen chapters.', '');
  for (const chapter of sheet.chapters) {
    out.push(`## ${escapeText(chapter.title)}`, '');
    if (chapter.prompts.length > 0) {
      out.push('### For discussion', '');
      chapter.prompts.forEach((p, i) => {
        out.push(`${i + 1}. **${safeMarkdown(p.prompt)}**`);
        for (const point of p.points) out.push(`   - ${safeMarkdown(point)}`);
        if (p.sections.length > 0)
          out.push('', `   _Draws on: ${p.sections.map((s) => escapeText(s.title)).join('; ')}_`);
        out.push('');
      });
    }
    if (chapter.missed.length > 0) {
      out.push('### Facts to review', '');
      for (const m of chapter.missed) {
        out.push(`- **${safeMarkdown(m.prompt)}**  `);
        out.push(`  Answer: ${safeMarkdown(m.answer)}  `);
        if (m.given !== null) out.push(`  You answered: ${escapeMarkdown(m.given)}  `);
        if (m.explanation !== null) out.push(`  ${safeMarkdown(m.explanation)}  `);
        out.push(`  _Section: ${escapeText(m.sectionTitle)}_`, '');
      }
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function inlineHtml(nodes: readonly Inline[]): string {
  return nodes.map(inlineNodeHtml).join('');
}

function inlineNodeHtml(n: Inline): string {
  switch (n.type) {
    case 'text':
      return escapeHtml(n.value);
    case 'code':
      return `<code>${escapeHtml(n.value)}</code>`;
    case 'strong':
      return `<strong>${inlineHtml(n.children)}</strong>`;
    case 'em':
      return `<em>${inlineHtml(n.children)}</em>`;
    // A printed sheet has nowhere to navigate: a link is its text; an image is its description.
    case 'link':
      return inlineHtml(n.children);
    case 'image':
      return escapeHtml(n.alt);
    default:
      return '';
  }
}

function md(text: string): string {
  return inlineHtml(parseInline(oneLine(text)));
}

const CSS = `
@page { margin: 18mm 16mm; }
* { box-sizing: border-box; }
body { font: 11pt/1.45 Georgia, "Times New Roman", serif; color: #000; background: #fff; margin: 0 auto; max-width: 48rem; padding: 1rem; }
h1 { font-size: 18pt; margin: 0 0 .25rem; }
h2 { font-size: 14pt; margin: 1.4rem 0 .4rem; border-bottom: 1px solid #888; padding-bottom: .15rem; break-after: avoid; }
h3 { font-size: 11.5pt; margin: 1rem 0 .3rem; text-transform: uppercase; letter-spacing: .04em; break-after: avoid; }
.date { color: #444; margin: 0 0 1rem; }
ol, ul { padding-left: 1.4rem; }
li { margin: .25rem 0; break-inside: avoid; }
.prompt > p, .fact > p { margin: .15rem 0; }
.sources, .section { color: #444; font-style: italic; }
.label { font-weight: bold; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: 10pt; }
@media print { body { padding: 0; max-width: none; } }
`.trim();

/** The sheet as a complete HTML document: escaped text, no scripts, no remote resources, print CSS. */
export function discussionSheetHtml(sheet: DiscussionSheet, options: SheetRenderOptions = {}): string {
  const title = `Discussion sheet: ${oneLine(sheet.packTitle)}`;
  const body: string[] = [`<h1>${escapeHtml(title)}</h1>`];
  if (options.date) body.push(`<p class="date">${escapeHtml(options.date)}</p>`);
  if (sheet.chapters.length === 0) body.push('<p>Nothing to discuss for the chosen chapters.</p>');
  for (const chapter of sheet.chapters) {
    body.push('<section>', `<h2>${escapeHtml(oneLine(chapter.title))}</h2>`);
    if (chapter.prompts.length > 0) {
      body.push('<h3>For discussion</h3>', '<ol>');
      for (const p of chapter.prompts) {
        body.push(`<li class="prompt"><p><strong>${md(p.prompt)}</strong></p>`);
        if (p.points.length > 0) body.push(`<ul>${p.points.map((pt) => `<li>${md(pt)}</li>`).join('')}</ul>`);
        if (p.sections.length > 0) {
          body.push(
            `<p class="sources">Draws on: ${p.sections.map((s) => escapeHtml(oneLine(s.title))).join('; ')}</p>`,
          );
        }
        body.push('</li>');
      }
      body.push('</ol>');
    }
    if (chapter.missed.length > 0) {
      body.push('<h3>Facts to review</h3>', '<ul>');
      for (const m of chapter.missed) {
        body.push(`<li class="fact"><p><strong>${md(m.prompt)}</strong></p>`);
        body.push(`<p><span class="label">Answer:</span> ${md(m.answer)}</p>`);
        if (m.given !== null)
          body.push(`<p><span class="label">You answered:</span> ${escapeHtml(oneLine(m.given))}</p>`);
        if (m.explanation !== null) body.push(`<p>${md(m.explanation)}</p>`);
        body.push(`<p class="section">Section: ${escapeHtml(oneLine(m.sectionTitle))}</p></li>`);
      }
      body.push('</ul>');
    }
    body.push('</section>');
  }
  const lang = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(options.language ?? '')
    ? (options.language as string)
    : 'en';
  return [
    '<!doctype html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>\n${CSS}\n</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
