import { DomainError } from '@parley/core';

/**
 * How many files are read at once, and how many more may wait. Each reading worker may use its
 * heap and buffer limits in full, so unbounded concurrency was unbounded memory: eight 32 KB
 * uploads at once once took the server to 6 GB. A short wait is what an uploader expects; past
 * the line the server answers 503 with Retry-After instead of queueing minutes of work.
 */
export const EXTRACT_CONCURRENCY = { maxRunning: 2, maxWaiting: 8, retryAfterSeconds: 5 } as const;

let running = 0;
const waiting: Array<() => void> = [];

/** Waits for a free reading slot; call the returned function exactly once when done. */
export async function takeExtractSlot(): Promise<() => void> {
  if (running >= EXTRACT_CONCURRENCY.maxRunning) {
    if (waiting.length >= EXTRACT_CONCURRENCY.maxWaiting)
      throw new DomainError(
        'engine-busy',
        `Too many files are being read right now (${EXTRACT_CONCURRENCY.maxRunning} at once, ${EXTRACT_CONCURRENCY.maxWaiting} waiting); try again in a few seconds.`,
        { retryAfterSeconds: EXTRACT_CONCURRENCY.retryAfterSeconds },
      );
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else running += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    // The slot passes straight to the next in line, so `running` never dips and a newcomer cannot jump the line.
    const next = waiting.shift();
    if (next === undefined) running -= 1;
    else next();
  };
}
