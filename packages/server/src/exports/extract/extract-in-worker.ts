import { Worker } from 'node:worker_threads';
import { takeExtractSlot } from './extract-queue';

/** Limits for reading an uploaded leak; a file that breaks one is refused with a message, not read. */
export type ExtractLimits = {
  /** DOCX: zip entries. */
  readonly maxEntries: number;
  /** DOCX: bytes all entries expand to; PDF: bytes all compressed streams expand to. */
  readonly maxUncompressedBytes: number;
  /** DOCX: nesting of word/document.xml. */
  readonly maxXmlDepth: number;
  /** PDF: bytes one stream may expand to. */
  readonly maxStreamBytes: number;
  readonly maxPages: number;
  /** Wall-clock budget of the worker; it is stopped when it runs out. */
  readonly timeBudgetMs: number;
  /** Heap of the worker, so a file that gets past the other limits still cannot exhaust the server. */
  readonly maxHeapMb: number;
  /** Buffers of the worker (outside the heap: pdfjs decodes streams into them); the worker stops past it. */
  readonly maxBufferMb: number;
};

// A leaked copy is a few pages; these leave a wide margin for a whole plan with its redline.
export const EXTRACT_LIMITS: ExtractLimits = {
  maxEntries: 1000,
  maxUncompressedBytes: 32 * 1024 * 1024,
  maxXmlDepth: 200,
  maxStreamBytes: 8 * 1024 * 1024,
  maxPages: 300,
  timeBudgetMs: 30_000,
  maxHeapMb: 192,
  maxBufferMb: 160,
};

/** Why a file was refused; `message` completes "FILE …" and is safe to show. */
export class ExtractRefusal extends Error {}

type WorkerAnswer = { ok: true; text: string } | { ok: false; refused: boolean; message: string };

// The worker is plain JavaScript resolved through the package (not a path relative to this file),
// so it is found from the sources, under tests and from the compiled CLI alike.
const WORKER_URL = new URL(import.meta.resolve('@parley/server/extract-worker'));

/** A DOCX read as its words (a leaked copy), a DOCX plan read as Markdown, or a PDF. */
export type ExtractKind = 'docx' | 'docx-plan' | 'pdf';

/**
 * Reads a DOCX or PDF in a worker thread with `limits`: the event loop stays free while it runs,
 * and a hostile file (a zip bomb, a huge content stream, a parser trap) costs the worker, never
 * the server. At most EXTRACT_CONCURRENCY.maxRunning workers run at once. Throws ExtractRefusal
 * for a file that broke a limit or could not be read, and DomainError('engine-busy') when the
 * line of waiting files is full.
 */
export async function extractInWorker(
  kind: ExtractKind,
  bytes: Uint8Array,
  limits: ExtractLimits = EXTRACT_LIMITS,
): Promise<string> {
  const release = await takeExtractSlot();
  try {
    return await readInWorker(kind, bytes, limits);
  } finally {
    release();
  }
}

function readInWorker(kind: ExtractKind, bytes: Uint8Array, limits: ExtractLimits): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, {
      workerData: { kind, bytes, limits },
      resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb, maxYoungGenerationSizeMb: 32 },
      stdout: true,
      stderr: true,
    });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // Answer once the worker is gone, so its memory is free before the next file takes the slot.
      void worker.terminate().finally(outcome);
    };
    const timer = setTimeout(
      () => settle(() => reject(new ExtractRefusal(`took longer than ${limits.timeBudgetMs} ms to read`))),
      limits.timeBudgetMs,
    );
    worker.on('message', (answer: WorkerAnswer) =>
      settle(() => {
        if (answer.ok) resolve(answer.text);
        else if (answer.refused) reject(new ExtractRefusal(answer.message));
        else reject(new ExtractRefusal(`is not a readable ${fileKind(kind)} file`));
      }),
    );
    worker.on('error', (error: NodeJS.ErrnoException) =>
      settle(() =>
        reject(
          new ExtractRefusal(
            error.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? 'needs more memory to read than allowed'
              : `is not a readable ${fileKind(kind)} file`,
          ),
        ),
      ),
    );
    worker.on('exit', () =>
      settle(() => reject(new ExtractRefusal(`is not a readable ${fileKind(kind)} file`))),
    );
  });
}

const fileKind = (kind: ExtractKind) => (kind === 'pdf' ? 'PDF' : 'DOCX');
