// The zip inside a DOCX, read with the server's one zip reader (zip/zip-entries.mjs), which trusts
// nothing the archive declares; here only what a DOCX adds: a cap on the whole, and its own words.
import { Buffer } from 'node:buffer';
import { listZipEntries, readZipEntry, ZipRefusal } from '../../zip/zip-entries.mjs';
import { Refusal } from './refusal.mjs';

/** What the zip reader says of a file that is no zip, or a broken one: a DOCX reader's words. */
const NOT_A_ZIP = new Set(['is not a zip file', 'is a damaged zip file']);

function asRefusal(error) {
  if (!(error instanceof ZipRefusal)) return error;
  return new Refusal(NOT_A_ZIP.has(error.message) ? 'is not a readable DOCX file' : error.message);
}

/** The DOCX's entries, refused past `limits.maxEntries` or when they declare more than `limits.maxUncompressedBytes`. */
export function zipEntries(bytes, limits) {
  let entries;
  try {
    entries = listZipEntries(bytes, limits.maxEntries);
  } catch (error) {
    throw asRefusal(error);
  }
  const declared = entries.reduce((sum, entry) => sum + entry.declaredSize, 0);
  if (declared > limits.maxUncompressedBytes)
    throw new Refusal(`expands to ${declared} bytes (at most ${limits.maxUncompressedBytes})`);
  return entries;
}

/** One entry's bytes; inflation stops as soon as it passes the entry's declared size. */
export function readEntry(bytes, entry) {
  try {
    return Buffer.from(readZipEntry(bytes, entry));
  } catch (error) {
    throw asRefusal(error);
  }
}
