import { constants, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { DomainError } from '@parley/core';
import { runEngineTask, type EngineTask } from './engine-tasks';

// On Linux a nice value belongs to a thread (setpriority(2), "BUGS"), so this lowers the engine
// thread alone: on a busy machine the event loop gets a core first, and a long analysis or
// simulation delays requests less (bench/results/live-analysis.md). Elsewhere it would lower the
// whole process, so it is left alone there.
if (process.platform === 'linux') {
  try {
    setPriority(constants.priority.PRIORITY_LOW);
  } catch {
    // Not permitted (a sandbox): the thread keeps the process's priority.
  }
}

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
// A server's threads load the export layout while idle, so the first export does not wait for it
// (a task that arrives meanwhile waits for the load, as it would have on first use).
if ((workerData as { preloadRenderers?: boolean } | null)?.preloadRenderers === true)
  void import('../exports/render/render-file').catch(() => undefined);
