// The one public entry of exports: routes, the CLI and benchmarks import from here, never from
// the files behind it. Fingerprints are applied in one place, `document/export-document.ts`
// (`renderText`); every format lays out the text it returns.
import type * as PdfReading from './extract/extract-pdf-text';
import type * as FileRendering from './render/render-file';
import type * as PdfRendering from './render/render-pdf';

export { createExport } from './create-export';
export { getExportFile } from './get-export-file';
export { listExportsForViewer } from './list-exports';
export { traceLeakInNegotiation, MAX_LEAKED_FILE_TEXT, type LeakedExcerpt } from './trace/trace-leak';
export {
  databaseExportRegistry,
  fileExportRegistry,
  traceInputs,
  type ExportRegistry,
  type RecordedExport,
} from './trace/export-registry';
export { traceReport } from './trace/trace-report';
export { ExtractTextError, extractText, extractTextFromBytes } from './extract/extract-text';
export { renderText, type ExportDocument, type RenderedText } from './document/export-document';
export { FILE_TYPES, type RenderedFile } from './render/file-types';
export { renderInPool } from './render/render-in-pool';

// PDF and DOCX layout (pdfkit, docx) and PDF reading (pdfjs) load on first use, not with this entry:
// a server that imports it starts without them (issue #17 item 4); exports lay out in the engine's
// threads anyway (`renderInPool`).
export async function renderBytes(
  ...args: Parameters<typeof FileRendering.renderBytes>
): ReturnType<typeof FileRendering.renderBytes> {
  return (await import('./render/render-file')).renderBytes(...args);
}

export async function renderPdf(
  ...args: Parameters<typeof PdfRendering.renderPdf>
): ReturnType<typeof PdfRendering.renderPdf> {
  return (await import('./render/render-pdf')).renderPdf(...args);
}

export async function extractPdfText(
  ...args: Parameters<typeof PdfReading.extractPdfText>
): ReturnType<typeof PdfReading.extractPdfText> {
  return (await import('./extract/extract-pdf-text')).extractPdfText(...args);
}
