// Reads the text of an uploaded leak inside a worker thread, within limits (issue 13, item 3;
// issue 14, item 7). Plain JavaScript on purpose: it runs unchanged from the sources, under tests
// and from the compiled CLI, with no transpiler in the worker. The caller adds heap size, a time
// budget and how many workers run at once by how it starts and stops them.
import process from 'node:process';
import { setInterval } from 'node:timers';
import { parentPort, workerData } from 'node:worker_threads';
import { docxPlanMarkdown, documentText } from './docx-text.mjs';
import { readEntry, zipEntries } from './docx-zip.mjs';
import { pageText } from './pdf-page-text.mjs';
import { checkPdfStreams } from './pdf-streams.mjs';
import { Refusal } from './refusal.mjs';

// ---- DOCX: a zip whose word/document.xml holds the text --------------------------------------

function docxText(bytes, limits) {
  const entries = zipEntries(bytes, limits);
  const part = (name) => {
    const entry = entries.find((candidate) => candidate.name === name);
    return entry === undefined ? undefined : readEntry(bytes, entry).toString('utf8');
  };
  const document = part('word/document.xml');
  if (document === undefined) throw new Refusal('is not a readable DOCX file');
  // A plan is read as Markdown, with Word's list numbers and headings (docx-text.mjs); a
  // leaked copy as the words on the page, where fingerprints are traced.
  if (workerData.kind === 'docx-plan')
    return docxPlanMarkdown(
      { document, styles: part('word/styles.xml'), numbering: part('word/numbering.xml') },
      limits,
    );
  return documentText(document, limits);
}

// ---- PDF: pdfjs, after every compressed stream was checked against the limits ----------------

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
      pages.push(pageText(content.items));
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
watchMemory(limits);
try {
  const text = kind === 'pdf' ? await pdfText(bytes, limits) : docxText(bytes, limits);
  parentPort.postMessage({ ok: true, text });
} catch (error) {
  parentPort.postMessage({
    ok: false,
    refused: error instanceof Refusal,
    message: error instanceof Refusal ? error.message : String(error?.message ?? error),
  });
}

/**
 * resourceLimits bounds the heap only; the buffers pdfjs decodes streams into live outside it, and
 * pdfjs decodes them asynchronously, so a timer here sees them grow. Past the bound the worker
 * ends itself: a stream the pre-check could not see (an LZW bomb, say) cannot take the server's memory.
 */
function watchMemory({ maxBufferMb }) {
  setInterval(() => {
    if (process.memoryUsage().arrayBuffers <= maxBufferMb * 1024 * 1024) return;
    parentPort.postMessage({ ok: false, refused: true, message: 'needs more memory to read than allowed' });
    process.exit(1);
  }, 10).unref();
}
