import { randomUUID } from 'node:crypto';
import {
  can,
  type Classification,
  type NegotiationId,
  type PartyId,
  type PositionVisibility,
  type Viewer,
  type AmendmentId,
  type BiddingId,
  type EscalationId,
  type ImprovementProposalId,
  type PlanVersionId,
  type PointId,
  type RecordId,
  type RoundId,
  type StatementId,
} from '@parley/core';
import { OUTSIDE_REVISION } from '../presenters/position';
import { seesEveryEdit } from '../services/position-edits';
import type { Database } from '../storage/database';
import { appendPlanEvent, listPlanEventsAfter, oldestPlanEventId } from '../storage/plan-events';

/** What changed in a negotiation's plan; each event names exactly the resource that decides who may see it. */
export type PlanEvent =
  | {
      readonly type: 'version.created';
      readonly negotiationId: NegotiationId;
      readonly versionId: PlanVersionId;
      readonly revision: number;
    }
  | {
      readonly type: 'position.changed';
      readonly negotiationId: NegotiationId;
      readonly versionId: PlanVersionId;
      readonly pointId: PointId;
      readonly partyId: PartyId;
      readonly visibility: PositionVisibility;
      /**
       * What it was visible to before this write: those who could read it then are told too, so a
       * position taken back (parties → private) leaves their open pages. Absent in older events.
       */
      readonly previousVisibility?: PositionVisibility;
      readonly revision: number;
    }
  | {
      readonly type: 'amendment.changed';
      readonly negotiationId: NegotiationId;
      readonly amendmentId: AmendmentId;
      readonly partyId: PartyId;
    }
  | {
      readonly type: 'escalation.changed';
      readonly negotiationId: NegotiationId;
      readonly escalationId: EscalationId;
      readonly pointId: PointId;
    }
  | { readonly type: 'round.created'; readonly negotiationId: NegotiationId; readonly roundId: RoundId }
  | {
      readonly type: 'statement.created';
      readonly negotiationId: NegotiationId;
      readonly statementId: StatementId;
    }
  /** A blind bidding opened, got a bid or was revealed: ids only, never a bound or the outcome. */
  | {
      readonly type: 'bidding.changed';
      readonly negotiationId: NegotiationId;
      readonly biddingId: BiddingId;
      readonly givingPartyId: PartyId;
      readonly takingPartyId: PartyId;
    }
  | {
      readonly type: 'proposal.created';
      readonly negotiationId: NegotiationId;
      readonly versionId: PlanVersionId;
      readonly proposalId: ImprovementProposalId;
    }
  /**
   * A seat began, ended or changed hands (an invitation accepted, a lead handed over). Seats are
   * every participant's to read; pending invitations are not, so creating or withdrawing one sends nothing.
   * `scheduled`: the change is dated ahead (a later seat or end, a hand-over from a later date), so
   * only the party's delegation and the mediator's staff hear of it (`seat.read-future`); everyone
   * hears of it again when it takes effect (`boundary`: the instant the seat-change timer
   * announces, realtime/seat-change-timer.ts). Both are the server's alone: never sent.
   */
  | {
      readonly type: 'members.changed';
      readonly negotiationId: NegotiationId;
      readonly partyId: PartyId;
      readonly scheduled?: boolean;
      readonly boundary?: string;
    }
  | { readonly type: 'deadlines.changed'; readonly negotiationId: NegotiationId }
  /**
   * A record was filed. Routed by its owning party and classification, which decide who reads it;
   * sent as its id alone, so a stream tells no more than the records list would.
   */
  | {
      readonly type: 'record.created';
      readonly negotiationId: NegotiationId;
      readonly recordId: RecordId;
      readonly owningPartyId: PartyId;
      readonly classification: Classification;
    }
  /** A point's options were set or cleared on a version (the issues every participant reads). */
  | {
      readonly type: 'issues.changed';
      readonly negotiationId: NegotiationId;
      readonly versionId: PlanVersionId;
    };

/** Viewers loaded for one delivery, shared by its subscribers: one seat lookup per user, not per stream. */
export type ViewerCache = Map<string, Promise<Viewer>>;
type Listener = (event: PlanEvent, id: number, viewers: ViewerCache) => void;

/**
 * Whether a subscriber may receive an event at all. Events the viewer may not see are never
 * delivered — not even without their body — so a stream leaks neither content nor activity.
 */
