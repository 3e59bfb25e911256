import type { LeadHandover, Party } from '@parley/core';
import { useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/api-error';
import { decideLeadHandover, listLeadHandovers } from '../../api/setup-endpoints';
import { mayForParty, ownSeatsIn, useSession, type Session } from '../../app/session';
import { FormMessage, useFormSubmission } from '../../components/form-submission';
import { useNegotiation } from '../negotiation/negotiation-context';
import { formatIn } from '../deadlines/zoned-time';

/** Proposed hand-overs of one party: its lead accepts or declines; the mediator may withdraw. */
export function PendingHandOvers({ party, handovers }: { party: Party; handovers: readonly LeadHandover[] }) {
  // Proposals someone else decided while this viewer was deciding (a 409), as re-read then: they
  // stay listed, with what was decided, rather than vanish from under the click.
  const [decidedMeanwhile, setDecidedMeanwhile] = useState<readonly LeadHandover[]>([]);
  const shown = handovers.flatMap((handover) => {
    const decided = decidedMeanwhile.find((other) => other.id === handover.id);
    return decided !== undefined ? [decided] : handover.state === 'pending' ? [handover] : [];
  });
  if (shown.length === 0) return null;
  return (
    <section aria-label={`Proposed lead hand-overs for ${party.name}`}>
      <h4>Proposed by the mediator</h4>
      <ul className="compact">
        {shown.map((handover) => (
          <PendingHandOver
            key={handover.id}
            party={party}
            handover={handover}
            onDecidedMeanwhile={(decided) => setDecidedMeanwhile((all) => [...all, decided])}
          />
        ))}
      </ul>
    </section>
  );
}

function PendingHandOver({
  party,
  handover,
  onDecidedMeanwhile,
}: {
  party: Party;
  handover: LeadHandover;
  /** The proposal as re-read after a 409, when someone else decided it meanwhile. */
  onDecidedMeanwhile: (handover: LeadHandover) => void;
}) {
  const { me } = useSession();
  const { negotiation, refresh } = useNegotiation();
  const { busy, message, submit } = useFormSubmission();
  const navigate = useNavigate();
  const consequenceId = useId();
  const mayDecide = mayForParty(me, 'lead.decide', party);
  const mayWithdraw = mayForParty(me, 'lead.withdraw', party);
  // Accepting replaces the lead who accepts: their lead seat ends when the successor's starts.
  const keepsAccess = keepsASeatBeyondLead(me, party);
  const decide = (decision: 'accept' | 'decline' | 'withdraw') =>
    submit(
      async () => {
        // The revision the viewer saw: a proposal decided meanwhile answers 409, not a second change.
        await decideLeadHandover(negotiation.id, handover.id, {
          decision,
          baseRevision: handover.revision,
        }).catch(async (failure: unknown) => {
          const decided = failure instanceof ApiError && failure.isConflict ? await reread() : undefined;
          if (decided === undefined) throw failure;
          onDecidedMeanwhile(decided);
          refresh();
          throw new Error(decidedText(decided, party, negotiation.timeZone));
        });
        // A lead whose seat ended with this has no access here any more: this page would only say
        // "not found". Their list of negotiations says what happened instead (as for a hand-over).
        if (decision === 'accept' && !keepsAccess && Date.parse(handover.validFrom) <= Date.now()) {
          navigate('/', {
            state: {
              notice: `You accepted ${handover.displayName} as lead of ${party.name}; your seat in “${negotiation.title}” has ended.`,
            },
          });
          return;
        }
        refresh();
      },
      `Proposal ${decision === 'accept' ? 'accepted' : decision === 'decline' ? 'declined' : 'withdrawn'}.`,
    );
  const reread = async () => {
    const all = await listLeadHandovers(negotiation.id).catch(() => undefined);
    const current = all?.items.find((other) => other.id === handover.id);
    return current?.state === 'pending' ? undefined : current;
  };
  const proposed = (
    <>
      <strong>{handover.displayName}</strong> to lead from{' '}
      {formatIn(handover.validFrom, negotiation.timeZone)}
      {handover.title && <> as “{handover.title}”</>}
    </>
  );
  // Decided meanwhile: what was decided, by whom and when, and no button left to press.
  if (handover.state !== 'pending')
    return (
      <li>
        {proposed}
        <p className="conflict" role="alert">
          {decidedText(handover, party, negotiation.timeZone)}
        </p>
      </li>
    );
  const startsNow = Date.parse(handover.validFrom) <= Date.now();
  const when = startsNow ? 'at once' : `on ${formatIn(handover.validFrom, negotiation.timeZone)}`;
  return (
    <li>
      {proposed}
      {mayDecide && (
        <p id={consequenceId} className="warning">
          Accepting ends your seat as lead of {party.name} {when}
          {keepsAccess ? '.' : `: from then you no longer have access to “${negotiation.title}”.`}
        </p>
      )}
      <div className="inline-actions">
        {mayDecide && (
          <>
            <form onSubmit={decide('accept')}>
              <button type="submit" disabled={busy} aria-describedby={consequenceId}>
                Accept
              </button>
            </form>
            <form onSubmit={decide('decline')}>
              <button type="submit" disabled={busy}>
                Decline
              </button>
            </form>
          </>
        )}
        {mayWithdraw && (
          <form onSubmit={decide('withdraw')}>
            <button type="submit" disabled={busy}>
              Withdraw
            </button>
          </form>
        )}
      </div>
      <FormMessage message={message} />
    </li>
  );
}

const DECIDED = { accepted: 'accepted', declined: 'declined', withdrawn: 'withdrew' } as const;

/**
 * Who decided a proposal before the viewer's decision reached the server, and when: the lead
 * accepts or declines, the mediator withdraws (the API names the role, not the person).
 */
function decidedText(handover: LeadHandover, party: Party, timeZone: string): string {
  if (handover.state === 'pending') return '';
  const who = handover.state === 'withdrawn' ? 'The mediator' : `The lead of ${party.name}`;
  const when = handover.decidedAt === null ? '' : ` on ${formatIn(handover.decidedAt, timeZone)}`;
  return `${who} ${DECIDED[handover.state]} this proposal${when}, before your decision reached Parley: there is nothing left to decide.`;
}

/** Whether the viewer holds a seat in this negotiation other than the lead of `party` (which a hand-over ends). */
function keepsASeatBeyondLead(me: Session['me'], party: Party): boolean {
  return ownSeatsIn(me, party.negotiationId).some(
    (seat) => !(seat.partyId === party.id && seat.function === 'lead'),
  );
}
