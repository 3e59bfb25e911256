import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { DomainError, type DomainErrorCode } from '@parley/core';
import type { EngineTask, EngineTaskResult } from './engine-tasks';

/** Budgets and size of a pool; every limit is stated in the problem a refused request gets. */
export type EnginePoolOptions = {
  /** Threads working at once (default: one per spare core, 1–4). */
  readonly threads?: number;
  /** Tasks waiting for a thread before new ones are refused as busy (default 16). */
  readonly maxQueued?: number;
};

export type RunOptions = {
  /** Wall-clock budget: the thread is terminated when it is spent. */
  readonly timeoutMs: number;
  /** Aborting cancels the task: queued, it is dropped; running, its thread is terminated. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number) => void;
};

/** CPU-heavy engine work, off the event loop (DESIGN §6: no request holds it for more than 50 ms). */
export type EnginePool = {
  run<T extends EngineTask>(task: T, options: RunOptions): Promise<EngineTaskResult<T>>;
  /**
   * Starts every thread now, so the first task does not pay for loading the engine; with
   * `renderers`, threads also load the export layout (PDF, DOCX) once idle, as a server wants.
   */
  warm(options?: { renderers?: boolean }): void;
  close(): Promise<void>;
};

type Pending = {
  task: EngineTask;
  options: RunOptions;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
};

type Slot = { worker: Worker; ready: Promise<void>; busy: boolean };

type ThreadMessage =
  | { type: 'ready' }
  | { type: 'progress'; done: number }
  | { type: 'result'; value: unknown }
  | { type: 'domain-error'; code: DomainErrorCode; message: string; field?: string }
  | { type: 'error'; message: string };

/** Set by bin/build-cli.js in the compiled CLI: the file URL of the thread's own compiled entry. */
declare const PARLEY_COMPILED_ENGINE_THREAD: string | undefined;

/**
 * From the sources, the thread starts at the loader beside this file (it runs the TypeScript
 * through tsx). In the compiled CLI this module sits in a chunk with no such file beside it, so
 * the build compiles the thread as an entry of its own and names it here; without that, every
 * task in `parley serve` and `parley worker` failed as the thread could not start (#13).
 */
const ENTRY =
  typeof PARLEY_COMPILED_ENGINE_THREAD === 'string'
    ? new URL(PARLEY_COMPILED_ENGINE_THREAD)
    : new URL('./engine-thread.mjs', import.meta.url);

export function createEnginePool(options: EnginePoolOptions = {}): EnginePool {
  const threads = options.threads ?? Math.min(4, Math.max(1, availableParallelism() - 1));
  const maxQueued = options.maxQueued ?? 16;
  const slots: Slot[] = [];
  const queue: Pending[] = [];
  let closed = false;
  let preloadRenderers = false;

  function spawn(): Slot {
    const worker = new Worker(ENTRY, { workerData: { preloadRenderers } });
    // An idle thread must not keep a CLI or a test process alive.
    worker.unref();
    const ready = new Promise<void>((resolve, reject) => {
      const onMessage = (message: ThreadMessage) => {
        if (message.type !== 'ready') return;
        worker.off('message', onMessage);
        resolve();
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
    // A thread that failed to start is replaced on next use.
    ready.catch(() => undefined);
    const slot: Slot = { worker, ready, busy: false };
    slots.push(slot);
    return slot;
  }

  function retire(slot: Slot): void {
    slots.splice(slots.indexOf(slot), 1);
    void slot.worker.terminate();
  }

  function pump(): void {
    while (queue.length > 0) {
      const idle = slots.find((slot) => !slot.busy) ?? (slots.length < threads ? spawn() : undefined);
      if (idle === undefined) return;
      const next = queue.shift();
      if (next !== undefined) void execute(idle, next);
    }
  }

  async function execute(slot: Slot, pending: Pending): Promise<void> {
    slot.busy = true;
    const { worker } = slot;
    const { options: runOptions } = pending;
    let settled = false;
    const budget: { timer?: ReturnType<typeof setTimeout> } = {};
    const finish = (outcome: { value: unknown } | { error: unknown }, healthy: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(budget.timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      runOptions.signal?.removeEventListener('abort', onAbort);
      worker.unref();
      if (healthy) slot.busy = false;
      else retire(slot);
      if ('value' in outcome) pending.resolve(outcome.value);
      else pending.reject(outcome.error);
      pump();
    };
    const onMessage = (message: ThreadMessage) => {
      if (message.type === 'progress') runOptions.onProgress?.(message.done);
      else if (message.type === 'result') finish({ value: message.value }, true);
      else if (message.type === 'domain-error')
        finish({ error: new DomainError(message.code, message.message, { field: message.field }) }, true);
      else if (message.type === 'error') finish({ error: new Error(message.message) }, true);
    };
    const onError = (error: unknown) => finish({ error }, false);
    const onExit = () => finish({ error: new Error('The engine thread stopped.') }, false);
    const onAbort = () => finish({ error: cancelled() }, false);
    worker.on('message', onMessage);
    worker.once('error', onError);
    worker.once('exit', onExit);
    runOptions.signal?.addEventListener('abort', onAbort, { once: true });
    if (runOptions.signal?.aborted) return onAbort();
    try {
      await slot.ready;
    } catch (error) {
      return finish({ error }, false);
    }
    if (settled) return;
    // The budget counts from the moment a thread takes the task, not while it waits in line.
    budget.timer = setTimeout(
      () => finish({ error: timedOut(runOptions.timeoutMs) }, false),
      runOptions.timeoutMs,
    );
    worker.ref();
    worker.postMessage(pending.task);
  }

  return {
    run<T extends EngineTask>(task: T, runOptions: RunOptions): Promise<EngineTaskResult<T>> {
      if (closed) return Promise.reject(new Error('The engine pool is closed.'));
      if (runOptions.signal?.aborted) return Promise.reject(cancelled());
      if (queue.length >= maxQueued)
        return Promise.reject(
          new DomainError(
            'engine-busy',
            `Parley’s worker threads are busy (${maxQueued} tasks waiting); try again shortly.`,
            { retryAfterSeconds: 5 },
          ),
        );
      return new Promise((resolve, reject) => {
        const pending: Pending = {
          task,
          options: runOptions,
          resolve: resolve as (v: unknown) => void,
          reject,
        };
        queue.push(pending);
        // A task cancelled while still waiting leaves the line at once.
        runOptions.signal?.addEventListener(
          'abort',
          () => {
            const index = queue.indexOf(pending);
            if (index >= 0) {
              queue.splice(index, 1);
              reject(cancelled());
            }
          },
          { once: true },
        );
        pump();
      });
    },
    warm(warmOptions = {}) {
      preloadRenderers ||= warmOptions.renderers === true;
      while (!closed && slots.length < threads) spawn();
    },
    async close() {
      closed = true;
      for (const pending of queue.splice(0)) pending.reject(new Error('The engine pool is closed.'));
      await Promise.all(slots.splice(0).map((slot) => slot.worker.terminate()));
    },
  };
}

function timedOut(timeoutMs: number): DomainError {
  return new DomainError(
    'work-timed-out',
    `The computation exceeded its time budget of ${formatSeconds(timeoutMs)} and was stopped.`,
  );
}

function cancelled(): DomainError {
  return new DomainError('work-cancelled', 'The computation was cancelled.');
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

let shared: EnginePool | undefined;

/** The process's pool, made on first use (threads are started lazily and never keep it alive). */
export function sharedEnginePool(): EnginePool {
  shared ??= createEnginePool();
  return shared;
}
