import type { Database } from '../storage/database';
import { currentClientAddress, readActor } from './read-context';
import { recordAudits, type AuditInput } from './record-audit';

/**
 * Group commit for the audit entries of reads (issue #15). Every audited read used to run its own
 * transaction through the chain's lock, so concurrent readers of restricted material queued one
 * commit at a time behind it. Here, reads that arrive while a batch is being written wait for the
 * next one, and each batch appends its entries, chained one to the next by `recordAudits`, in one
 * call. What the log proves is unchanged: every entry is still chained by the same code, and a
 * read is answered only after its entry has committed (if the batch fails, every read in it fails:
 * no restricted material leaves unaudited). Writes keep calling `recordAudit` inside
 * their own transaction, so an entry commits or rolls back with the change it records.
 */
export function recordReadAudit(db: Database, input: AuditInput): Promise<void> {
  // Taken now, in the reader's request: the batch is written later, from whichever request drains it.
  const { actorId, onBehalfOf } = readActor(input.actorId);
  const entry: AuditInput = {
    ...input,
    actorId,
    ...(onBehalfOf === undefined ? {} : { detail: { ...input.detail, onBehalfOf } }),
    ip: input.ip !== undefined ? input.ip : currentClientAddress(),
    at: input.at ?? new Date(),
  };
  let batcher = BATCHERS.get(db);
  if (batcher === undefined) {
    batcher = new ReadAuditBatcher(db);
    BATCHERS.set(db, batcher);
  }
  return batcher.add(entry);
}

/** Most entries appended in one call; more wait for the next one. */
export const READ_AUDIT_BATCH = 200;
/**
 * A batch costs a call whatever its size, and at a steady few hundred audited reads a second each
 * batch found one or two entries waiting: the fixed cost was paid per read (a third of a core on
 * PGlite, issue #15). While batches follow one another (the last ended within
 * BUSY_MS), the next waits GATHER_MS for company; a read after a quiet spell is written at once.
 */
export const GATHER_MS = 8;
const BUSY_MS = 100;

type Waiting = { input: AuditInput; resolve: () => void; reject: (error: unknown) => void };

class ReadAuditBatcher {
  private queue: Waiting[] = [];
  private writing = false;
  private lastBatchEnded = -Infinity;

  constructor(private readonly db: Database) {}

  add(input: AuditInput): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      if (this.writing) return;
      this.writing = true;
      if (performance.now() - this.lastBatchEnded < BUSY_MS) setTimeout(() => void this.drain(), GATHER_MS);
      else void this.drain();
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, READ_AUDIT_BATCH);
        try {
          await recordAudits(
            this.db,
            batch.map((entry) => entry.input),
          );
          for (const entry of batch) entry.resolve();
        } catch (error) {
          for (const entry of batch) entry.reject(error);
        }
      }
    } finally {
      this.lastBatchEnded = performance.now();
      this.writing = false;
    }
  }
}

const BATCHERS = new WeakMap<Database, ReadAuditBatcher>();
