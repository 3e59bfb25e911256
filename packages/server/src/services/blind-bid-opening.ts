import {
  BiddingIdSchema,
  can,
  DomainError,
  type Bidding,
  type Negotiation,
  type OpenBiddingInput,
  type PlanVersionId,
  type PointId,
  type Viewer,
} from '@parley/core';
import { insertBidding, listBiddings, type StoredBidding } from '../storage/blind-bids';
import { listParties } from '../storage/parties';
import { commitChange } from './commit-change';
import type { AppDeps } from './deps';
import { biddingChanged, getBiddingForViewer } from './blind-bids';
import { issuesAt } from './live-issues';
import { assertAllowed } from './viewer';

const invalid = (field: string, message: string) => new DomainError('invalid-input', message, { field });

/**
 * The mediator's staff open a bidding on a numeric-range issue of a version, naming the giving and
 * the taking party and announcing the settlement rule before anyone bids.
 */
export async function openBidding(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; body: OpenBiddingInput },
): Promise<Bidding> {
  const { negotiation } = input;
  assertAllowed(
    can(viewer, 'bidding.manage', { kind: 'negotiation', negotiationId: negotiation.id }),
    'open a bidding',
  );
  const body = input.body;
  const range = await numericIssue(deps, viewer, {
    negotiation,
    versionId: body.versionId,
    pointId: body.pointId,
  });
  const parties = await listParties(deps.db, negotiation.id);
  for (const field of ['givingPartyId', 'takingPartyId'] as const)
    if (!parties.some((party) => party.id === body[field] && party.role === 'party'))
      throw invalid(field, 'Name a negotiating party of this negotiation (not the mediator or an observer).');
  if (body.givingPartyId === body.takingPartyId)
    throw invalid('takingPartyId', 'The giving and the taking party must differ.');
  const at = deps.clock.now();
  if (body.closesAt !== null && Date.parse(body.closesAt) <= at.getTime())
    throw invalid('closesAt', 'The closing time must be in the future.');
  const bidding: StoredBidding = {
    id: BiddingIdSchema.parse(deps.ids.next()),
    negotiationId: negotiation.id,
    versionId: body.versionId,
    pointId: body.pointId,
    givingPartyId: body.givingPartyId,
    takingPartyId: body.takingPartyId,
    ...range,
    rule: body.rule,
    closesAt: body.closesAt === null ? null : new Date(body.closesAt),
    openedBy: viewer.userId,
    openedAt: at,
    revealedAt: null,
    revealedBy: null,
    outcome: null,
  };
  await commitChange(deps, {
    actor: viewer,
    at,
    write: async (tx) => {
      const pending = (await listBiddings(tx, negotiation.id)).some(
        (other) => other.pointId === bidding.pointId && other.revealedAt === null,
      );
      if (pending)
        throw new DomainError('conflict', 'A bidding on this point is already open; reveal it first.');
      await insertBidding(tx, bidding);
    },
    audit: {
      action: 'bid.open',
      subjectType: 'blind_bidding',
      subjectId: bidding.id,
      negotiationId: negotiation.id,
      detail: {
        biddingId: bidding.id,
        versionId: bidding.versionId,
        pointId: bidding.pointId,
        partyIds: [bidding.givingPartyId, bidding.takingPartyId],
        rule: bidding.rule,
        closesAt: body.closesAt,
      },
    },
    event: biddingChanged(bidding),
  });
  return getBiddingForViewer(deps, viewer, { negotiation, biddingId: bidding.id });
}

/** The point's range on that version; a point with options, or none, is refused naming `pointId`. */
async function numericIssue(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; versionId: PlanVersionId; pointId: PointId },
): Promise<{ unit: string; min: number; max: number }> {
  const issues = await issuesAt(deps, viewer, input).catch((error: unknown) => {
    if (error instanceof DomainError && error.code === 'not-found')
      throw invalid('versionId', 'No such version of this plan.');
    throw error;
  });
  const issue = issues.find((entry) => entry.pointId === input.pointId);
  if (issue === undefined) throw invalid('pointId', 'No such point in this version.');
  const definition = issue.definition;
  if (definition === null)
    throw invalid('pointId', `Point ${issue.number} is not an issue: blind bids need a numeric range.`);
  if (definition.kind !== 'range')
    throw invalid(
      'pointId',
      `Point ${issue.number} has options, not a numeric range: blind bids need a number.`,
    );
  if (issue.needsReconciling)
    throw invalid(
      'pointId',
      `Point ${issue.number} needs reconciling after a merge or split; save its range first.`,
    );
  return { unit: definition.unit, min: definition.min, max: definition.max };
}
