import type { RenderedText } from '../document/export-document';
import { spansOf } from '../document/redline-marks';

// Redlines as HTML <del>/<ins>, which Markdown viewers show struck through and underlined.
const withRevisions = (paragraph: string) =>
  spansOf(paragraph)
    .map((span) =>
      span.op === 'equal'
        ? span.text
        : span.op === 'insert'
          ? `<ins>${span.text}</ins>`
          : `<del>${span.text}</del>`,
    )
    .join('');

/** Markdown: `# title`, italic subtitle lines, `## section`, one paragraph per block. */
export function renderMarkdown(text: RenderedText): string {
  const parts = [`# ${text.title}`];
  if (text.subtitle.length > 0) parts.push(text.subtitle.map((line) => `_${line}_`).join('  \n'));
  for (const section of text.sections) {
    if (section.heading !== null) parts.push(`## ${section.heading}`);
    parts.push(...section.paragraphs.map(withRevisions));
  }
  // Verbatim, in a fenced block: the footer's signed checkpoint must keep its lines, blank line
  // included, for the file itself to be given to `parley audit verify --checkpoint`.
  if (text.footer.length > 0) parts.push('---', ['```text', ...text.footer, '```'].join('\n'));
  return `${parts.join('\n\n')}\n`;
}
