import type { LeadHandover, Party } from '@parley/core';
import { decideLeadHandover } from '../../api/setup-endpoints';
import { mayForParty, useSession } from '../../app/session';
import { FormMessage, useFormSubmission } from '../../components/form-submission';
import { useNegotiation } from '../negotiation/negotiation-context';
import { formatInZone } from './format';

/** Proposed hand-overs of one party: its lead accepts or declines; the mediator may withdraw. */
export function PendingHandOvers({ party, handovers }: { party: Party; handovers: readonly LeadHandover[] }) {
  const pending = handovers.filter((handover) => handover.state === 'pending');
  if (pending.length === 0) return null;
  return (
    <section aria-label={`Proposed lead hand-overs for ${party.name}`}>
      <h4>Proposed by the mediator</h4>
      <ul className="compact">
        {pending.map((handover) => (
          <PendingHandOver key={handover.id} party={party} handover={handover} />
        ))}
      </ul>
    </section>
  );
}

function PendingHandOver({ party, handover }: { party: Party; handover: LeadHandover }) {
  const { me } = useSession();
  const { negotiation, refresh } = useNegotiation();
  const { busy, message, submit } = useFormSubmission();
  const decide = (decision: 'accept' | 'decline' | 'withdraw') =>
    submit(
      async () => {
        // The revision the viewer saw: a proposal decided meanwhile answers 409, not a second change.
        await decideLeadHandover(negotiation.id, handover.id, { decision, baseRevision: handover.revision });
        refresh();
      },
      `Proposal ${decision === 'accept' ? 'accepted' : decision === 'decline' ? 'declined' : 'withdrawn'}.`,
    );
  const mayDecide = mayForParty(me, 'lead.decide', party);
  const mayWithdraw = mayForParty(me, 'lead.withdraw', party);
  return (
    <li>
      <strong>{handover.displayName}</strong> to lead from{' '}
      {formatInZone(handover.validFrom, negotiation.timeZone)}
      {handover.title && <> as “{handover.title}”</>}
      <div className="inline-actions">
        {mayDecide && (
          <>
            <form onSubmit={decide('accept')}>
              <button type="submit" disabled={busy}>
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
