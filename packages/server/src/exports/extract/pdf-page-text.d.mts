import type { TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api';

/** A page's text from pdfjs text items: a line break where the PDF ends a line. */
export function pageText(items: readonly (TextItem | TextMarkedContent)[]): string;
