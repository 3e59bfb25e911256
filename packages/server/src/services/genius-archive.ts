import { type SourceFile } from '@parley/engine';
import { strToU8, zipSync } from 'fflate';
import { DomainError } from '@parley/core';
import { listZipEntries, readZipEntry, ZipRefusal } from '../zip/zip-entries.mjs';

/**
 * Limits on an uploaded GENIUS folder (a zip): the largest shared scenario file is under 100 KB,
 * so these leave room for real scenarios and none for a zip bomb (issue #13's hostile files).
 */
export const GENIUS_ARCHIVE_LIMITS = {
  maxEntries: 32,
  maxEntryBytes: 512 * 1024,
  maxTotalBytes: 1024 * 1024,
  maxXmlDepth: 16,
} as const;

/** The files as one zip, inside a folder named `folder` so that unzipping gives the GENIUS folder. */
export function zipFolder(folder: string, files: readonly SourceFile[]): Uint8Array {
  return zipSync(
    Object.fromEntries(files.map((file) => [`${folder}/${file.name}`, strToU8(file.contents)])),
    // A fixed time keeps the bytes the same for the same scenario (the zip stores mtimes).
    { level: 6, mtime: new Date('2020-01-01T00:00:00Z') },
  );
}

const refuse = (message: string) =>
  new DomainError('invalid-input', `The GENIUS folder ${message}.`, { field: 'archive' });

/**
 * The XML files of an uploaded zip (any folder inside it; other files are ignored), within
 * GENIUS_ARCHIVE_LIMITS. Declared sizes are checked before anything is inflated, and inflation
 * stops as soon as an entry passes its declared size, so the work stays within the limits whatever
 * the zip claims (a zip that points every entry at one huge stream once took 45 s of event loop).
 */
export function unzipGeniusFolder(base64: string): SourceFile[] {
  const bytes = Buffer.from(base64, 'base64');
  const files: SourceFile[] = [];
  for (const [name, content] of readXmlEntries(bytes)) {
    if (files.some((file) => file.name === name)) throw refuse(`holds two files named ${name}`);
    const contents = decodeUtf8(name, content);
    const depth = xmlDepth(contents);
    if (depth > GENIUS_ARCHIVE_LIMITS.maxXmlDepth)
      throw refuse(
        `holds ${name}, nested ${depth} elements deep (at most ${GENIUS_ARCHIVE_LIMITS.maxXmlDepth})`,
      );
    files.push({ name, contents });
  }
  if (files.length === 0) throw refuse('holds no XML file');
  return files;
}

/** The bytes of each XML entry by base name, after every declared size was checked against the limits. */
function readXmlEntries(bytes: Uint8Array): Array<[string, Uint8Array]> {
  try {
    const entries = listZipEntries(bytes, GENIUS_ARCHIVE_LIMITS.maxEntries).filter(
      (entry) => entry.name.toLowerCase().endsWith('.xml') && !baseName(entry.name).startsWith('.'),
    );
    let total = 0;
    for (const entry of entries) {
      if (entry.declaredSize > GENIUS_ARCHIVE_LIMITS.maxEntryBytes)
        throw refuse(`holds ${entry.name}, larger than ${GENIUS_ARCHIVE_LIMITS.maxEntryBytes} bytes`);
      total += entry.declaredSize;
      if (total > GENIUS_ARCHIVE_LIMITS.maxTotalBytes)
        throw refuse(`expands beyond ${GENIUS_ARCHIVE_LIMITS.maxTotalBytes} bytes`);
    }
    return entries.map((entry) => [baseName(entry.name), readZipEntry(bytes, entry)]);
  } catch (error) {
    if (error instanceof ZipRefusal) throw refuse(error.message);
    throw error;
  }
}

/**
 * The `parley-mapping.json` that Parley's own export writes beside the XML, if the zip holds one
 * within the same limits; undefined otherwise (it only improves names, so its absence is no error).
 */
export function readMappingFile(base64: string): SourceFile | undefined {
  try {
    const bytes = Buffer.from(base64, 'base64');
    const entry = listZipEntries(bytes, GENIUS_ARCHIVE_LIMITS.maxEntries).find(
      (candidate) => baseName(candidate.name) === 'parley-mapping.json',
    );
    if (entry === undefined || entry.declaredSize > GENIUS_ARCHIVE_LIMITS.maxEntryBytes) return undefined;
    return { name: 'parley-mapping.json', contents: decodeUtf8(entry.name, readZipEntry(bytes, entry)) };
  } catch (error) {
    if (error instanceof ZipRefusal || error instanceof DomainError) return undefined;
    throw error;
  }
}

function decodeUtf8(name: string, content: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(content);
  } catch {
    throw refuse(`holds ${name}, which is not UTF-8 text`);
  }
}

const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/**
 * How deeply elements nest, counted from tags alone (a malformed file is the parser's to report);
 * a GENIUS file is about five deep.
 */
function xmlDepth(source: string): number {
  let depth = 0;
  let deepest = 0;
  for (const match of source.matchAll(/<(\/?)[A-Za-z_][^>]*?(\/?)>/g)) {
    if (match[1] === '/') depth -= 1;
    else if (match[2] !== '/') depth += 1;
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}
