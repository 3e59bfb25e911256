import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import mammoth from 'mammoth';
import { extractPdfText } from './extract-pdf-text';

/** Why a leaked file could not be read; the message is safe to print. */
export class ExtractTextError extends Error {}

/** The plain text of a leaked file: .txt/.md as is, .docx through mammoth, .pdf through pdfjs. */
export async function extractText(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    throw new ExtractTextError(`cannot read ${file}`);
  }
  if (bytes.length === 0) throw new ExtractTextError(`${file} is empty`);
  const extension = extname(file).toLowerCase();
  if (extension === '.docx') {
    let text: string;
    try {
      text = (await mammoth.extractRawText({ buffer: bytes })).value;
    } catch {
      throw new ExtractTextError(`${file} is not a readable DOCX file`);
    }
    if (text.trim() === '') throw new ExtractTextError(`${file} contains no text`);
    return text;
  }
  if (extension === '.pdf' || bytes.subarray(0, 5).toString('latin1') === '%PDF-') return readPdf(file, bytes);
  const text = bytes.toString('utf8');
  if (text.includes('\u0000')) throw new ExtractTextError(`${file} is not a text file`);
  if (text.trim() === '') throw new ExtractTextError(`${file} contains no text`);
  return text;
}

async function readPdf(file: string, bytes: Buffer): Promise<string> {
  let text: string;
  try {
    text = await extractPdfText(bytes);
  } catch {
    throw new ExtractTextError(`${file} is not a readable PDF file`);
  }
  // A scanned PDF has pages but no text layer: say so rather than trace nothing.
  if (text.trim() === '') throw new ExtractTextError(`${file} contains no text (a scanned PDF needs OCR first)`);
  return text;
}
