// Plain JavaScript, so the extract worker (which runs untranspiled) and the server share one reader;
// its types are in zip-entries.d.mts.
import { Buffer } from 'node:buffer';
import { inflateRawSync } from 'node:zlib';

/**
 * A zip read from its central directory, trusting nothing it declares: every entry's data must lie
 * inside the file, before the directory, and apart from every other entry's. A zip that points
 * two entries at the same deflate stream makes a few kilobytes inflate many times over.
 */

/** Why a zip was refused; `message` completes "The … " (e.g. "holds two entries …"). */
export class ZipRefusal extends Error {}

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/** The entries of `bytes`, at most `maxEntries`, each with the range its data really occupies. */
export function listZipEntries(bytes, maxEntries) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfDirectory(view);
  const count = view.getUint16(end + 10, true);
  if (count > maxEntries) throw new ZipRefusal(`has ${count} entries (at most ${maxEntries})`);
  const directoryStart = view.getUint32(end + 16, true);
  const entries = [];
  let at = directoryStart;
  for (let index = 0; index < count; index++) {
    if (at + 46 > end || view.getUint32(at, true) !== DIRECTORY_ENTRY) throw damaged();
    const nameLength = view.getUint16(at + 28, true);
    if (at + 46 + nameLength > end) throw damaged();
    entries.push(
      locateData(view, {
        name: Buffer.from(bytes.subarray(at + 46, at + 46 + nameLength)).toString('utf8'),
        method: view.getUint16(at + 10, true),
        compressedSize: view.getUint32(at + 20, true),
        declaredSize: view.getUint32(at + 24, true),
        localHeader: view.getUint32(at + 42, true),
        directoryStart,
      }),
    );
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  refuseSharedData(entries);
  return entries;
}

/**
 * One entry's bytes, refused once inflation passes its declared size: zlib stops at the first
 * chunk beyond `maxOutputLength`, so a lying header costs at most one chunk of work, not the stream.
 */
export function readZipEntry(bytes, entry) {
  const data = bytes.subarray(entry.dataStart, entry.dataEnd);
  if (entry.method === 0) {
    if (data.length !== entry.declaredSize) throw wrongSize(entry);
    return data;
  }
  if (entry.method !== 8) throw new ZipRefusal(`holds ${entry.name}, compressed in a way not supported`);
  let inflated;
  try {
    // maxOutputLength must be at least 1; an empty entry that inflates to 1 byte is still caught below.
    inflated = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.declaredSize) });
  } catch (error) {
    if (isTooLarge(error))
      throw new ZipRefusal(
        `holds ${entry.name}, which expands beyond its declared ${entry.declaredSize} bytes`,
      );
    throw new ZipRefusal(`holds ${entry.name}, which is damaged`);
  }
  if (inflated.length !== entry.declaredSize) throw wrongSize(entry);
  return inflated;
}

function findEndOfDirectory(view) {
  for (let at = view.byteLength - 22; at >= Math.max(0, view.byteLength - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) !== END_OF_DIRECTORY) continue;
    if (at >= 20 && view.getUint32(at - 20, true) === ZIP64_LOCATOR)
      throw new ZipRefusal('is a zip64 archive (not accepted)');
    return at;
  }
  throw new ZipRefusal('is not a zip file');
}

/** Where the data really starts: after the local header, whose name and extra field may differ from the directory's. */
function locateData(view, record) {
  const { localHeader, compressedSize, directoryStart } = record;
  if (localHeader + 30 > directoryStart || view.getUint32(localHeader, true) !== LOCAL_HEADER)
    throw damaged();
  const dataStart =
    localHeader + 30 + view.getUint16(localHeader + 26, true) + view.getUint16(localHeader + 28, true);
  const dataEnd = dataStart + compressedSize;
  if (dataEnd > directoryStart) throw damaged();
  return {
    name: record.name,
    method: record.method,
    declaredSize: record.declaredSize,
    headerStart: localHeader,
    dataStart,
    dataEnd,
  };
}

/** Each byte of compressed data may belong to one entry only (header included). */
function refuseSharedData(entries) {
  const ranges = entries
    .map((entry) => ({ name: entry.name, start: entry.headerStart, end: entry.dataEnd }))
    .sort((left, right) => left.start - right.start);
  for (let index = 1; index < ranges.length; index++) {
    const previous = ranges[index - 1];
    const current = ranges[index];
    if (previous !== undefined && current !== undefined && current.start < previous.end)
      throw new ZipRefusal(
        `holds entries whose data overlap (${previous.name} and ${current.name}); each file must be stored once`,
      );
  }
}

const damaged = () => new ZipRefusal('is a damaged zip file');
const wrongSize = (entry) =>
  new ZipRefusal(`holds ${entry.name}, whose size differs from its declared ${entry.declaredSize} bytes`);

function isTooLarge(error) {
  return (
    error instanceof RangeError ||
    (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ERR_BUFFER_TOO_LARGE')
  );
}