export function canReceive(viewer: Viewer, event: PlanEvent): boolean {
  const negotiation = { kind: 'negotiation' as const, negotiationId: event.negotiationId };
  switch (event.type) {
    case 'position.changed':
      return [event.visibility, event.previousVisibility ?? event.visibility].some((visibility) =>
        can(viewer, 'position.read', {
          kind: 'position',
          negotiationId: event.negotiationId,
          partyId: event.partyId,
          visibility,
        }),
      );
    case 'amendment.changed':
      return can(viewer, 'position.read', {
        kind: 'position',
        negotiationId: event.negotiationId,
        partyId: event.partyId,
        visibility: 'mediator',
      });
    case 'bidding.changed':
      return can(viewer, 'bidding.read', {
        kind: 'bidding',
        negotiationId: event.negotiationId,
        givingPartyId: event.givingPartyId,
        takingPartyId: event.takingPartyId,
      });
    case 'record.created':
      return can(viewer, 'record.read', {
        kind: 'record',
        negotiationId: event.negotiationId,
        owningPartyId: event.owningPartyId,
        classification: event.classification,
      });
    case 'version.created':
    case 'escalation.changed':
    case 'round.created':
    case 'statement.created':
    case 'proposal.created':
      return can(viewer, 'plan.read', negotiation);
    case 'issues.changed':
      return can(viewer, 'issue.read', negotiation);
    case 'members.changed':
      return (
        can(viewer, 'member.read', negotiation) &&
        (event.scheduled !== true ||
          can(viewer, 'seat.read-future', {
            kind: 'party',
            negotiationId: event.negotiationId,
            partyId: event.partyId,
          }))
      );
    case 'deadlines.changed':
      return can(viewer, 'deadline.read', negotiation);
    default:
      return false;
  }
}

type PositionEvent = Extract<PlanEvent, { type: 'position.changed' }>;
type RecordEvent = Extract<PlanEvent, { type: 'record.created' }>;
type MembersEvent = Extract<PlanEvent, { type: 'members.changed' }>;
/** An event as one subscriber receives it (`presentPlanEvent`). */
export type SentPlanEvent =
  | Exclude<PlanEvent, PositionEvent | RecordEvent | MembersEvent>
  | Omit<MembersEvent, 'scheduled' | 'boundary'>
  | Omit<PositionEvent, 'previousVisibility'>
  | Omit<PositionEvent, 'previousVisibility' | 'visibility'>
  | Omit<RecordEvent, 'owningPartyId' | 'classification'>;

/** The event as this subscriber may read it: another party's revision numbers do not count hidden edits. */
export function presentPlanEvent(viewer: Viewer, event: PlanEvent): SentPlanEvent {
  if (event.type === 'record.created') {
    // What it was routed by stays on the server: the id is enough for a page to read the list again.
    const { owningPartyId: _owner, classification: _classification, ...sent } = event;
    return sent;
  }
  if (event.type === 'members.changed') {
    // Whether it was dated ahead decided who hears of it; the page reads the seats again either way.
    const { scheduled: _routedBy, boundary: _announced, ...sent } = event;
    return sent;
  }
  if (event.type !== 'position.changed') return event;
  // What it was visible to before is the server's to route by: sent, it would tell a party that
  // now sees a position that it had been private.
  const { previousVisibility: _routedBy, ...sent } = event;
  const revision = seesEveryEdit(viewer, event) ? sent.revision : OUTSIDE_REVISION;
  const readsItNow = can(viewer, 'position.read', {
    kind: 'position',
    negotiationId: event.negotiationId,
    partyId: event.partyId,
    visibility: event.visibility,
  });
  if (readsItNow) return { ...sent, revision };
  // Told only so that its open pages drop the position: whether it went to the mediator alone or
  // became private is not this subscriber's to know.
  const { visibility: _now, ...withdrawn } = sent;
  return { ...withdrawn, revision };
}

/**
 * An in-process publish/subscribe hub for plan events, one per database and process (`AppDeps.events`,
 * made once by `createDeps` and handed to whatever else needs it). With a database, every
 * event is first appended to `plan_events`, whose id becomes the SSE event id: a stream that
 * reconnects with `Last-Event-ID`, or a LISTEN connection that was down, replays what it missed.
 */
export class PlanEventHub {
  /** Tags this process's events in the log and in notifications, so it never delivers them twice. */
  readonly origin = randomUUID();
  /** The LISTEN connection's state on PostgreSQL; undefined where there is none (PGlite). */
  relayAlive: boolean | undefined;
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly watchers = new Set<(event: PlanEvent) => void>();
  private readonly streamEnders = new Set<() => void>();
  private readonly openStreams = new Map<string, number>();
  private relay: ((event: PlanEvent, id: number) => void) | undefined;
  private appended: Promise<void> = Promise.resolve();
  private localIds = 0;

