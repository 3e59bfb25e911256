import { recordAudits } from '../audit';
import type { PlanEvent } from '../realtime/plan-events';
import type { Database } from '../storage/database';
import type { AppDeps } from './deps';
import { noteCommitted } from './read-cache';

/** One audit entry of a change, as the service describes it; when and by whom come from the change. */
export type AuditNote = {
  /** `resource.verb`, e.g. `round.create`. */
  readonly action: `${string}.${string}`;
  readonly subjectType: string;
  readonly subjectId: string | null;
  readonly negotiationId: string | null;
  readonly detail?: Record<string, unknown>;
  /** The client address, where the service knows it (sign-in); otherwise that of the request served. */
  readonly ip?: string | null;
  /** Someone other than the change's actor, for the rare entry that names them (a sign-up). */
  readonly actorId?: string | null;
};

/** A note, several in order, or either worked out from what the write returned. */
type Notes<Result, Note> = Note | readonly Note[] | ((result: Result) => Note | readonly Note[]);

/**
 * A change made inside another change's transaction: its audit entries join that transaction and
 * its events wait for that commit.
 */
export type Within = {
  readonly tx: Database;
  readonly announce: (events: readonly PlanEvent[]) => void;
};

export type Change<Result> = {
  /** Who makes the change (usually the viewer); `userId: null` is the system. */
  readonly actor: { readonly userId: string | null };
  /** Stored writes through storage functions; without one, the change is its audit entry alone. */
  readonly write?: (tx: Database, within: Within) => Promise<Result>;
  readonly audit: Notes<Result, AuditNote>;
  /** Announced to event streams once the change has committed. */
  readonly event?: Notes<Result, PlanEvent>;
  /** The instant the change is dated, when the service already fixed it for the rows it writes. */
  readonly at?: Date;
};

export type ChangeDeps = Pick<AppDeps, 'db' | 'clock' | 'events'>;

/**
 * The one write path of the services: the write and its audit entries commit or roll back together,
 * and the events are published only after the commit, so a rolled-back change is never announced.
 * Returns what the write returned. Given `within`, it joins that outer change instead.
 */
export async function commitChange<Result = void>(
  deps: ChangeDeps,
  change: Change<Result>,
  within?: Within,
): Promise<Result> {
  if (within !== undefined) return applyChange(deps, change, within);
  const pending: PlanEvent[] = [];
  const result = await deps.db
    .transaction()
    .execute((tx) => applyChange(deps, change, { tx, announce: (events) => pending.push(...events) }));
  noteCommitted();
  for (const event of pending) deps.events.publish(event);
  return result;
}

async function applyChange<Result>(
  deps: ChangeDeps,
  change: Change<Result>,
  within: Within,
): Promise<Result> {
  // A change without a write is typed `Result = void`: its undefined result is that void.
  const result = (await change.write?.(within.tx, within)) as Result;
  const at = change.at ?? deps.clock.now();
  await recordAudits(
    within.tx,
    listOf(change.audit, result).map(({ actorId, ...note }) => ({
      ...note,
      at,
      actorId: actorId === undefined ? change.actor.userId : actorId,
    })),
  );
  if (change.event !== undefined) within.announce(listOf(change.event, result));
  return result;
}

function listOf<Result, Note extends object>(notes: Notes<Result, Note>, result: Result): readonly Note[] {
  const described = typeof notes === 'function' ? notes(result) : notes;
  return isList(described) ? described : [described];
}

// Array.isArray does not narrow a readonly array.
function isList<Note>(value: Note | readonly Note[]): value is readonly Note[] {
  return Array.isArray(value);
}
