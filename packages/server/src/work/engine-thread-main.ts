import { parentPort } from 'node:worker_threads';
import { DomainError } from '@parley/core';
import { runEngineTask, type EngineTask } from './engine-tasks';

// One task at a time per thread: the pool sends the next one only after the reply.
parentPort?.on('message', async (task: EngineTask) => {
  try {
    const value = await runEngineTask(task, (done) => parentPort?.postMessage({ type: 'progress', done }));
    parentPort?.postMessage({ type: 'result', value });
  } catch (error) {
    // Expected failures (bad input found while computing) cross the thread as data, so the
    // request gets the same problem as if it had been computed in place.
    parentPort?.postMessage(
      error instanceof DomainError
        ? { type: 'domain-error', code: error.code, message: error.message, field: error.field }
        : { type: 'error', message: error instanceof Error ? error.message : String(error) },
    );
  }
});
parentPort?.postMessage({ type: 'ready' });
