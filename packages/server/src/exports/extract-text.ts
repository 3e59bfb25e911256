import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import mammoth from 'mammoth';

/** Why a leaked file could not be read; the message is safe to print. */
export class ExtractTextError extends Error {}

/** The plain text of a leaked file: .txt/.md as is, .docx through mammoth. */
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
    try {
      return (await mammoth.extractRawText({ buffer: bytes })).value;
    } catch {
      throw new ExtractTextError(`${file} is not a readable DOCX file`);
    }
  }
  // TODO(#8): PDF text extraction (pdfjs-dist legacy build) is not wired in yet.
  if (extension === '.pdf') throw new ExtractTextError('PDF input is not supported yet: convert it to text first');
  const text = bytes.toString('utf8');
  if (text.includes('\u0000')) throw new ExtractTextError(`${file} is not a text file`);
  if (text.trim() === '') throw new ExtractTextError(`${file} contains no text`);
  return text;
}
