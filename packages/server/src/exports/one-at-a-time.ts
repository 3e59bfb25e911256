export type InTurn = <T>(key: string, task: () => Promise<T>) => Promise<T>;

/**
 * Runs tasks that share a key one after another, in the order they arrive; tasks of other keys run
 * alongside.
 */
export function oneAtATime(): InTurn {
  const tails = new Map<string, Promise<unknown>>();
  return async (key, task) => {
    const before = tails.get(key) ?? Promise.resolve();
    const run = before.then(task, task);
    const tail = run.catch(() => undefined);
    tails.set(key, tail);
    try {
      return await run;
    } finally {
      // The last task of a key leaves no entry behind.
      if (tails.get(key) === tail) tails.delete(key);
    }
  };
}
