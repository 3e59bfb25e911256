import type { Clock } from '../clock';
import type { Database } from '../storage/database';
import { prunePlanEvents } from '../storage/plan-events';

/** Replay covers a dropped connection or a restart, not history (the audit log keeps that). */
export const PLAN_EVENT_RETENTION_MS = 24 * 60 * 60 * 1000;
const PRUNE_EVERY_MS = 60 * 60 * 1000;

/**
 * Keeps `plan_events` to a day of events: once at start and then hourly. Several processes on one
 * PostgreSQL database may all prune; the deletes are idempotent.
 */
export function startPlanEventPruning(input: {
  db: Database;
  clock: Clock;
  onError: (error: unknown) => void;
}): { stop: () => Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const prune = () => {
    const before = new Date(input.clock.now().getTime() - PLAN_EVENT_RETENTION_MS);
    running = prunePlanEvents(input.db, before).catch(input.onError);
  };
  prune();
  const timer = setInterval(prune, PRUNE_EVERY_MS);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
