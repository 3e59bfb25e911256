import type { Clock } from '../../src/clock';
import type { Timers } from '../../src/timers';

/**
 * Timers that run against a test's clock, when the test says so: a wait is due once the clock has
 * been moved past its end. `waits()` says how long each pending wait asked for.
 */
export function createManualTimers(clock: Clock) {
  const pending = new Map<number, { endsAt: number; ms: number; run: () => void }>();
  let count = 0;
  const timers: Timers = {
    after: (ms, run) => {
      count += 1;
      const id = count;
      pending.set(id, { endsAt: clock.now().getTime() + ms, ms, run });
      return () => pending.delete(id);
    },
  };
  return {
    timers,
    waits: () => [...pending.values()].map((wait) => wait.ms),
    /** Runs every wait the clock has reached; returns how many ran. */
    runDue: (): number => {
      const due = [...pending].filter(([, wait]) => wait.endsAt <= clock.now().getTime());
      for (const [id, wait] of due) {
        pending.delete(id);
        wait.run();
      }
      return due.length;
    },
  };
}
