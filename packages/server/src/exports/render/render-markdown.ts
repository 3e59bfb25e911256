import type { RenderedText } from '../document/export-document';

/** Markdown: `# title`, italic subtitle lines, `## section`, one paragraph per block. */
export function renderMarkdown(text: RenderedText): string {
  const parts = [`# ${text.title}`];
  if (text.subtitle.length > 0) parts.push(text.subtitle.map((line) => `_${line}_`).join('  \n'));
  for (const section of text.sections) {
    if (section.heading !== null) parts.push(`## ${section.heading}`);
    parts.push(...section.paragraphs);
  }
  if (text.footer.length > 0) parts.push('---', text.footer.map((line) => `_${line}_`).join('  \n'));
  return `${parts.join('\n\n')}\n`;
}
