import type { Party, PendingInvitation } from '@parley/core';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/api-error';
import { listPendingInvitations, revokeInvitation } from '../../api/setup-endpoints';
import { useResource } from '../../api/use-resource';
import { useSession } from '../../app/session';
import { FormMessage, useFormSubmission } from '../../components/form-submission';
import { Show } from '../../components/status';
import { useNegotiation } from '../negotiation/negotiation-context';
import { formatIn } from '../deadlines/zoned-time';
import { FUNCTION_LABELS } from './format';

/**
 * A delegation's invitations not yet accepted, for whoever may send them (and whoever sent one):
 * a mistyped address is withdrawn here rather than left redeemable until it expires.
 * `mayInvite`: the viewer may invite to this party now; otherwise the list shows only when the
 * server has some for them (invitations they sent before the party had its lead).
 */
export function PendingInvitations({
  party,
  mayInvite,
  onWithdrawn: tellWithdrawn,
}: {
  party: Party;
  mayInvite: boolean;
  onWithdrawn?: (invitationId: string) => void;
}) {
  const { negotiation, tick, refresh } = useNegotiation();
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | undefined>(undefined);
  // The withdrawn item, and the button that had the focus, are gone: the notice takes it.
  const noticeLine = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (notice !== undefined) noticeLine.current?.focus();
  }, [notice]);
  const pending = useResource(
    () => listPendingInvitations(negotiation.id, party.id),
    [negotiation.id, party.id, tick],
  );
  if (!mayInvite && (pending.state !== 'ready' || pending.data.items.length === 0)) return null;
  const onWithdrawn = (invitation: PendingInvitation) => {
    setNotice({
      kind: 'ok',
      text: `The invitation for ${invitation.email} was withdrawn: its link no longer works.`,
    });
    tellWithdrawn?.(invitation.id);
    refresh();
  };
  // Withdrawn, accepted or expired meanwhile (issue #11 item 8): the refresh takes the item and its
  // button away, and this says what happened in its place, never "reload".
  const onOvertaken = (invitation: PendingInvitation, detail: string) => {
    setNotice({ kind: 'error', text: `The invitation for ${invitation.email} was not withdrawn: ${detail}` });
    refresh();
  };
  return (
    <section aria-label={`Pending invitations to ${party.name}`}>
      <h4>Pending invitations</h4>
      <Show resource={pending} what="the pending invitations">
        {({ items }) =>
          items.length === 0 ? (
            <p className="muted">None pending.</p>
          ) : (
            <ul className="compact">
              {items.map((invitation) => (
                <PendingInvitationItem
                  key={invitation.id}
                  invitation={invitation}
                  onWithdrawn={onWithdrawn}
                  onOvertaken={onOvertaken}
                />
              ))}
            </ul>
          )
        }
      </Show>
      {notice && (
        <p
          ref={noticeLine}
          tabIndex={-1}
          className={notice.kind}
          role={notice.kind === 'ok' ? 'status' : 'alert'}
        >
          {notice.text}
        </p>
      )}
    </section>
  );
}

function PendingInvitationItem({
  invitation,
  onWithdrawn,
  onOvertaken,
}: {
  invitation: PendingInvitation;
  onWithdrawn: (invitation: PendingInvitation) => void;
  onOvertaken: (invitation: PendingInvitation, detail: string) => void;
}) {
  const { me } = useSession();
  const { negotiation } = useNegotiation();
  const [isConfirming, setConfirming] = useState(false);
  // "Withdraw" gives way to the question: the focus goes to its answer, not to the page.
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (isConfirming) confirmButton.current?.focus();
  }, [isConfirming]);
  const { busy, message, submit } = useFormSubmission();
  const withdraw = submit(async () => {
    try {
      await revokeInvitation(negotiation.id, invitation.id);
    } catch (failure) {
      if (!(failure instanceof ApiError && failure.isConflict)) throw failure;
      onOvertaken(invitation, failure.problem?.detail ?? failure.message);
      // Never "Withdrawn." for a withdrawal that did not happen here, however briefly shown.
      throw new Error('Not withdrawn: see below.');
    }
    onWithdrawn(invitation);
  }, 'Withdrawn.');
  const sender = invitation.sentBy.userId === me.user.id ? 'you' : invitation.sentBy.displayName;
  return (
    <li>
      <strong>{invitation.email}</strong> as {FUNCTION_LABELS[invitation.function].toLowerCase()}
      {invitation.title !== '' && <> (“{invitation.title}”)</>}, sent by {sender}; expires{' '}
      {formatIn(invitation.expiresAt, negotiation.timeZone)}
      {isConfirming ? (
        <form
          onSubmit={withdraw}
          className="inline-actions"
          aria-label={`Withdraw the invitation for ${invitation.email}`}
        >
          <span>Withdraw it? Its link stops working at once.</span>
          <button ref={confirmButton} type="submit" disabled={busy}>
            Yes, withdraw
          </button>
          <button type="button" onClick={() => setConfirming(false)} disabled={busy}>
            Keep it
          </button>
        </form>
      ) : (
        <div className="inline-actions">
          <button type="button" onClick={() => setConfirming(true)}>
            Withdraw
          </button>
        </div>
      )}
      <FormMessage message={message} />
    </li>
  );
}
