import {
  can,
  DomainError,
  LeadHandoverIdSchema,
  type DecideLeadHandoverInput,
  type LeadHandover,
  type LeadHandoverId,
  type Negotiation,
  type Party,
  type ProposeLeadHandoverInput,
  type Viewer,
} from '@parley/core';
import {
  decideLeadHandover,
  findLeadHandoverForUpdate,
  insertLeadHandover,
  listLeadHandovers,
} from '../storage/lead-handovers';
import { listParties } from '../storage/parties';
import { commitChange } from './commit-change';
import type { AppDeps } from './deps';
import { applyLeadChange } from './lead-change';
import { colleagueOrNotFound } from './members';
import { partyResource } from './known-party';
import { assertAllowed, visibleOrNotFound } from './viewer';

/**
 * The mediator may not replace a party's lead on its own (#13): it proposes a hand-over, which
 * changes nothing until that party's current lead accepts it (or declines; the mediator may
 * withdraw it while it is pending).
 */
export async function proposeLeadHandover(
  deps: AppDeps,
  viewer: Viewer,
  input: { party: Party; proposal: ProposeLeadHandoverInput },
): Promise<LeadHandover> {
  const { party, proposal } = input;
  assertAllowed(
    can(viewer, 'lead.propose', partyResource(party)),
    "propose a new lead for this party (the mediator's staff do, for another party)",
  );
  const proposer = viewer.userId;
  const successor = await colleagueOrNotFound(deps.db, viewer, {
    userId: proposal.userId,
    at: deps.clock.now(),
  });
  if (proposer === null) throw new DomainError('not-found', 'User not found.', { field: 'userId' });
  const handover: LeadHandover = {
    id: LeadHandoverIdSchema.parse(deps.ids.next()),
    negotiationId: party.negotiationId,
    partyId: party.id,
    userId: successor.id,
    displayName: successor.displayName,
    title: proposal.title,
    validFrom: proposal.validFrom,
    state: 'pending',
    proposedBy: proposer,
    proposedAt: deps.clock.now().toISOString(),
    decidedAt: null,
    revision: 1,
  };
  await commitChange(deps, {
    actor: viewer,
    write: (tx) => insertLeadHandover(tx, handover),
    audit: {
      action: 'lead-handover.propose',
      subjectType: 'party',
      subjectId: party.id,
      negotiationId: party.negotiationId,
      detail: { handoverId: handover.id, userId: successor.id, validFrom: handover.validFrom },
    },
  });
  return handover;
}

/** Hand-overs of the parties whose proposals the viewer may see (their own, or all for the mediator). */
export async function listLeadHandoversForViewer(
  deps: AppDeps,
  viewer: Viewer,
  negotiation: Negotiation,
): Promise<LeadHandover[]> {
  const [handovers, parties] = await Promise.all([
    listLeadHandovers(deps.db, negotiation.id),
    listParties(deps.db, negotiation.id),
  ]);
  const visible = new Set(
    parties.filter((party) => can(viewer, 'lead.read', partyResource(party))).map((party) => party.id),
  );
  return handovers.filter((handover) => visible.has(handover.partyId));
}

/** Accept or decline (the party's lead) or withdraw (the mediator's staff) a pending hand-over. */
export async function decideLeadHandoverFor(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; handoverId: LeadHandoverId; decision: DecideLeadHandoverInput },
): Promise<LeadHandover> {
  const { negotiation, decision } = input;
  const parties = await listParties(deps.db, negotiation.id);
  const at = deps.clock.now();
  const decided = await commitChange(deps, {
    actor: viewer,
    at,
    write: async (tx, within) => {
      const found = await findLeadHandoverForUpdate(tx, {
        negotiationId: negotiation.id,
        id: input.handoverId,
      });
      const party = parties.find((candidate) => candidate.id === found?.partyId);
      const handover = visibleOrNotFound(
        found,
        () => party !== undefined && can(viewer, 'lead.read', partyResource(party)),
        'Lead hand-over',
      );
      if (party === undefined) throw new DomainError('not-found', 'Lead hand-over not found.');
      const action = decision.decision === 'withdraw' ? 'lead.withdraw' : 'lead.decide';
      assertAllowed(
        can(viewer, action, partyResource(party)),
        decision.decision === 'withdraw' ? 'withdraw this proposal' : "decide on this party's lead",
      );
      if (handover.state !== 'pending')
        throw new DomainError('conflict', `This proposal is already ${handover.state}.`, {
          field: 'baseRevision',
        });
      if (handover.revision !== decision.baseRevision)
        throw new DomainError(
          'conflict',
          `This proposal changed since revision ${decision.baseRevision} (it is at revision ${handover.revision}): reload it and decide again.`,
          { field: 'baseRevision' },
        );
      const state = { accept: 'accepted', decline: 'declined', withdraw: 'withdrawn' } as const;
      if (decision.decision === 'accept')
        await applyLeadChange(
          deps,
          {
            party,
            actor: viewer,
            userId: handover.userId,
            title: handover.title,
            validFrom: handover.validFrom,
          },
          within,
        );
      const by = viewer.userId;
      if (by === null) throw new DomainError('unauthenticated', 'Sign in first.');
      await decideLeadHandover(tx, { id: handover.id, state: state[decision.decision], by, at });
      return {
        party,
        handover: {
          ...handover,
          state: state[decision.decision],
          decidedAt: at.toISOString(),
          revision: handover.revision + 1,
        },
      };
    },
    audit: ({ party, handover }) => ({
      action: `lead-handover.${decision.decision}`,
      subjectType: 'party',
      subjectId: party.id,
      negotiationId: negotiation.id,
      detail: { handoverId: handover.id },
    }),
  });
  return decided.handover;
}
