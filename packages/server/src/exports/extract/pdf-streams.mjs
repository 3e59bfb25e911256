// The pre-check of a PDF before pdfjs reads it (plain JavaScript: it runs in the extract worker).
// It must not depend on what the file declares: a probe hid a 700 MB content stream behind a
// dictionary of 2,000+ characters and behind an indirect `/Filter 6 0 R`. So every stream is found
// by its `stream` keyword, and every one whose data is zlib is inflated with a cap, whatever its
// dictionary says; ASCII hex and ASCII85 wrappers are undone first so they cannot hide one either.
import { Buffer } from 'node:buffer';
import { inflateSync } from 'node:zlib';
import { Refusal } from './refusal.mjs';

/** Refuses a PDF whose streams expand beyond the limits; a damaged stream is pdfjs's to judge. */
export function checkPdfStreams(bytes, limits) {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  let total = 0;
  for (const stream of findStreams(text)) {
    total += largestDecodedSize(
      unwrapAscii(bytes.subarray(stream.start, stream.end), stream.dictionary),
      limits,
    );
    if (total > limits.maxUncompressedBytes)
      throw new Refusal(`expands to more than ${limits.maxUncompressedBytes} bytes`);
  }
}

/**
 * Every stream's data range and the text of its dictionary (from the `obj` keyword that opens it).
 * Each search starts where the previous stream ended, so the scan stays linear in the file size.
 */
function* findStreams(text) {
  let from = 0;
  for (;;) {
    const keyword = text.indexOf('stream', from);
    if (keyword < 0) return;
    const afterKeyword = keyword + 'stream'.length;
    if (text.startsWith('end', keyword - 3) || !/[\r\n]/.test(text[afterKeyword] ?? '')) {
      from = afterKeyword;
      continue;
    }
    const start = afterKeyword + (text.startsWith('\r\n', afterKeyword) ? 2 : 1);
    const preceding = text.slice(from, keyword);
    const opening = preceding.lastIndexOf('obj');
    const dictionary = opening < 0 ? '' : preceding.slice(opening);
    const end = streamEnd(text, start, dictionary);
    yield { start, end, dictionary };
    from = Math.max(end, start);
  }
}

/** Where the data ends: at a direct /Length when `endstream` follows it, else at the next `endstream`. */
function streamEnd(text, start, dictionary) {
  const declared = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dictionary);
  if (declared !== null) {
    const end = start + Number(declared[1]);
    if (end <= text.length && /^\s*endstream/.test(text.slice(end, end + 32))) return end;
  }
  const marker = text.indexOf('endstream', start);
  return marker < 0 ? text.length : marker;
}

/** Undoes leading ASCIIHex / ASCII85 filters the dictionary names, which only shrink the data. */
function unwrapAscii(data, dictionary) {
  let current = data;
  for (const filter of filterNames(dictionary)) {
    if (filter === 'ASCIIHexDecode' || filter === 'AHx') current = decodeHex(current);
    else if (filter === 'ASCII85Decode' || filter === 'A85') current = decodeAscii85(current);
    else break;
  }
  return current;
}

function filterNames(dictionary) {
  const match = /\/Filter\s*(\[[^\]]*\]|\/[^\s/[\]<>()]+)/.exec(dictionary);
  return match === null ? [] : [...match[1].matchAll(/\/([^\s/[\]<>()]+)/g)].map((name) => name[1]);
}

/**
 * The size of the largest buffer pdfjs would decode the data into: zlib data (whatever the
 * dictionary claims) inflated with a cap, and again while the result is zlib too (/FlateDecode twice).
 */
function largestDecodedSize(data, limits) {
  let largest = 0;
  let current = data;
  for (let layer = 0; layer < 4 && isZlib(current); layer++) {
    try {
      current = inflateSync(current, {
        maxOutputLength: limits.maxStreamBytes,
        finishFlush: 2, // Z_SYNC_FLUSH: a stream cut short still counts what it holds
      });
    } catch (error) {
      if (error instanceof RangeError || error?.code === 'ERR_BUFFER_TOO_LARGE')
        throw new Refusal(`holds a stream larger than ${limits.maxStreamBytes} bytes`);
      break;
    }
    largest = Math.max(largest, current.length);
  }
  return largest;
}

/** The two-byte zlib header pdfjs's FlateStream insists on (RFC 1950: deflate, FCHECK, no FDICT). */
function isZlib(data) {
  if (data.length < 2) return false;
  const [method, flags] = data;
  return (method & 0x0f) === 8 && ((method << 8) + flags) % 31 === 0 && (flags & 0x20) === 0;
}

function decodeHex(data) {
  const digits = Buffer.from(data)
    .toString('latin1')
    .replace(/>[\s\S]*$/, '')
    .replace(/[^0-9a-fA-F]/g, '');
  return Buffer.from(digits.length % 2 === 0 ? digits : `${digits}0`, 'hex');
}

/** ASCII85 (PDF 32000-1, 7.4.3): 5 characters to 4 bytes, `z` for four zeros, `~>` ends. */
function decodeAscii85(data) {
  const source = Buffer.from(data)
    .toString('latin1')
    .replace(/~>[\s\S]*$/, '')
    .replace(/\s/g, '');
  const out = [];
  let group = [];
  const flush = (count) => {
    let value = 0;
    for (let index = 0; index < 5; index++) value = value * 85 + (group[index] ?? 84);
    for (let index = 0; index < count; index++) out.push((value >>> (24 - 8 * index)) & 0xff);
    group = [];
  };
  for (const character of source) {
    if (character === 'z' && group.length === 0) out.push(0, 0, 0, 0);
    else {
      group.push(character.charCodeAt(0) - 33);
      if (group.length === 5) flush(4);
    }
  }
  if (group.length > 1) flush(group.length - 1);
  return Buffer.from(out);
}
