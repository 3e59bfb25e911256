// Must come first: it captures the native JSON.stringify before pdfjs-dist replaces it.
import { restoreNativeJson } from './native-json';
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { pageText } from './pdf-page-text.mjs';

restoreNativeJson();

/** A PDF opened for reading its text: no code from the file runs, no system font is looked up. */
export function openPdf(bytes: Uint8Array) {
  return getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: VerbosityLevel.ERRORS,
  }).promise.finally(restoreNativeJson);
}

/**
 * The text of a PDF, page by page, a line break where the PDF ends a line. pdfjs-dist's legacy
 * build is the one meant for Node; without fonts or a canvas it still reads text content.
 */
export async function extractPdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await openPdf(bytes);
  try {
    const pages: string[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const content = await (await pdf.getPage(number)).getTextContent();
      pages.push(pageText(content.items));
    }
    return pages.join('\n');
  } finally {
    await pdf.destroy();
    restoreNativeJson();
  }
}
