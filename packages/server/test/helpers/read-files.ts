import { inflateRawSync } from 'node:zlib';
// Must come before pdfjs-dist, which replaces JSON.stringify.
import { restoreNativeJson } from '../../src/exports/extract/native-json';
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { openPdf } from '../../src/exports/extract/extract-pdf-text';

/**
 * The entries of a zip file (a DOCX) by name, read from its central directory: a test opens the
 * real file the way Word does, not through the code under test.
 */
export function readZip(bytes: Buffer): Map<string, string> {
  const entries = new Map<string, string>();
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  for (let index = 0; index < count; index++) {
    const method = bytes.readUInt16LE(at + 10);
    const compressed = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    const dataAt = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(dataAt, dataAt + compressed);
    entries.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

export type PdfPage = {
  readonly text: string;
  /** Colours (#rrggbb) that lines were stroked in: pdfkit draws underline and strike-through as strokes. */
  readonly strokeColours: readonly string[];
};

const hex = (args: unknown[]): string =>
  typeof args[0] === 'string'
    ? args[0].toLowerCase()
    : `#${args
        .slice(0, 3)
        .map((value) => Number(value).toString(16).padStart(2, '0'))
        .join('')}`;

/** Each page's text (pdfjs, a line break where the PDF ends a line) and the colours its strokes use. */
export async function readPdf(bytes: Buffer): Promise<PdfPage[]> {
  const pdf = await openPdf(bytes);
  try {
    const pages: PdfPage[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      const operators = await page.getOperatorList();
      let colour = '#000000';
      const strokeColours: string[] = [];
      operators.fnArray.forEach((fn, index) => {
        if (fn === OPS.setStrokeRGBColor) colour = hex(operators.argsArray[index] as unknown[]);
        if (fn === OPS.stroke || fn === OPS.constructPath) strokeColours.push(colour);
      });
      pages.push({
        text: content.items
          .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
          .join(''),
        strokeColours,
      });
    }
    return pages;
  } finally {
    await pdf.destroy();
    restoreNativeJson();
  }
}

/** One run of text as pdfjs reads it: where it starts, how wide it is, and the face it is set in. */
export type PdfTextItem = {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  /** The embedded font's name without its subset prefix, e.g. `DejaVuSans-Oblique`. */
  readonly font: string;
};

/** Every page's text items in drawing order, with position and font. */
export async function readPdfItems(bytes: Buffer): Promise<PdfTextItem[][]> {
  const pdf = await openPdf(bytes);
  try {
    const pages: PdfTextItem[][] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      // Fonts reach commonObjs while the operator list is built.
      await page.getOperatorList();
      const content = await page.getTextContent();
      const fontOf = (id: string) =>
        String((page.commonObjs.get(id) as { name?: string } | null)?.name ?? id).replace(/^[A-Z]{6}\+/, '');
      pages.push(
        content.items.flatMap((item) =>
          'str' in item && item.str !== ''
            ? [
                {
                  text: item.str,
                  x: Number(item.transform[4]),
                  y: Number(item.transform[5]),
                  width: item.width,
                  font: fontOf(item.fontName),
                },
              ]
            : [],
        ),
      );
    }
    return pages;
  } finally {
    await pdf.destroy();
    restoreNativeJson();
  }
}
