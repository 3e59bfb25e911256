import { DomainError, type ExportFormat } from '@parley/core';
import type { AppDeps } from '../../services/deps';
import type { RenderedText } from '../document/export-document';
import { FILE_TYPES, type RenderedFile } from './file-types';

function charactersOf(text: RenderedText): number {
  let characters = text.title.length;
  for (const line of text.subtitle) characters += line.length;
  for (const section of text.sections)
    for (const paragraph of section.paragraphs) characters += paragraph.length;
  return characters;
}

/**
 * Lays out an export in a pool thread with a size and a time budget (#14, item 7): laying out a
 * whole history as PDF took the event loop for seconds, and every other request waited. Too large
 * a text is refused before any work (413); a layout over its time is stopped (422); a full pool
 * answers 503, as for analyses.
 */
export async function renderInPool(
  deps: Pick<AppDeps, 'engine' | 'budgets'>,
  text: RenderedText,
  input: { format: ExportFormat; createdAt: Date },
): Promise<RenderedFile> {
  const characters = charactersOf(text);
  if (characters > deps.budgets.maxExportCharacters)
    throw new DomainError(
      'work-too-large',
      `An export is limited to ${deps.budgets.maxExportCharacters} characters of text; this one has ${characters}. Export fewer versions or one point.`,
    );
  const bytes = await deps.engine.run(
    { kind: 'render-file', text, format: input.format, createdAt: input.createdAt.toISOString() },
    { timeoutMs: deps.budgets.exportRenderTimeMs },
  );
  return {
    bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    ...FILE_TYPES[input.format],
  };
}
