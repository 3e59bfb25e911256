import { type SourceFile } from '@parley/engine';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { DomainError } from '@parley/core';

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

/** The zip's declared entry count, read before anything is inflated; zip64 archives are refused. */
function declaredEntries(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) !== 0x06054b50) continue;
    if (at >= 20 && view.getUint32(at - 20, true) === 0x07064b50)
      throw refuse('is a zip64 archive (not accepted)');
    return view.getUint16(at + 10, true);
  }
  throw refuse('is not a zip file');
}

/**
 * The XML files of an uploaded zip (any folder inside it; other files are ignored), within
 * GENIUS_ARCHIVE_LIMITS. Inflation never writes past an entry's declared size, and declared sizes
 * are checked before anything is inflated.
 */
export function unzipGeniusFolder(base64: string): SourceFile[] {
  const bytes = Buffer.from(base64, 'base64');
  const count = declaredEntries(bytes);
  if (count > GENIUS_ARCHIVE_LIMITS.maxEntries)
    throw refuse(`has ${count} entries (at most ${GENIUS_ARCHIVE_LIMITS.maxEntries})`);
  let total = 0;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (entry) => {
        if (!entry.name.toLowerCase().endsWith('.xml') || baseName(entry.name).startsWith('.')) return false;
        if (entry.originalSize > GENIUS_ARCHIVE_LIMITS.maxEntryBytes)
          throw refuse(`holds ${entry.name}, larger than ${GENIUS_ARCHIVE_LIMITS.maxEntryBytes} bytes`);
        total += entry.originalSize;
        if (total > GENIUS_ARCHIVE_LIMITS.maxTotalBytes)
          throw refuse(`expands beyond ${GENIUS_ARCHIVE_LIMITS.maxTotalBytes} bytes`);
        return true;
      },
    });
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw refuse('is not a readable zip file');
  }
  const files: SourceFile[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  for (const [path, content] of Object.entries(entries)) {
    const name = baseName(path);
    if (files.some((file) => file.name === name)) throw refuse(`holds two files named ${name}`);
    let contents: string;
    try {
      contents = decoder.decode(content);
    } catch {
      throw refuse(`holds ${name}, which is not UTF-8 text`);
    }
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
