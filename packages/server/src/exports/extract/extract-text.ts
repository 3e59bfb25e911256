import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import mammoth from 'mammoth';
import { extractPdfText } from './extract-pdf-text';

/** Why a leaked file could not be read; the message is safe to print. */
export class ExtractTextError extends Error {}

/** The plain text of a leaked file on disk: .txt/.md as is, .docx through mammoth, .pdf through pdfjs. */
export async function extractText(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    throw new ExtractTextError(`cannot read ${file}`);
  }
  return extractTextFromBytes(bytes, file);
}

/** The same for bytes that arrived some other way (an upload); `name` gives the extension and the messages. */
export async function extractTextFromBytes(bytes: Buffer, name: string): Promise<string> {
  if (bytes.length === 0) throw new ExtractTextError(`${name} is empty`);
  const extension = extname(name).toLowerCase();
  if (extension === '.docx') {
    let text: string;
    try {
      text = (await mammoth.extractRawText({ buffer: bytes })).value;
    } catch {
      throw new ExtractTextError(`${name} is not a readable DOCX file`);
    }
    if (text.trim() === '') throw new ExtractTextError(`${name} contains no text`);
    return text;
  }
  if (extension === '.pdf' || bytes.subarray(0, 5).toString('latin1') === '%PDF-')
    return readPdf(name, bytes);
  const text = bytes.toString('utf8');
  if (text.includes('\u0000')) throw new ExtractTextError(`${name} is not a text file`);
  if (text.trim() === '') throw new ExtractTextError(`${name} contains no text`);
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
  if (text.trim() === '')
    throw new ExtractTextError(`${file} contains no text (a scanned PDF needs OCR first)`);
  return text;
}