  constructor(
    private readonly db?: Database,
    private readonly onError: (error: unknown) => void = (error) => console.error(error),
  ) {}

  /**
   * Announces a committed change: logged, then delivered to this process's subscribers and relayed
   * to other processes. Appends are chained so events keep the order in which they were published.
   */
  publish(event: PlanEvent): void {
    this.appended = this.appended.then(async () => {
      try {
        const id =
          this.db === undefined
            ? (this.localIds += 1)
            : await appendPlanEvent(this.db, {
                negotiationId: event.negotiationId,
                origin: this.origin,
                event,
              });
        this.deliver(event, id);
        this.relay?.(event, id);
      } catch (error) {
        this.onError(error);
      }
    });
  }

  /** Resolves once every event published so far has been logged and delivered. */
  settled(): Promise<void> {
    return this.appended;
  }

  /** Hands an event to this process's subscribers only (used for events relayed from elsewhere). */
  deliver(event: PlanEvent, id: number): void {
    const viewers: ViewerCache = new Map();
    for (const listener of this.listeners.get(event.negotiationId) ?? []) listener(event, id, viewers);
    for (const watcher of this.watchers) watcher(event);
  }

  /**
   * Hears every event delivered in this process, of any negotiation, this process's and relayed
   * ones alike (the seat-change timer learns of seat writes so); returns the unsubscription.
   */
  watch(watcher: (event: PlanEvent) => void): () => void {
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  }

  /** Sends every published event on to other processes as well (see plan-notify.ts). */
  setRelay(relay: ((event: PlanEvent, id: number) => void) | undefined): void {
    this.relay = relay;
  }

  subscribe(negotiationId: string, listener: Listener): () => void {
    const set = this.listeners.get(negotiationId) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(negotiationId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(negotiationId);
    };
  }

  /**
   * Counts one more open stream of `account` in this process; returns its release (safe to call
   * twice), or undefined when the account already holds `limit` streams.
   */
  claimStream(account: string, limit: number): (() => void) | undefined {
    const open = this.openStreams.get(account) ?? 0;
    if (open >= limit) return undefined;
    this.openStreams.set(account, open + 1);
    let isReleased = false;
    return () => {
      if (isReleased) return;
      isReleased = true;
      const left = (this.openStreams.get(account) ?? 1) - 1;
      if (left > 0) this.openStreams.set(account, left);
      else this.openStreams.delete(account);
    };
  }

  /** Registers how to end one open stream at shutdown; returns the unregistration. */
  onShutdown(end: () => void): () => void {
    this.streamEnders.add(end);
    return () => this.streamEnders.delete(end);
  }

  /** Ends every open event stream (SIGTERM): clients reconnect elsewhere with Last-Event-ID. */
  endStreams(): void {
    for (const end of [...this.streamEnders]) end();
  }

  /** Logged events after `afterId` for one negotiation, oldest first (for Last-Event-ID). */
  async missedSince(negotiationId: string, afterId: number): Promise<{ id: number; event: PlanEvent }[]> {
    if (this.db === undefined) return [];
    return listPlanEventsAfter<PlanEvent>(this.db, { afterId, negotiationId, limit: REPLAY_LIMIT });
  }

  /**
   * What a stream reconnecting after `afterId` missed of what `receives` lets it have, or
   * `undefined` when the log cannot say it all (events since pruned, or more than a replay
   * carries): the client must then reload. Only receivable events count towards the limit: were
   * hidden ones counted, a party could bisect its own cursors for the moment of the reset and so
   * count another party's private edits. Pruning is by age alone (plan-event-pruning.ts) for the
   * same reason.
   */
  async replaySince(
    negotiationId: string,
    afterId: number,
    receives: (event: PlanEvent) => boolean,
  ): Promise<{ id: number; event: PlanEvent }[] | undefined> {
    if (this.db === undefined) return [];
    const oldest = await oldestPlanEventId(this.db);
    if (oldest !== undefined && afterId + 1 < oldest) return undefined;
    const replay: { id: number; event: PlanEvent }[] = [];
    for (let cursor = afterId; ;) {
      const page = await this.missedSince(negotiationId, cursor);
      for (const missed of page) if (receives(missed.event)) replay.push(missed);
      if (replay.length >= REPLAY_LIMIT) return undefined;
      if (page.length < REPLAY_LIMIT) return replay;
      cursor = page.at(-1)?.id ?? cursor;
    }
  }
}

/** At most this many missed events are replayed to a reconnecting stream (and read per page); older ones are pruned anyway. */
export const REPLAY_LIMIT = 1_000;
