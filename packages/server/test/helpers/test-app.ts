import { createApp } from '../../src/http/create-app';
import type { Clock } from '../../src/clock';
import { createDeps, type AppDeps } from '../../src/services/deps';
import type { Database } from '../../src/storage/database';

export type TestApp = {
  app: ReturnType<typeof createApp>;
  deps: AppDeps;
  clock: MutableClock;
};

export type MutableClock = Clock & { set: (iso: string) => void; advance: (ms: number) => void };

/** A clock tests move by hand; starts after the demo dates so current seats are active. */
export function createMutableClock(start = '2025-12-05T12:00:00.000Z'): MutableClock {
  let now = new Date(start);
  return {
    now: () => new Date(now),
    set: (iso) => {
      now = new Date(iso);
    },
    advance: (ms) => {
      now = new Date(now.getTime() + ms);
    },
  };
}

/** The real app over a real database; unexpected errors (500s) are printed unless `logError` is given. */
export function createTestApp(
  db: Database,
  clock: MutableClock = createMutableClock(),
  logError: (error: unknown) => void = (error) => console.error(error),
): TestApp {
  const deps = createDeps(db, { clock, logError });
  return { app: createApp(deps), deps, clock };
}
