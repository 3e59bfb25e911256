// The one public entry of exports: routes, the CLI and benchmarks import from here, never from
// the files behind it. Fingerprints are applied in one place, `document/export-document.ts`
// (`renderText`); every format lays out the text it returns.
export { createExport } from './create-export';
export { getExportFile } from './get-export-file';
export { listExportsForViewer } from './list-exports';
export { traceLeakInNegotiation, type LeakedExcerpt } from './trace/trace-leak';
export {
  databaseExportRegistry,
  fileExportRegistry,
  traceInputs,
  type ExportRegistry,
  type RecordedExport,
} from './trace/export-registry';
export { ExtractTextError, extractText, extractTextFromBytes } from './extract/extract-text';
export { extractPdfText } from './extract/extract-pdf-text';
export { renderText, type ExportDocument, type RenderedText } from './document/export-document';
export { FILE_TYPES, type RenderedFile } from './render/file-types';
export { renderBytes } from './render/render-file';
export { renderInPool } from './render/render-in-pool';
export { renderPdf } from './render/render-pdf';
