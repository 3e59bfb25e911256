// Reads the text of an uploaded leak inside a worker thread, within limits (issue 13, item 3;
// issue 14, item 7). Plain JavaScript on purpose: it runs unchanged from the sources, under tests
// and from the compiled CLI, with no transpiler in the worker. The caller adds the last two
// limits (heap size and a time budget) by how it starts and stops the worker.
import { Buffer } from 'node:buffer';
import { parentPort, workerData } from 'node:worker_threads';
import { inflateRawSync, inflateSync } from 'node:zlib';

/** A limit the file broke; the message is safe to show to whoever uploaded it. */
class Refusal extends Error {}

// ---- DOCX: a zip whose word/document.xml holds the text --------------------------------------

/** The zip's central directory: name, method, offsets and declared sizes of each entry. */
function zipEntries(bytes, limits) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new Refusal('is not a readable DOCX file');
  const count = view.getUint16(end + 10, true);
  if (count > limits.maxEntries) throw new Refusal(`has ${count} zip entries (at most ${limits.maxEntries})`);
  let at = view.getUint32(end + 16, true);
  const entries = [];
  let declared = 0;
  for (let index = 0; index < count; index++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50)
      throw new Refusal('is not a readable DOCX file');
    const nameLength = view.getUint16(at + 28, true);
    const entry = {
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localHeader: view.getUint32(at + 42, true),
      name: Buffer.from(bytes.subarray(at + 46, at + 46 + nameLength)).toString('utf8'),
    };
    declared += entry.size;
    entries.push(entry);
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  if (declared > limits.maxUncompressedBytes)
    throw new Refusal(`expands to ${declared} bytes (at most ${limits.maxUncompressedBytes})`);
  return entries;
}

/** One entry's bytes; inflation stops at the limit whatever the headers claim. */
function readEntry(bytes, entry, limits) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeader;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50)
    throw new Refusal('is not a readable DOCX file');
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return Buffer.from(data);
  if (entry.method !== 8) throw new Refusal('is not a readable DOCX file');
  try {
    return inflateRawSync(data, { maxOutputLength: limits.maxUncompressedBytes });
  } catch (error) {
    if (error instanceof RangeError || error?.code === 'ERR_BUFFER_TOO_LARGE')
      throw new Refusal(`expands beyond ${limits.maxUncompressedBytes} bytes`);
    throw new Refusal('is not a readable DOCX file');
  }
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (text) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name) => {
    if (name[0] === '#')
      return String.fromCodePoint(
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)),
      );
    return ENTITIES[name] ?? whole;
  });

/**
 * The text of word/document.xml: one paragraph per `w:p`, text runs (`w:t`) and inserted text as
 * it reads, deleted text (`w:delText`) left out, as Word shows a redline with changes accepted.
 */
function documentText(xml, limits) {
  const paragraphs = [];
  let current = '';
  let depth = 0;
  let inText = false;
  for (const match of xml.matchAll(/<(\/?)([\w:.-]+)[^>]*?(\/?)>|([^<]+)/g)) {
    const [, closing, name, selfClosing, text] = match;
    if (text !== undefined) {
      if (inText) current += decode(text);
      continue;
    }
    if (name.startsWith('?') || name.startsWith('!')) continue;
    if (closing === '/') {
      depth--;
      if (name === 'w:t') inText = false;
      if (name === 'w:p') {
        paragraphs.push(current);
        current = '';
      }
      continue;
    }
    if (selfClosing === '/') {
      if (name === 'w:tab') current += '\t';
      if (name === 'w:br' || name === 'w:cr') current += '\n';
      continue;
    }
    depth++;
    if (depth > limits.maxXmlDepth) throw new Refusal(`nests XML deeper than ${limits.maxXmlDepth} levels`);
    if (name === 'w:t') inText = true;
  }
  return paragraphs.join('\n\n');
}

function docxText(bytes, limits) {
  const entries = zipEntries(bytes, limits);
  const main = entries.find((entry) => entry.name === 'word/document.xml');
  if (main === undefined) throw new Refusal('is not a readable DOCX file');
  return documentText(readEntry(bytes, main, limits).toString('utf8'), limits);
}

// ---- PDF: pdfjs, after every compressed stream was checked against the limits ----------------

/** Inflates each FlateDecode stream with a cap, so a small file cannot hide a huge content stream. */
function checkPdfStreams(bytes, limits) {
  const text = Buffer.from(bytes).toString('latin1');
  let total = 0;
  for (const match of text.matchAll(/<<((?:(?!>>)[\s\S]){0,2000})>>\s*stream\r?\n/g)) {
    if (!match[1].includes('/FlateDecode')) continue;
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) continue;
    let inflated;
    try {
      inflated = inflateSync(bytes.subarray(start, end), {
        maxOutputLength: limits.maxStreamBytes,
        finishFlush: 2, // Z_SYNC_FLUSH: a stream cut short still counts what it holds
      });
    } catch (error) {
      if (error instanceof RangeError || error?.code === 'ERR_BUFFER_TOO_LARGE')
        throw new Refusal(`holds a stream larger than ${limits.maxStreamBytes} bytes`);
      continue; // pdfjs decides whether a damaged stream is fatal
    }
    total += inflated.length;
    if (total > limits.maxUncompressedBytes)
      throw new Refusal(`expands to more than ${limits.maxUncompressedBytes} bytes`);
  }
}

async function pdfText(bytes, limits) {
  checkPdfStreams(bytes, limits);
  const { getDocument, VerbosityLevel } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let pdf;
  try {
    pdf = await getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      useSystemFonts: false,
      verbosity: VerbosityLevel.ERRORS,
    }).promise;
  } catch {
    throw new Refusal('is not a readable PDF file');
  }
  try {
    if (pdf.numPages > limits.maxPages)
      throw new Refusal(`has ${pdf.numPages} pages (at most ${limits.maxPages})`);
    const pages = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const content = await (await pdf.getPage(number)).getTextContent();
      pages.push(
        content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''),
      );
    }
    return pages.join('\n');
  } catch (error) {
    if (error instanceof Refusal) throw error;
    throw new Refusal('is not a readable PDF file');
  } finally {
    await pdf.destroy();
  }
}

const { kind, bytes, limits } = workerData;
try {
  const text = kind === 'docx' ? docxText(bytes, limits) : await pdfText(bytes, limits);
  parentPort.postMessage({ ok: true, text });
} catch (error) {
  parentPort.postMessage({
    ok: false,
    refused: error instanceof Refusal,
    message: error instanceof Refusal ? error.message : String(error?.message ?? error),
  });
}
