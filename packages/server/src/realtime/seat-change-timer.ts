import type { Clock } from '../clock';
import type { Database } from '../storage/database';
import {
  findLastAnnouncedSeatBoundary,
  findNextSeatBoundary,
  listSeatBoundaries,
} from '../storage/seat-boundaries';
import { SYSTEM_TIMERS, type Timers } from '../timers';
import { PLAN_EVENT_RETENTION_MS } from './plan-event-pruning';
import type { PlanEventHub } from './plan-events';

/** Node's setTimeout waits at most this long (about 24.8 days); asked for longer, it fires at once. */
export const LONGEST_WAIT_MS = 2 ** 31 - 1;
/**
 * How far back a start announces boundaries that passed while no server ran: as far back as the
 * event log replays to a reconnecting page. Older ones are never announced; the pages that held on
 * that long have been told to reload everything anyway.
 */
export const CATCH_UP_MS = PLAN_EVENT_RETENTION_MS;
// After a failed look at the database (a dropped connection), the next try.
const RETRY_MS = 60_000;

export type SeatChangeTimer = {
  /** Resolves once what has been set off so far (a look at the seats, its announcements) is done. */
  settled: () => Promise<void>;
  stop: () => Promise<void>;
};

/**
 * Announces each seat change dated ahead at the moment it takes effect: an ordinary
 * `members.changed` for its party, which everyone who reads seats hears (until then only
 * `seat.read-future` holders did). Nothing happens in the database then, so without this, pages
 * held open kept showing the delegation as it was. One wait at a time, for the next start or end
 * of any seat, worked out from the database at start, after every seat write this process hears of
 * (its own and, on PostgreSQL, other processes'), and after each announcement.
 */
export function startSeatChangeTimer(input: {
  db: Database;
  clock: Clock;
  events: PlanEventHub;
  timers?: Timers;
  onError: (error: unknown) => void;
}): SeatChangeTimer {
  const { db, clock, events } = input;
  const timers = input.timers ?? SYSTEM_TIMERS;
  let announcedUpTo: Date | undefined;
  // When each party last got an ordinary members.changed: sent to everyone after its change took
  // effect, it told them of every boundary of that party up to then (a seat taken at once, or
  // another process announcing first), which need not be announced again.
  let toldAt = new Map<string, Date>();
  let cancelWait = () => {};
  let isStopped = false;
  let isQueued = false;
  let running: Promise<void> = Promise.resolve();

  const look = async () => {
    const now = clock.now();
    const told = toldAt;
    toldAt = new Map();
    announcedUpTo ??= await startingPoint(db, now);
    if (now > announcedUpTo) {
      for (const { negotiationId, partyId, at } of await listSeatBoundaries(db, {
        after: announcedUpTo,
        upTo: now,
      })) {
        const heard = told.get(partyId);
        if (heard === undefined || heard < at)
          events.publish({ type: 'members.changed', negotiationId, partyId, boundary: at.toISOString() });
      }
      announcedUpTo = now;
    }
    const next = await findNextSeatBoundary(db, announcedUpTo);
    if (isStopped || next === undefined) return;
    wait(next.getTime() - clock.now().getTime());
  };
  const wait = (ms: number) => {
    cancelWait();
    // A boundary further ahead than setTimeout can wait is looked for again when the wait ends.
    cancelWait = timers.after(Math.min(Math.max(ms, 0), LONGEST_WAIT_MS), check);
  };
  const check = () => {
    if (isQueued || isStopped) return;
    isQueued = true;
    running = running
      .then(() => {
        isQueued = false;
        cancelWait();
        return isStopped ? undefined : look();
      })
      .catch((error: unknown) => {
        input.onError(error);
        if (!isStopped) wait(RETRY_MS);
      });
  };
  const unwatch = events.watch((event) => {
    if (event.type !== 'members.changed') return;
    if (event.scheduled !== true) toldAt.set(event.partyId, clock.now());
    // A seat write: its dates may come before the boundary waited for. An announcement needs no
    // new look: each look ends by waiting for the next boundary.
    if (event.boundary === undefined) check();
  });
  check();
  return {
    settled: () => running,
    stop: async () => {
      isStopped = true;
      unwatch();
      cancelWait();
      await running;
    },
  };
}

/**
 * Where a fresh start takes up: after the last boundary a timer announced (the event log keeps a
 * day of them, across restarts and processes), but no further back than {@link CATCH_UP_MS}.
 */
async function startingPoint(db: Database, now: Date): Promise<Date> {
  const earliest = new Date(now.getTime() - CATCH_UP_MS);
  const announced = await findLastAnnouncedSeatBoundary(db);
  return announced !== undefined && announced > earliest ? announced : earliest;
}
