// The zip inside a DOCX, read from its central directory without trusting it (plain JavaScript:
// it runs in the extract worker). The TypeScript twin for GENIUS folders is services/zip-entries.ts.
import { Buffer } from 'node:buffer';
import { inflateRawSync } from 'node:zlib';
import { Refusal } from './refusal.mjs';

const unreadable = () => new Refusal('is not a readable DOCX file');

/**
 * The zip's entries: name, method, declared size and the range their data really occupies. Every
 * range must lie inside the file and apart from every other: entries that share one stream make a
 * few kilobytes inflate many times over.
 */
export function zipEntries(bytes, limits) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfDirectory(view);
  const count = view.getUint16(end + 10, true);
  if (count > limits.maxEntries) throw new Refusal(`has ${count} zip entries (at most ${limits.maxEntries})`);
  const directoryStart = view.getUint32(end + 16, true);
  const entries = [];
  let declared = 0;
  let at = directoryStart;
  for (let index = 0; index < count; index++) {
    if (at + 46 > end || view.getUint32(at, true) !== 0x02014b50) throw unreadable();
    const nameLength = view.getUint16(at + 28, true);
    const entry = locateData(view, {
      name: Buffer.from(bytes.subarray(at + 46, at + 46 + nameLength)).toString('utf8'),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      headerStart: view.getUint32(at + 42, true),
      directoryStart,
    });
    declared += entry.size;
    entries.push(entry);
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  if (declared > limits.maxUncompressedBytes)
    throw new Refusal(`expands to ${declared} bytes (at most ${limits.maxUncompressedBytes})`);
  refuseSharedData(entries);
  return entries;
}

/** One entry's bytes; inflation stops as soon as it passes the entry's declared size. */
export function readEntry(bytes, entry) {
  const data = bytes.subarray(entry.dataStart, entry.dataEnd);
  if (entry.method === 0) {
    if (data.length !== entry.size) throw unreadable();
    return Buffer.from(data);
  }
  if (entry.method !== 8) throw unreadable();
  let inflated;
  try {
    // zlib stops at the first chunk past maxOutputLength (at least 1), so a lying size costs one chunk.
    inflated = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
  } catch (error) {
    if (error instanceof RangeError || error?.code === 'ERR_BUFFER_TOO_LARGE')
      throw new Refusal(`holds ${entry.name}, which expands beyond its declared ${entry.size} bytes`);
    throw unreadable();
  }
  if (inflated.length !== entry.size) throw unreadable();
  return inflated;
}

function findEndOfDirectory(view) {
  for (let at = view.byteLength - 22; at >= Math.max(0, view.byteLength - 22 - 0xffff); at--)
    if (view.getUint32(at, true) === 0x06054b50) return at;
  throw unreadable();
}

function locateData(view, record) {
  const { headerStart, directoryStart } = record;
  if (headerStart + 30 > directoryStart || view.getUint32(headerStart, true) !== 0x04034b50)
    throw unreadable();
  // The local header's own name and extra field lengths, which may differ from the directory's.
  const dataStart =
    headerStart + 30 + view.getUint16(headerStart + 26, true) + view.getUint16(headerStart + 28, true);
  const dataEnd = dataStart + record.compressedSize;
  if (dataEnd > directoryStart) throw unreadable();
  return { name: record.name, method: record.method, size: record.size, headerStart, dataStart, dataEnd };
}

function refuseSharedData(entries) {
  const ranges = [...entries].sort((left, right) => left.headerStart - right.headerStart);
  for (let index = 1; index < ranges.length; index++)
    if (ranges[index].headerStart < ranges[index - 1].dataEnd)
      throw new Refusal(
        `holds zip entries whose data overlap (${ranges[index - 1].name} and ${ranges[index].name})`,
      );
}
