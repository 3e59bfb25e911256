import { deflateRawSync, deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION } from '../src/demo';
import { EXTRACT_LIMITS } from '../src/exports/extract/extract-in-worker';
import { EXTRACT_CONCURRENCY, takeExtractSlot } from '../src/exports/extract/extract-queue';
import { extractTextFromBytes } from '../src/exports/extract/extract-text';
import type { DatabaseHandle } from '../src/storage/database';
import { seedDemo, signInAs } from './helpers/demo-fixture';
import { openTestDatabase } from './helpers/each-database';
import { heavyPdf, zipOf } from './helpers/hostile-files';
import { call, type SignedIn } from './helpers/session';
import { createTestApp, type TestApp } from './helpers/test-app';

// A probe's uploads of a few hundred KB took the server to 8 GB: a 700 MB content stream hidden
// from the PDF pre-check (a 2,000-character dictionary, or an indirect /Filter), eight DOCX
// uploads read at once with no cap on workers, and 32 MB of extracted text sent back whole.

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A one-page PDF whose content stream (zlib, `megabytes` MB of spaces) has `dictionary` as its dictionary. */
function pdfWithStream(megabytes: number, dictionary: (length: number) => string): Buffer {
  const stream = deflateSync(Buffer.alloc(megabytes << 20, 0x20), { level: 9 });
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>',
    Buffer.concat([
      Buffer.from(`${dictionary(stream.length)}\nstream\n`, 'latin1'),
      stream,
      Buffer.from('\nendstream', 'latin1'),
    ]),
    '/FlateDecode',
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  const offsets: number[] = [];
  let length = parts[0]?.length ?? 0;
  objects.forEach((body, index) => {
    offsets.push(length);
    const part = Buffer.concat([
      Buffer.from(`${index + 1} 0 obj\n`),
      typeof body === 'string' ? Buffer.from(body, 'latin1') : body,
      Buffer.from('\nendobj\n'),
    ]);
    parts.push(part);
    length += part.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`]
    .concat(offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`))
    .join('');
  parts.push(
    Buffer.from(
      `${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`,
    ),
  );
  return Buffer.concat(parts);
}

/** A DOCX whose word/document.xml entry shares its data with a second entry, `word/other.xml`. */
function docxWithSharedEntry(): Buffer {
  const honest = zipOf({
    'word/document.xml': Buffer.from(
      `<w:document ${W}><w:body><w:p><w:r><w:t>1. Shared</w:t></w:r></w:p></w:body></w:document>`,
    ),
  });
  const directoryStart = honest.readUInt32LE(honest.length - 6);
  const central = honest.subarray(directoryStart, honest.length - 22);
  const twin = Buffer.from(central);
  twin.write('word/other.xml___', 46, 'latin1'); // same length as word/document.xml
  const end = Buffer.from(honest.subarray(honest.length - 22));
  end.writeUInt16LE(2, 8);
  end.writeUInt16LE(2, 10);
  end.writeUInt32LE(central.length * 2, 12);
  return Buffer.concat([honest.subarray(0, directoryStart), central, twin, end]);
}

/** A DOCX whose document.xml claims 100 bytes but inflates to `megabytes` MB. */
function docxLyingAboutSize(megabytes: number): Buffer {
  const xml = Buffer.concat([
    Buffer.from(`<w:document ${W}><w:body><w:p><w:r><w:t>`),
    Buffer.alloc(megabytes << 20, 'A'),
    Buffer.from('</w:t></w:r></w:p></w:body></w:document>'),
  ]);
  const zip = zipOf({ 'word/document.xml': xml });
  const compressed = deflateRawSync(xml, { level: 9 }).length;
  zip.writeUInt32LE(100, 22); // local header
  zip.writeUInt32LE(100, 30 + 'word/document.xml'.length + compressed + 24); // central directory
  return zip;
}

const refusalOf = async (bytes: Buffer, name: string, limits = EXTRACT_LIMITS) =>
  extractTextFromBytes(bytes, name, { limits }).then(
    (text) => `read ${text.length} characters`,
    (error: Error) => error.message,
  );

