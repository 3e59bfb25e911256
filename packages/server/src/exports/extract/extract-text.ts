import { extname } from 'node:path';
import { readBoundedFile, UnreadableFileError } from '../../read-bounded-file';
import {
  EXTRACT_LIMITS,
  ExtractRefusal,
  extractInWorker,
  type ExtractKind,
  type ExtractLimits,
} from './extract-in-worker';

/** A leaked copy is a document, images and all; a file of gigabytes is not one (and no string holds it). */
const LEAKED_FILE_MAX_BYTES = 128 * 1024 * 1024;

/** Why a leaked file could not be read; the message is safe to print. */
export class ExtractTextError extends Error {}

/** The plain text of a leaked file on disk: .txt/.md as is, .docx and .pdf read in a worker within limits. */
export async function extractText(file: string, limits: ExtractLimits = EXTRACT_LIMITS): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readBoundedFile(file, LEAKED_FILE_MAX_BYTES);
  } catch (error) {
    throw new ExtractTextError(error instanceof UnreadableFileError ? error.message : `cannot read ${file}`);
  }
  return extractTextFromBytes(bytes, file, { limits });
}

/** The same for bytes that arrived some other way (an upload); `name` gives the extension and the messages. */
export async function extractTextFromBytes(
  bytes: Buffer,
  name: string,
  options: { limits?: ExtractLimits; asPlan?: boolean } = {},
): Promise<string> {
  const limits = options.limits ?? EXTRACT_LIMITS;
  if (bytes.length === 0) throw new ExtractTextError(`${name} is empty`);
  const extension = extname(name).toLowerCase();
  if (extension === '.docx')
    return readInWorker(options.asPlan === true ? 'docx-plan' : 'docx', { name, bytes, limits });
  if (extension === '.pdf' || bytes.subarray(0, 5).toString('latin1') === '%PDF-')
    return readInWorker('pdf', { name, bytes, limits });
  const text = decodeText(bytes, name, options.asPlan === true);
  if (text.includes('\u0000')) throw new ExtractTextError(`${name} is not a text file`);
  if (text.trim() === '') throw new ExtractTextError(`${name} contains no text`);
  return text;
}

/**
 * UTF-8, or what else the bytes are. A plan must be UTF-8 (as `parley plan import` says): decoded
 * leniently, "Café" in Latin-1 became "Caf\uFFFD" in the plan. A leaked copy is read as it comes: not
 * UTF-8, it is most likely Windows-1252 (Latin-1 and its superset), which every byte decodes to.
 */
function decodeText(bytes: Buffer, name: string, isPlan: boolean): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    if (isPlan) throw new ExtractTextError(`${name} is not UTF-8 text: save it as UTF-8, or as a DOCX file`);
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

async function readInWorker(
  kind: ExtractKind,
  input: { name: string; bytes: Buffer; limits: ExtractLimits },
): Promise<string> {
  let text: string;
  try {
    text = await extractInWorker(kind, input.bytes, input.limits);
  } catch (error) {
    if (error instanceof ExtractRefusal) throw new ExtractTextError(`${input.name} ${error.message}`);
    throw error;
  }
  // A scanned PDF has pages but no text layer: say so rather than trace nothing.
  if (text.trim() === '')
    throw new ExtractTextError(
      kind === 'pdf'
        ? `${input.name} contains no text (a scanned PDF needs OCR first)`
        : `${input.name} contains no text`,
    );
  return text;
}
