import type { LeadHandover, Member, Party } from '@parley/core';
import { useState } from 'react';
import { listMembers } from '../../api/endpoints';
import { listLeadHandovers } from '../../api/setup-endpoints';
import { useResource } from '../../api/use-resource';
import { may, mayForParty, mayIn, ownSeatsIn, useSession } from '../../app/session';
import { usePageTitle } from '../../components/page-title';
import { Show } from '../../components/status';
import { useNegotiation } from '../negotiation/negotiation-context';
import { AddPartyForm } from './add-party-form';
import { EditPartyForm } from './edit-party-form';
import { HandOverForm } from './hand-over-form';
import { InviteForm } from './invite-form';
import { PendingHandOvers } from './pending-hand-overs';
import { PendingInvitations } from './pending-invitations';
import { SeatForm } from './seat-form';
import { ScheduledLead } from './scheduled-lead';
import { SeatList } from './seat-list';

const ROLE_LABELS = { mediator: 'Mediator', party: 'Party', observer: 'Observer' } as const;

/** Parties and their delegations: who sits for whom, invitations and lead hand-overs. */
export function DelegationsPage() {
  const { me } = useSession();
  const { negotiation, parties, tick } = useNegotiation();
  usePageTitle('Delegations', negotiation.title);
  const data = useResource(async () => {
    const [members, handovers] = await Promise.all([
      listMembers(negotiation.id),
      listLeadHandovers(negotiation.id),
    ]);
    return { members: members.items, handovers: handovers.items };
  }, [negotiation.id, tick]);
  return (
    <>
      <h2 className="visually-hidden">Delegations</h2>
      {mayIn(me, 'party.create', negotiation.id) && <AddPartyForm />}
      <Show resource={data} what="the delegations">
        {({ members, handovers }) => (
          <ul className="cards delegations">
            {parties.map((party) => (
              <PartyCard
                key={party.id}
                party={party}
                seats={members.filter((member) => member.partyId === party.id)}
                handovers={handovers.filter((handover) => handover.partyId === party.id)}
              />
            ))}
          </ul>
        )}
      </Show>
    </>
  );
}

function PartyCard({
  party,
  seats,
  handovers,
}: {
  party: Party;
  seats: readonly Member[];
  handovers: readonly LeadHandover[];
}) {
  const { me } = useSession();
  const now = Date.now();
  const current = seats.filter(
    (seat) => Date.parse(seat.validFrom) <= now && (seat.validTo === null || Date.parse(seat.validTo) > now),
  );
  const hasLead = seats.some(
    (seat) => seat.function === 'lead' && (seat.validTo === null || Date.parse(seat.validTo) > now),
  );
  // As the server counts it: the mediator's first-lead right ends for good with a party's first lead.
  const hasHadLead = seats.some((seat) => seat.function === 'lead');
  // A link withdrawn below is no longer offered for copying in the invite form above it.
  const [withdrawnIds, setWithdrawnIds] = useState<readonly string[]>([]);
  const resource = {
    kind: 'party',
    negotiationId: party.negotiationId,
    partyId: party.id,
    partyRole: party.role,
  } as const;
  const mayManage = mayForParty(me, 'member.manage', party);
  const mayInviteLead = may(me, 'member.seat-first-lead', {
    ...resource,
    kind: 'delegation',
    hasLead: hasHadLead,
  });
  // The mediator's staff may have sent this party's first lead an invitation before it had one.
  const isMediatorStaff = may(me, 'member.seat-first-lead', {
    ...resource,
    kind: 'delegation',
    hasLead: false,
  });
  const mayChangeLead = mayForParty(me, 'lead.change', party);
  const mayPropose = hasLead && mayForParty(me, 'lead.propose', party);
  const candidates = current.filter((seat) => seat.function !== 'lead');
  // A member who is not the lead is told why no form is offered, rather than left looking for one.
  const sitsHereNotLeading =
    !mayManage && ownSeatsIn(me, party.negotiationId).some((seat) => seat.partyId === party.id);
  return (
    <li className="card" aria-labelledby={`party-${party.id}`}>
      <h3 id={`party-${party.id}`}>
        {party.name} <span className="chip">{ROLE_LABELS[party.role]}</span>
        {party.required && <span className="muted small"> required for agreement</span>}
      </h3>
      <ScheduledLead seats={seats} />
      <SeatList party={party} seats={seats} />
      {mayIn(me, 'party.update', party.negotiationId) && (
        <details>
          <summary>Edit {party.name}</summary>
          <EditPartyForm party={party} />
        </details>
      )}
      <PendingHandOvers party={party} handovers={handovers} />
      {sitsHereNotLeading && (
        <p className="muted small">
          Your delegation&apos;s lead invites and seats its members, ends seats and hands over the lead.
        </p>
      )}
      {(mayManage || isMediatorStaff) && (
        <PendingInvitations
          party={party}
          mayInvite={mayManage || mayInviteLead}
          onWithdrawn={(id) => setWithdrawnIds((ids) => [...ids, id])}
        />
      )}
      {(mayManage || mayInviteLead) && (
        <details>
          <summary>{mayManage ? 'Invite someone' : `Invite the lead of ${party.name}`}</summary>
          <InviteForm party={party} onlyLead={!mayManage} withdrawnIds={withdrawnIds} />
        </details>
      )}
      {(mayManage || mayInviteLead) && (
        <details>
          <summary>{mayManage ? 'Seat someone with an account' : `Seat the lead of ${party.name}`}</summary>
          <SeatForm party={party} onlyLead={!mayManage} />
        </details>
      )}
      {(mayChangeLead || mayPropose) && (
        <details>
          <summary>{mayChangeLead ? 'Hand over the lead' : 'Propose a new lead'}</summary>
          <HandOverForm
            party={party}
            candidates={candidates}
            asProposal={!mayChangeLead}
            leadSince={current.find((seat) => seat.function === 'lead')?.validFrom}
          />
        </details>
      )}
    </li>
  );
}