describe('hostile files met by the extract worker', () => {
  it('finds a 700 MB stream behind a dictionary of over 2,000 characters', async () => {
    const pdf = pdfWithStream(
      700,
      (length) => `<< /Pad (${'x'.repeat(2100)}) /Length ${length} /Filter /FlateDecode >>`,
    );
    expect(await refusalOf(pdf, 'padded.pdf')).toBe('padded.pdf holds a stream larger than 8388608 bytes');
  }, 30_000);

  it('finds a 700 MB stream whose /Filter is an indirect object', async () => {
    const pdf = pdfWithStream(700, (length) => `<< /Length ${length} /Filter 5 0 R >>`);
    expect(await refusalOf(pdf, 'indirect.pdf')).toBe(
      'indirect.pdf holds a stream larger than 8388608 bytes',
    );
  }, 30_000);

  it('stops a worker whose decoded buffers pass the bound, whatever got past the pre-check', async () => {
    // The pre-check is told to let 21 MB through; the buffer bound is the last line.
    const limits = {
      ...EXTRACT_LIMITS,
      maxStreamBytes: 64 << 20,
      maxUncompressedBytes: 64 << 20,
      maxBufferMb: 16,
    };
    expect(await refusalOf(heavyPdf(21), 'heavy.pdf', limits)).toBe(
      'heavy.pdf needs more memory to read than allowed',
    );
  }, 30_000);

  it('refuses a DOCX whose zip entries share their data', async () => {
    expect(await refusalOf(docxWithSharedEntry(), 'twin.docx')).toMatch(
      /^twin\.docx holds entries whose data overlap/,
    );
  });

  it('refuses a DOCX whose document inflates beyond its declared size', async () => {
    expect(await refusalOf(docxLyingAboutSize(20), 'liar.docx')).toBe(
      'liar.docx holds word/document.xml, which expands beyond its declared 100 bytes',
    );
  });
});

describe('uploads read as text on the HTTP routes', () => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  let mediator: SignedIn;
  const loggedErrors: unknown[] = [];
  const N = `/api/negotiations/${DEMO_NEGOTIATION.id}`;
  beforeAll(async () => {
    handle = await openTestDatabase('pglite');
    testApp = createTestApp(handle.db, undefined, (error) => loggedErrors.push(error));
    await seedDemo(handle.db);
    const session = await signInAs(testApp, 'mediator');
    if (session === null) throw new Error('mediator session');
    mediator = session;
  });
  afterAll(async () => handle.close());

  const readDocument = (name: string, bytes: Buffer) =>
    call(testApp, `POST ${N}/plan/document-text`, {
      as: mediator,
      body: { name, contentBase64: bytes.toString('base64') },
    });

  it("refuses a plan document whose text is longer than a pasted plan's, saying by how much", async () => {
    const xml = `<w:document ${W}><w:body><w:p><w:r><w:t>1. Long. ${'a'.repeat(600_000)}</w:t></w:r></w:p></w:body></w:document>`;
    const response = await readDocument('long.docx', zipOf({ 'word/document.xml': Buffer.from(xml) }));
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(((await response.json()) as { detail: string }).detail).toBe(
      "long.docx: the document's text is 600,009 characters long, 100,009 more than a plan may hold (500,000)",
    );
  });

  it('reads two files at a time, lets eight wait, and answers 503 with Retry-After beyond that', async () => {
    const xml = `<w:document ${W}><w:body><w:p><w:r><w:t>1. Point.</w:t></w:r></w:p></w:body></w:document>`;
    const docx = zipOf({ 'word/document.xml': Buffer.from(xml) });
    // The slots are held here, as files being read would hold them, so the line is full whatever
    // the machine's speed: racing fourteen uploads against the first worker's end would not be.
    const running = [await takeExtractSlot(), await takeExtractSlot()];
    const waiting = Array.from({ length: EXTRACT_CONCURRENCY.maxWaiting }, () => takeExtractSlot());
    const refused = await readDocument('plan.docx', docx);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(((await refused.json()) as { detail: string }).detail).toMatch(/Too many files are being read/);
    // A full line is an answer, not a fault: the operator's error log stays quiet.
    expect(loggedErrors).toEqual([]);
    // One file done: the first in line takes its slot, and a newcomer waits rather than being refused.
    running[0]!();
    const next = await waiting[0]!;
    const queued = readDocument('plan.docx', docx);
    running[1]!();
    next();
    // Each in line gets a slot as one is given back, then gives it back in turn.
    for (const inLine of waiting.slice(1)) (await inLine)();
    expect((await queued).status).toBe(200);
  }, 60_000);
});
