import { can, type NegotiationId, type PartyId, type PositionVisibility, type Viewer } from '@parley/core';

/** What changed in a negotiation's plan; each event names exactly the resource that decides who may see it. */
export type PlanEvent =
  | {
      readonly type: 'version.created';
      readonly negotiationId: NegotiationId;
      readonly versionId: string;
      readonly revision: number;
    }
  | {
      readonly type: 'position.changed';
      readonly negotiationId: NegotiationId;
      readonly versionId: string;
      readonly pointId: string;
      readonly partyId: PartyId;
      readonly visibility: PositionVisibility;
      readonly revision: number;
    }
  | {
      readonly type: 'amendment.changed';
      readonly negotiationId: NegotiationId;
      readonly amendmentId: string;
      readonly partyId: PartyId;
    }
  | {
      readonly type: 'escalation.changed';
      readonly negotiationId: NegotiationId;
      readonly escalationId: string;
      readonly pointId: string;
    }
  | { readonly type: 'round.created'; readonly negotiationId: NegotiationId; readonly roundId: string }
  | {
      readonly type: 'statement.created';
      readonly negotiationId: NegotiationId;
      readonly statementId: string;
    };

type Listener = (event: PlanEvent) => void;

/**
 * Whether a subscriber may receive an event at all. Events the viewer may not see are never
 * delivered — not even without their body — so a stream leaks neither content nor activity.
 */
export function canReceive(viewer: Viewer, event: PlanEvent): boolean {
  const negotiation = { kind: 'negotiation' as const, negotiationId: event.negotiationId };
  switch (event.type) {
    case 'position.changed':
      return can(viewer, 'position.read', {
        kind: 'position',
        negotiationId: event.negotiationId,
        partyId: event.partyId,
        visibility: event.visibility,
      });
    case 'amendment.changed':
      return can(viewer, 'position.read', {
        kind: 'position',
        negotiationId: event.negotiationId,
        partyId: event.partyId,
        visibility: 'mediator',
      });
    case 'version.created':
    case 'escalation.changed':
    case 'round.created':
    case 'statement.created':
      return can(viewer, 'plan.read', negotiation);
    default:
      return false;
  }
}

/** An in-process publish/subscribe hub for plan events, one per database. */
export class PlanEventHub {
  private readonly listeners = new Map<string, Set<Listener>>();
  private relay: ((event: PlanEvent) => void) | undefined;

  /** Announces a committed change: to this process's subscribers, and through the relay (if any) to other processes. */
  publish(event: PlanEvent): void {
    this.deliver(event);
    this.relay?.(event);
  }

  /** Hands an event to this process's subscribers only (used for events relayed from elsewhere). */
  deliver(event: PlanEvent): void {
    for (const listener of this.listeners.get(event.negotiationId) ?? []) listener(event);
  }

  /** Sends every published event on to other processes as well (see plan-notify.ts). */
  setRelay(relay: ((event: PlanEvent) => void) | undefined): void {
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
}

// Keyed by the database object so every app over one database shares a hub without a new
// dependency in AppDeps; on PostgreSQL, plan-notify.ts relays events between processes.
const HUBS = new WeakMap<object, PlanEventHub>();

export function planEventHub(db: object): PlanEventHub {
  let hub = HUBS.get(db);
  if (hub === undefined) {
    hub = new PlanEventHub();
    HUBS.set(db, hub);
  }
  return hub;
}
