import type {
  Amendment,
  Escalation,
  Negotiation,
  NegotiationId,
  Party,
  PlanVersionId,
  Position,
  Round,
  Statement,
  UserId,
} from '@parley/core';
import { listSeatsOfUser, type Seat } from '../storage/members';
import { findNegotiation } from '../storage/negotiations';
import { listParties } from '../storage/parties';
import { listPositions } from '../storage/plan-positions';
import { listAmendments, listEscalations, listRounds } from '../storage/plan-records';
import { findPlanRevision } from '../storage/plan-versions';
import { findSession, type StoredSession } from '../storage/sessions';
import type { Database } from '../storage/database';
import type { TrackedTable } from '../storage/read-generations';
import { loadStatementsIncrementally } from './cached-statements';
import { cachedRead } from './read-cache';

// The reads on every request's path, through the generation-checked cache (read-cache.ts). What
// they return is shared between requests: read it, never change it.

function perNegotiation<T>(
  db: Database,
  scope: { table: TrackedTable; negotiationId: string },
  load: () => Promise<T>,
): Promise<T> {
  return cachedRead(db, { key: `${scope.table}:${scope.negotiationId}`, scopes: [scope], load });
}

/** A session by the hash of its token, expired or not: the caller compares `expiresAt` with its clock. */
export function cachedSession(db: Database, idHash: string): Promise<StoredSession | undefined> {
  return cachedRead(db, {
    key: `session:${idHash}`,
    scopes: [{ table: 'sessions', negotiationId: null }],
    load: () => findSession(db, idHash),
  });
}

/** Every seat the user has held, with its dates: the caller keeps those valid at its `now`. */
export function cachedSeatsOfUser(db: Database, userId: UserId): Promise<readonly Seat[]> {
  return cachedRead(db, {
    key: `seats:${userId}`,
    scopes: [
      { table: 'members', negotiationId: null },
      { table: 'parties', negotiationId: null },
    ],
    load: () => listSeatsOfUser(db, userId),
  });
}

export const cachedNegotiation = (db: Database, id: NegotiationId): Promise<Negotiation | undefined> =>
  perNegotiation(db, { table: 'negotiations', negotiationId: id }, () => findNegotiation(db, id));

export const cachedPlanRevision = (db: Database, negotiationId: string): Promise<number> =>
  perNegotiation(db, { table: 'plan_heads', negotiationId: negotiationId }, () =>
    findPlanRevision(db, negotiationId),
  );

export const cachedParties = (db: Database, negotiationId: NegotiationId): Promise<readonly Party[]> =>
  perNegotiation(db, { table: 'parties', negotiationId: negotiationId }, () =>
    listParties(db, negotiationId),
  );

export const cachedAmendments = (db: Database, negotiationId: string): Promise<readonly Amendment[]> =>
  perNegotiation(db, { table: 'plan_amendments', negotiationId: negotiationId }, () =>
    listAmendments(db, negotiationId),
  );

export const cachedEscalations = (db: Database, negotiationId: string): Promise<readonly Escalation[]> =>
  perNegotiation(db, { table: 'plan_escalations', negotiationId: negotiationId }, () =>
    listEscalations(db, negotiationId),
  );

export const cachedRounds = (db: Database, negotiationId: string): Promise<readonly Round[]> =>
  perNegotiation(db, { table: 'plan_rounds', negotiationId: negotiationId }, () =>
    listRounds(db, negotiationId),
  );

export const cachedStatements = (db: Database, negotiationId: string): Promise<readonly Statement[]> =>
  perNegotiation(db, { table: 'plan_statements', negotiationId: negotiationId }, () =>
    loadStatementsIncrementally(db, negotiationId),
  );

export function cachedPositions(
  db: Database,
  input: { negotiationId: NegotiationId; versionId: PlanVersionId },
): Promise<readonly Position[]> {
  return cachedRead(db, {
    key: `plan_positions:${input.negotiationId}:${input.versionId}`,
    scopes: [{ table: 'plan_positions', negotiationId: input.negotiationId }],
    load: () => listPositions(db, input),
  });
}
